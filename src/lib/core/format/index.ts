// Number formats shared by the dashboard, the Markdown summary and the metric registry.
export { fmtPct } from './fmtPct';
export { fmtNum } from './fmtNum';
export { fmtSigned } from './fmtSigned';
export { fmtCount } from './fmtCount';
