// The samples JSONL of the file-based benchmark: models x problems x (greedy + n) lines of
// {"model","problem_id","sample_index","text","gold"}, ~`words` words each, drawn from a wide
// Zipf-distributed vocabulary so that texts share about as few n-grams as real model output does
// (the synthetic bundle's templated texts repeat far more and flatter the diversity code).
// Every line is a pure function of (options, model, problem, index): the same options give the
// same bytes, which the golden-output test relies on.
import { hashString, mulberry32, type Random } from '../../src/lib/core/random';

export interface SamplesFileOptions {
	models?: number;
	problems?: number;
	n?: number;
	words?: number;
	vocabulary?: number;
	seed?: number;
}

const SYLLABLES = ['i', 'o', 'a', 'e', 'ka', 'lo', 'mi', 'ne', 'su', 'ta', 'ri', 'po', 'an', 'el', 'or', 'ul', 'ba', 'de', 'fi', 'go', 'hu', 'ja', 'ke', 'zu', 'vo', 'xi', 'qu', 'wy'];
const PUNCTUATION = ['.', ',', ';', ':', '?', '!'];

function makeVocabulary(size: number, random: Random): string[] {
	const words = new Set<string>();
	while (words.size < size) {
		const syllables = 1 + Math.floor(random() * 3.3);
		let w = '';
		for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
		words.add(w);
	}
	return [...words];
}

/** Cumulative Zipf(1) weights, for drawing word ranks by binary search. */
function zipfTable(size: number): Float64Array {
	const cdf = new Float64Array(size);
	let sum = 0;
	for (let i = 0; i < size; i++) cdf[i] = sum += 1 / (i + 1);
	for (let i = 0; i < size; i++) cdf[i]! /= sum;
	return cdf;
}

function draw(cdf: Float64Array, u: number): number {
	let lo = 0;
	let hi = cdf.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (cdf[mid]! < u) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Yields the file's lines (without newlines), model by model, problem by problem. */
export function* samplesFileLines(options: SamplesFileOptions = {}): Generator<string> {
	const { models = 5, problems = 500, n = 64, words = 120, vocabulary = 50_000, seed = 1 } = options;
	const vocab = makeVocabulary(vocabulary, mulberry32(seed));
	const cdf = zipfTable(vocab.length);
	for (let m = 0; m < models; m++) {
		const model = `M${m + 1}`;
		for (let p = 0; p < problems; p++) {
			const problem = `p-${p + 1}`;
			const gold = 10 + (hashString(problem, seed) % 990);
			// Later models are more often right on easy problems and less often on hard ones.
			const ease = ((hashString(`ease ${problem}`, seed) % 1000) / 1000) * 2 - 1;
			const rate = 1 / (1 + Math.exp(-(ease * (1 + m) + (p % 4 === 3 ? -0.3 : 0.2) * m - 0.2 * (p % 5))));
			for (let index = -1; index < n; index++) {
				const random = mulberry32(hashString(`${model}|${problem}|${index}`, seed));
				const parts: string[] = [];
				for (let w = 0; w < words - 8; w++) {
					const u = random();
					if (u < 0.04) parts.push(String(Math.floor(random() * 1000)));
					else parts.push(vocab[draw(cdf, random())]!);
					if (random() < 0.08) parts.push(PUNCTUATION[Math.floor(random() * PUNCTUATION.length)]!);
				}
				const correct = random() < rate;
				const answer = correct ? gold : gold + 1 + Math.floor(random() * 5);
				parts.push(`so ${answer - 7} + 7 = ${answer}. The answer is ${answer}.\n#### ${answer}`);
				const line = { model, problem_id: problem, sample_index: index, text: parts.join(' '), gold: String(gold) };
				// The problem's tags ride on its greedy line (the first of each model's block).
				yield JSON.stringify(index < 0 ? { ...line, split: p % 4 === 3 ? 'ood' : 'in-domain', level: 1 + (p % 5) } : line);
			}
		}
	}
}
