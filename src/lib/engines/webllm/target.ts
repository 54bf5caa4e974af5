// Which WebLLM model a ModelRef names, and the AppConfig that finds it: a prebuilt id, or a custom
// MLC model given as "mlc:<model URL>|<model_lib URL>". Pure.
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';
import type { ModelRef } from '../../core/types';
import { parseCustomSource } from './catalogue';
import { ModelLoadError } from '../errors';

export interface WebllmTarget {
	modelId: string;
	appConfig: AppConfig;
	record: ModelRecord;
	/** Hosts the files come from (weights, then compiled library), for messages. */
	host: string;
}

export function resolveTarget(model: Pick<ModelRef, 'source'>, prebuilt: AppConfig): WebllmTarget {
	const custom = parseCustomSource(model.source);
	if (custom) {
		const record: ModelRecord = {
			model: custom.modelUrl,
			model_id: custom.modelId,
			model_lib: custom.modelLib
		};
		// Prebuilt records stay in the list so the cache helpers resolve either kind of model.
		const others = prebuilt.model_list.filter((r) => r.model_id !== custom.modelId);
		return {
			modelId: custom.modelId,
			appConfig: { ...prebuilt, model_list: [record, ...others] },
			record,
			host: hostsOf(record)
		};
	}
	const record = prebuilt.model_list.find((r) => r.model_id === model.source);
	if (!record) {
		throw new ModelLoadError(
			`"${model.source}" is not a WebLLM prebuilt model. Pick one from the catalogue, or give a custom MLC model URL and model library.`
		);
	}
	return { modelId: record.model_id, appConfig: prebuilt, record, host: hostsOf(record) };
}

function hostsOf(record: ModelRecord): string {
	return [...new Set([hostOf(record.model), hostOf(record.model_lib)])].join(' and ');
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'this site';
	}
}
