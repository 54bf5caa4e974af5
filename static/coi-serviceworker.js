// Cross-origin isolation for hosts that cannot send COOP/COEP headers (e.g. GitHub Pages).
// wllama needs SharedArrayBuffer for several WASM threads, and browsers give SharedArrayBuffer
// only to cross-origin isolated pages. This worker re-serves every same-origin response with
//   Cross-Origin-Opener-Policy: same-origin
//   Cross-Origin-Embedder-Policy: require-corp
// (and Cross-Origin-Resource-Policy so the app's own files stay loadable). Cross-origin
// downloads (Hugging Face) need CORS, which they already send. Registered only on request, from
// the study page; unregister it from the browser's site settings or with
// navigator.serviceWorker.getRegistrations().then((r) => r.forEach((x) => x.unregister())).
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
	const request = event.request;
	// Leave alone what the page cannot be isolated by (only-if-cached outside same-origin throws).
	if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
	const sameOrigin = new URL(request.url).origin === self.location.origin;
	if (!sameOrigin) return;
	event.respondWith(
		fetch(request).then((response) => {
			if (response.status === 0) return response;
			const headers = new Headers(response.headers);
			headers.set('Cross-Origin-Opener-Policy', 'same-origin');
			headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
			headers.set('Cross-Origin-Resource-Policy', 'same-origin');
			return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
		})
	);
});
