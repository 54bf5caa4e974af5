const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Offset of the first character that makes `text` invalid JSON (text.length when it ends too
 * early), or undefined when it is valid. For the errors whose JSON.parse message has no position
 * (V8's "Unexpected token 'N', ... is not valid JSON", e.g. a bare NaN), so every syntax error is
 * located. Iterative, so deep nesting cannot overflow the stack; only run after JSON.parse failed.
 */
export function jsonErrorOffset(text: string): number | undefined {
	let i = 0;
	const skip = () => {
		while (i < text.length && WS.has(text.charCodeAt(i))) i++;
	};
	// What each open container expects next: a value, then ',' or its closer.
	const stack: ('[' | '{')[] = [];
	let expect: 'value' | 'key' | 'after' = 'value';
	for (;;) {
		skip();
		if (i >= text.length) return stack.length || expect !== 'after' ? text.length : undefined;
		const c = text[i];
		if (expect === 'after') {
			const top = stack[stack.length - 1];
			if (top === undefined) return i; // text after the value
			if (c === ',') {
				i++;
				expect = top === '{' ? 'key' : 'value';
			} else if ((c === ']' && top === '[') || (c === '}' && top === '{')) {
				i++;
				stack.pop();
			} else return i;
			continue;
		}
		if (expect === 'key') {
			STRING.lastIndex = i;
			if (!STRING.test(text)) return i;
			i = STRING.lastIndex;
			skip();
			if (text[i] !== ':') return i;
			i++;
			expect = 'value';
			continue;
		}
		if (c === '[' || c === '{') {
			stack.push(c);
			i++;
			skip();
			const close = c === '[' ? ']' : '}';
			if (text[i] === close) {
				i++;
				stack.pop();
				expect = 'after';
			} else expect = c === '{' ? 'key' : 'value';
			continue;
		}
		const literal = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
		if (literal) i += literal.length;
		else {
			const re = c === '"' ? STRING : NUMBER;
			re.lastIndex = i;
			if (!re.test(text)) return i;
			i = re.lastIndex;
		}
		expect = 'after';
	}
}
