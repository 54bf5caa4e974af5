import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/lib/core/metrics';
import { syntheticBundle } from '../../../src/lib/core/synthetic/syntheticBundle';
import { markdownSummary } from '../../../src/lib/export/markdownSummary';

describe('markdownSummary(report, context)', () => {
	it('markdownSummary writes hostile study names and model labels as inert text', () => {
		const bundle = syntheticBundle({ models: 2, problems: 6, n: 4, words: 20, seed: 3 });
		bundle.models[0]!.label = '<img src=x onerror=alert(1)>';
		bundle.models[1]!.label = '[M2](javascript:alert(1)) ![](https://tracker.example/p.gif)\u202E2M';
		const md = markdownSummary(computeReport(bundle, { bootstrap: 0 }), {
			studyName: 'Study <script>alert(1)</script>\n# injected heading | cell',
			samples: bundle.samples.length,
			problems: bundle.problems.length,
			createdAt: bundle.createdAt
		});
		expect(md).not.toMatch(/<img|<script|\]\(javascript:|!\[\]\(https/);
		expect(md).not.toMatch(/^# injected/m);
		expect(md).toContain('# Study &lt;script&gt;alert\\(1\\)&lt;/script&gt; # injected heading \\| cell');
		expect(md).toContain('| &lt;img src=x onerror=alert\\(1\\)&gt; |');
		expect(md).toContain('\\[M2\\]\\(javascript:alert\\(1\\)\\) \\!\\[\\]\\(https://tracker.example/p.gif\\)&lt;U+202E&gt;2M');
		expect(md).not.toContain('\u202E');
	});
});
