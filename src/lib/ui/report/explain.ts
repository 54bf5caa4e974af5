// "How is this computed?" texts by topic (report field or tidy metric name), from the metrics library.
export { explanationFor as explain } from '$lib/core/metrics/explanations';
