// A generic persistent cache for the background (IndexedDB, size-capped, least recently used out
// first) and a way for concurrent callers to share one fetch.
export { idbCache, DEFAULT_MAX_BYTES, type Cache, type CacheOptions } from './cache';
export { SingleFlight } from './single-flight';
