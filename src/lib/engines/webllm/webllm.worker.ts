// The WebLLM worker: one MLCEngine behind the engine protocol (../protocol.ts), plus the model
// list and cache operations (cacheProtocol.ts). WebLLM's 6.8 MB library loads only here, never
// in the page.
import { MLCEngine, prebuiltAppConfig } from '@mlc-ai/web-llm';
import webllmPackage from '@mlc-ai/web-llm/package.json';
import { serveEngine } from '../serveEngine';
import type { MessageEndpoint } from '../protocol';
import { WebllmEngine } from './webllmEngine';
import { serveCache } from './serveCache';
import { cacheStatus, deleteCachedModel } from './modelCache';

const endpoint = self as unknown as MessageEndpoint;
const version = webllmPackage.version;

serveEngine(
	endpoint,
	new WebllmEngine({
		createEngine: (config) => new MLCEngine(config),
		appConfig: prebuiltAppConfig,
		version,
		deleteCached: deleteCachedModel,
		online: () => navigator.onLine,
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		now: () => performance.now()
	})
);
serveCache(endpoint, { appConfig: prebuiltAppConfig, version, status: cacheStatus, remove: deleteCachedModel });
