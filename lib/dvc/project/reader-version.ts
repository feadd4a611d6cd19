/**
 * The version of lib/dvc's reading rules. Caches of anything derived from reading a project key
 * their entries with it: bump it with any change to what `readProject` reads or how it reads
 * it, and every cached entry is read afresh.
 */
export const READER_VERSION = 1;
