// Where the finished full-size study of the whole family is (tools/train/demoBundle.ts writes it under
// static/), for the pages that link to it. A module of its own: the home page imports nothing else of the demo.
export const SHIPPED_DEMO_BUNDLE = 'demo/demo-full-bundle.json';
/** The demo page showing it: its story by iteration and its report. */
export const SHIPPED_DEMO_PATH = `/demo?bundle=${SHIPPED_DEMO_BUNDLE}` as const;
