// Each chart as a standalone SVG or PNG. On screen the charts colour themselves with CSS
// variables; a file opened elsewhere has none, so the current theme's values are written in.
import { downloadBlob } from './download';

const VAR = /var\((--[\w-]+)\)/g;

function resolveVars(value: string, styles: CSSStyleDeclaration): string {
	return value.replace(VAR, (_, name: string) => styles.getPropertyValue(name).trim() || '#000');
}

/** A self-contained SVG document of a chart, in the current theme's colours. */
export function chartSvgText(svg: SVGSVGElement): string {
	const styles = getComputedStyle(document.documentElement);
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 600 300').split(/\s+/).map(Number);
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('width', String(w));
	clone.setAttribute('height', String(h));
	for (const el of [clone, ...clone.querySelectorAll('*')]) {
		for (const attr of [...el.attributes]) {
			if (attr.value.includes('var(')) el.setAttribute(attr.name, resolveVars(attr.value, styles));
			// Interaction attributes mean nothing in a file.
			if (attr.name === 'tabindex' || attr.name === 'role' || attr.name.startsWith('on')) el.removeAttribute(attr.name);
		}
	}
	const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	bg.setAttribute('fill', styles.getPropertyValue('--bg').trim() || '#fff');
	clone.insertBefore(bg, clone.firstChild);
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

export function downloadChartSvg(svg: SVGSVGElement, name: string): void {
	downloadBlob(new Blob([chartSvgText(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function chartPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const text = chartSvgText(svg);
	const [, , w = 600, h = 300] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
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

export async function downloadChartPng(svg: SVGSVGElement, name: string): Promise<void> {
	downloadBlob(await chartPngBlob(svg), `${name}.png`);
}
