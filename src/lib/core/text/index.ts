// Text made safe for where it goes: a terminal, Markdown, a name shown on screen.
export { INVISIBLE, markInvisible } from './markInvisible';
export { markdownText } from './markdownText';
export { terminalSafe } from './terminalSafe';
