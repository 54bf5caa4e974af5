import type { Sample } from '../types';

export interface AnswerMass {
	/** The extracted answer; null collects the samples without one. */
	answer: string | null;
	count: number;
	/** count / n. */
	share: number;
	/** True when the samples with this answer were graded correct. */
	correct: boolean;
}

export interface AnswerSpaceView {
	/** Sampled outputs considered (the greedy output is not part of the sampled answer space). */
	n: number;
	/** Distinct answers, largest mass first (ties by answer text), "no answer" last. */
	answers: AnswerMass[];
	/** Share of samples on a correct answer: the problem's c/n. */
	correctMass: number;
	/** The gold answer, when given, for display beside the distribution. */
	gold?: string;
}

/**
 * The answer-space view of one (model, problem): the distribution of distinct extracted answers and
 * the mass on the correct one. Undefined when there are no sampled outputs.
 */
export function answerSpace(samples: readonly Pick<Sample, 'answer' | 'correct' | 'index'>[], gold?: string): AnswerSpaceView | undefined {
	const byAnswer = new Map<string | null, { count: number; correct: boolean }>();
	let n = 0;
	let correctCount = 0;
	for (const s of samples) {
		if (s.index < 0) continue;
		n++;
		if (s.correct) correctCount++;
		const entry = byAnswer.get(s.answer);
		if (entry) {
			entry.count++;
			entry.correct ||= s.correct;
		} else byAnswer.set(s.answer, { count: 1, correct: s.correct });
	}
	if (n === 0) return undefined;
	const answers: AnswerMass[] = [...byAnswer].map(([answer, { count, correct }]) => ({ answer, count, share: count / n, correct }));
	answers.sort((a, b) => {
		if ((a.answer === null) !== (b.answer === null)) return a.answer === null ? 1 : -1;
		return b.count - a.count || (a.answer ?? '').localeCompare(b.answer ?? '');
	});
	return gold === undefined ? { n, answers, correctMass: correctCount / n } : { n, answers, correctMass: correctCount / n, gold };
}
