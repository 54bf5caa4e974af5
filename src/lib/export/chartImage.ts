// Each chart as a standalone SVG or PNG. On screen the charts colour themselves with CSS
// variables; a file opened elsewhere has none, so the current theme's values are written in.
import { downloadBlob } from './download';

const VAR = /var\((--[\w-]+)\)/g;

function resolveVars(value: string, styles: CSSStyleDeclaration): string {
	return value.replace(VAR, (_, name: string) => styles.getPropertyValue(name).trim() || '#000');
}

/** What the page shows around a chart's SVG, written into the file so it stands alone. */
export interface ChartHeader {
	title: string;
	legend: { label: string; color: string; dashed?: boolean; band?: boolean; dash?: string; /** The series marker's SVG path, centred on 0,0. */ symbol?: string }[];
	/** The study's name, written under the title. */
	study?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
	const el = document.createElementNS(SVG_NS, name);
	for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
	if (text !== undefined) el.textContent = text;
	return el;
}

/** Moves the chart down and draws its title and legend above it; returns the height added. */
function addHeader(clone: SVGSVGElement, header: ChartHeader, width: number): number {
	const body = svgEl('g', {});
	while (clone.firstChild) body.appendChild(clone.firstChild);
	const head = svgEl('g', { 'font-family': 'system-ui, sans-serif' });
	head.appendChild(svgEl('text', { x: 4, y: 18, 'font-size': 16, 'font-weight': 600, fill: 'var(--fg)' }, header.title));
	const top = header.study ? 18 : 0;
	if (header.study) head.appendChild(svgEl('text', { x: 4, y: 36, 'font-size': 12, fill: 'var(--muted)' }, `Study: ${header.study}`));
	// Legend items in rows, each about as wide as its text.
	let x = 4;
	let y = 40 + top;
	for (const item of header.legend) {
		const w = 30 + item.label.length * 7;
		if (x > 4 && x + w > width) [x, y] = [4, y + 20];
		head.appendChild(
			item.band
				? svgEl('rect', { x, y: y - 9, width: 22, height: 10, fill: item.color, 'fill-opacity': 0.25 })
				: svgEl('line', { x1: x, x2: x + 22, y1: y - 4, y2: y - 4, stroke: item.color, 'stroke-width': 3, ...(item.dash || item.dashed ? { 'stroke-dasharray': item.dash ?? '4 3' } : {}) })
		);
		if (item.symbol) head.appendChild(svgEl('path', { d: item.symbol, transform: `translate(${x + 11},${y - 4})`, fill: item.color, stroke: 'var(--bg)' }));
		head.appendChild(svgEl('text', { x: x + 27, y, 'font-size': 12, fill: 'var(--fg)' }, item.label));
		x += w + 12;
	}
	const added = header.legend.length ? y + 12 : 28 + top;
	body.setAttribute('transform', `translate(0,${added})`);
	clone.append(head, body);
	return added;
}

/** A self-contained SVG document of a chart, in the current theme's colours, with its title and legend when given. */
export function chartSvgText(svg: SVGSVGElement, header?: ChartHeader): string {
	const styles = getComputedStyle(document.documentElement);
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const [x0 = 0, y0 = 0, w = 600, h0 = 300] = (svg.getAttribute('viewBox') ?? '0 0 600 300').split(/\s+/).map(Number);
	const h = h0 + (header ? addHeader(clone, header, w) : 0);
	clone.setAttribute('viewBox', `${x0} ${y0} ${w} ${h}`);
	clone.setAttribute('xmlns', SVG_NS);
	clone.setAttribute('width', String(w));
	clone.setAttribute('height', String(h));
	for (const el of [clone, ...clone.querySelectorAll('*')]) {
		for (const attr of [...el.attributes]) {
			if (attr.value.includes('var(')) el.setAttribute(attr.name, resolveVars(attr.value, styles));
			// Interaction attributes mean nothing in a file.
			if (attr.name === 'tabindex' || attr.name === 'role' || attr.name.startsWith('on')) el.removeAttribute(attr.name);
		}
	}
	const bg = document.createElementNS(SVG_NS, 'rect');
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	bg.setAttribute('fill', styles.getPropertyValue('--bg').trim() || '#fff');
	clone.insertBefore(bg, clone.firstChild);
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

export function downloadChartSvg(svg: SVGSVGElement, name: string, header?: ChartHeader): void {
	downloadBlob(new Blob([chartSvgText(svg, header)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function chartPngBlob(svg: SVGSVGElement, scale = 2, header?: ChartHeader): Promise<Blob> {
	const text = chartSvgText(svg, header);
	const [, , w = 600, h = 300] = (/viewBox="([^"]*)"/.exec(text)?.[1] ?? '').split(/\s+/).map(Number);
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(w * scale);
		canvas.height = Math.round(h * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser cannot draw to a canvas, so PNG export is unavailable; use SVG.');
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, w, h);
		return await new Promise<Blob>((ok, fail) =>
			canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed.'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

export async function downloadChartPng(svg: SVGSVGElement, name: string, header?: ChartHeader): Promise<void> {
	downloadBlob(await chartPngBlob(svg, 2, header), `${name}.png`);
}
