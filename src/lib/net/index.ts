export { isNetError, NetError, type NetErrorCode } from './errors';
export { fetchCapped, fetchCappedChunks, type FetchCappedOptions } from './fetchCapped';
