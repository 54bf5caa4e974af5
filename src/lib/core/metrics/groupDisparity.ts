/**
 * Group disparity (paper section 5.3): (acc(easiest) - acc(hardest)) / acc(easiest), the share of
 * the easiest level's accuracy lost at the hardest level. Undefined when either accuracy is
 * missing or acc(easiest) = 0.
 */
export function groupDisparity(easiest: number | undefined, hardest: number | undefined): number | undefined {
	if (easiest === undefined || hardest === undefined || !(easiest > 0)) return undefined;
	return (easiest - hardest) / easiest;
}
