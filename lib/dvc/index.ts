// The public surface of lib/dvc: pure DVC semantics, no GitHub, no browser, no node: modules.
export { fileFormat, type FileFormat } from './format';
export { createMd5, md5Of, type HashGeneration, type Md5Hasher } from './md5';
export { dirManifest, dirMd5, type DirEntry } from './dir-hash';
export { importMd5 } from './import-md5';
export { rewriteOut, type OutHash } from './rewrite-out';
export { parseDvcConfig, dvcRemote, type DvcConfig, type DvcRemote, type ConfigValue } from './dvc-config';
export { remoteObjectUrl, type RemoteObject } from './remote-url';
