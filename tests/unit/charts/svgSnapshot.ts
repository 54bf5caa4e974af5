// Chart snapshots: render a chart's pure layout to SVG text, round numbers, renumber ids, and
// compare with a stored file; on mismatch write NAME-changed.svg beside it for a visual diff.
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CurveLayout } from '../../../src/lib/ui/charts/curveChart';
import type { GroupedBarsLayout } from '../../../src/lib/ui/charts/groupedBars';
import type { AnswerSpaceLayout } from '../../../src/lib/ui/charts/answerSpace';
import type { ScatterLayout } from '../../../src/lib/ui/charts/scatter';
import type { TwoSetLayout } from '../../../src/lib/ui/charts/twoSets';
import type { IterationLayout } from '../../../src/lib/ui/charts/iterationChart';
import type { Frame, Tick } from '../../../src/lib/ui/charts/scales';

const DIR = join(import.meta.dirname, 'snapshots');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const round = (s: string) => s.replace(/-?\d+\.\d+/g, (m) => String(Math.round(Number(m) * 100) / 100));

function axes(f: Frame, x: Tick[], y: Tick[]): string[] {
	return [
		...y.map((t) => `<text x="${f.left - 6}" y="${t.pos}" text-anchor="end">${esc(t.label)}</text>`),
		`<line x1="${f.left}" x2="${f.right}" y1="${f.bottom}" y2="${f.bottom}" stroke="black"/>`,
		...x.map((t) => `<text x="${t.pos}" y="${f.bottom + 16}" text-anchor="middle">${esc(t.label)}</text>`)
	];
}

const doc = (f: Frame, body: string[]) =>
	round(
		[`<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" font-size="10">`, ...body.map((l) => '  ' + l), '</svg>', ''].join('\n')
	);

export function curveSvg(l: CurveLayout): string {
	const body = axes(l.frame, l.xTicks, l.yTicks);
	for (const s of l.series) {
		body.push(`<g data-series="${esc(s.id)}" stroke="${s.color}">`);
		if (s.band) body.push(`  <path d="${s.band}" fill="${s.color}" fill-opacity="0.15" stroke="none"/>`);
		body.push(`  <path d="${s.line}" fill="none"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
		for (const p of s.points) body.push(`  <path d="${s.symbol}" transform="translate(${p.x},${p.y})" data-shape="${s.shape}"/>`);
		body.push('</g>');
	}
	for (const m of l.markers) {
		body.push(`<line x1="${m.x}" x2="${m.x}" y1="${l.frame.top}" y2="${l.frame.bottom}" stroke="${m.color}" stroke-dasharray="5 4"/>`);
		body.push(`<text x="${m.x - 4}" y="${l.frame.bottom - 8}" text-anchor="end">${esc(m.label)}</text>`);
	}
	return doc(l.frame, body);
}

export function twoSetsSvg(l: TwoSetLayout): string {
	const body: string[] = [];
	for (const g of l.regions) {
		body.push(`<path d="${g.path}" data-region="${g.id}" fill-opacity="0.3" stroke="black"/>`);
		body.push(`<text x="${g.x}" y="${g.y}" text-anchor="middle">${g.count}</text>`);
	}
	for (const c of l.circles) body.push(`<text x="${c.labelX}" y="${l.frame.top - 10}" text-anchor="middle">${esc(c.label)}</text>`);
	body.push(`<text x="${l.neither.x}" y="${l.neither.y}" text-anchor="middle">neither: ${l.neither.count}</text>`);
	return doc(l.frame, body);
}

export function scatterSvg(l: ScatterLayout): string {
	const body = axes(l.frame, l.xTicks, l.yTicks);
	body.push(`<line x1="${l.diagonal.x1}" y1="${l.diagonal.y1}" x2="${l.diagonal.x2}" y2="${l.diagonal.y2}" stroke-dasharray="5 4"/>`);
	for (const p of l.points) body.push(`<circle cx="${p.x}" cy="${p.y}" r="4" fill="${l.color}" data-problem="${esc(p.problem)}"/>`);
	return doc(l.frame, body);
}

export function barsSvg(l: GroupedBarsLayout): string {
	const body = axes(l.frame, l.xTicks, l.yTicks);
	for (const rl of l.rules) body.push(`<line x1="${l.frame.left}" x2="${l.frame.right}" y1="${rl.y}" y2="${rl.y}" stroke-dasharray="4"/>`);
	for (const b of l.bars) {
		if (b.value === undefined) body.push(`<text x="${b.x}" y="${l.frame.bottom}">n/a</text>`);
		else body.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${b.color}"/>`);
		if (b.low !== undefined && b.high !== undefined) body.push(`<line x1="${b.x + b.width / 2}" x2="${b.x + b.width / 2}" y1="${b.low}" y2="${b.high}" stroke="black"/>`);
	}
	return doc(l.frame, body);
}

export function answerSpaceSvg(l: AnswerSpaceLayout): string {
	const body = axes(l.frame, l.xTicks, l.yTicks);
	for (const b of l.bars) {
		body.push(`<text x="${l.frame.left - 6}" y="${b.y + b.height / 2}" text-anchor="end">${esc(b.label)}</text>`);
		body.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${b.correct ? 'green' : 'orange'}"/>`);
	}
	return doc(l.frame, body);
}

export function iterationSvg(l: IterationLayout): string {
	const body: string[] = [];
	for (const p of l.panels) {
		body.push(`<g data-measure="${esc(p.id)}" stroke="${p.color}">`);
		body.push(`  <text x="${p.frame.left}" y="${p.frame.top - 16}">${esc(p.label)} (${esc(p.axis)})</text>`);
		for (const line of axes(p.frame, p.xTicks, p.yTicks)) body.push(`  ${line}`);
		if (p.band) body.push(`  <path d="${p.band}" fill="${p.color}" fill-opacity="0.18" stroke="none"/>`);
		if (p.baseline !== undefined) body.push(`  <line x1="${p.frame.left}" x2="${p.frame.right}" y1="${p.baseline}" y2="${p.baseline}" stroke-dasharray="5 4"/>`);
		body.push(`  <path d="${p.line}" fill="none"/>`);
		for (const q of p.points) body.push(`  <circle cx="${q.x}" cy="${q.y}" r="6"/>`);
		body.push('</g>');
	}
	return doc({ width: l.width, height: l.height, left: 0, top: 0, right: l.width, bottom: l.height }, body);
}

export function expectSnapshot(name: string, svg: string): void {
	const file = join(DIR, `${name}.svg`);
	const changed = join(DIR, `${name}-changed.svg`);
	if (!existsSync(file)) {
		writeFileSync(file, svg);
		return;
	}
	const stored = readFileSync(file, 'utf8');
	if (stored === svg) {
		if (existsSync(changed)) unlinkSync(changed);
		return;
	}
	writeFileSync(changed, svg);
	expect(svg, `${name}.svg changed; see ${name}-changed.svg`).toBe(stored);
}
