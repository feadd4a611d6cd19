import { dvcRemote, parseDvcConfig } from './dvc-config';
import { isMd5Id } from '../hash/md5';
import type { HashGeneration } from '../types';

interface RemoteObjectBase {
  /** The remote's name in `.dvc/config`. */
  readonly remote: string;
  /** Where a browser reaches the object over HTTP(S). */
  readonly url: string;
}

export type RemoteObject =
  | (RemoteObjectBase & { readonly kind: 'http' })
  | (RemoteObjectBase & {
      readonly kind: 's3';
      /** The object as DVC names it: `s3://bucket/key`. */
      readonly s3Url: string;
      readonly bucket: string;
      readonly key: string;
      /** Origin requests go to (`endpointurl`, else AWS's), for signing. */
      readonly endpoint: string;
      readonly region?: string;
    });

const UNSUPPORTED: Record<string, string> = {
  gs: 'Google Cloud Storage',
  azure: 'Azure Blob Storage',
  ssh: 'SSH',
  hdfs: 'HDFS',
  webhdfs: 'WebHDFS',
  oss: 'Alibaba OSS',
  gdrive: 'Google Drive',
  webdav: 'WebDAV',
  webdavs: 'WebDAV',
};

/**
 * dvc-objects `_oid_parts` (`oid[:2]/oid[2:]`) under the generation's root: DVC 3 keeps md5
 * objects in `files/md5/`, DVC 2 at the top of the remote; `.dir` objects keep their suffix.
 */
function objectPath(md5: string, generation: HashGeneration): string {
  if (!isMd5Id(md5)) throw new Error(`"${md5}" is not an md5 object id`);
  const parts = `${md5.slice(0, 2)}/${md5.slice(2)}`;
  return generation === '3' ? `files/md5/${parts}` : parts;
}

function kindOf(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return 'a local directory';
  return UNSUPPORTED[scheme] ?? `an unknown "${scheme}://" remote`;
}

function s3Object(remote: string, url: string, options: ReadonlyMap<string, string>, path: string): RemoteObject {
  const match = /^s3:\/\/([^/]+)\/*(.*?)\/*$/i.exec(url);
  if (!match) throw new Error(`remote "${remote}": "${url}" names no S3 bucket`);
  const bucket = match[1]!;
  const key = match[2] ? `${match[2]}/${path}` : path;
  const region = options.get('region');
  const encodedKey = key.split('/').map(encodeURIComponent).join('/');
  const endpointUrl = options.get('endpointurl');
  // S3-compatible services (MinIO, Ceph, …) take path-style requests; AWS takes virtual-hosted
  // ones, except for bucket names with dots, which break its TLS certificate.
  let endpoint: string;
  let httpUrl: string;
  if (endpointUrl) {
    endpoint = endpointUrl.replace(/\/+$/, '');
    httpUrl = `${endpoint}/${encodeURIComponent(bucket)}/${encodedKey}`;
  } else {
    endpoint = region ? `https://s3.${region}.amazonaws.com` : 'https://s3.amazonaws.com';
    httpUrl = bucket.includes('.') ? `${endpoint}/${bucket}/${encodedKey}` : `${endpoint.replace('https://', `https://${bucket}.`)}/${encodedKey}`;
  }
  return { kind: 's3', remote, url: httpUrl, s3Url: `s3://${bucket}/${key}`, bucket, key, endpoint, ...(region ? { region } : {}) };
}

/**
 * Where the object `md5` of `generation` lives in a remote of `.dvc/config` — the default
 * (`core.remote`) or the one named. HTTP(S) and S3 (with `endpointurl` for S3-compatible
 * services) are supported; any other kind of remote is refused with a message naming it.
 */
export function remoteObjectUrl(dvcConfigText: string, md5: string, generation: HashGeneration, remote?: string): RemoteObject {
  const { name, url, options } = dvcRemote(parseDvcConfig(dvcConfigText), remote);
  const path = objectPath(md5, generation);
  if (/^https?:\/\//i.test(url)) return { kind: 'http', remote: name, url: `${url.replace(/\/+$/, '')}/${path}` };
  if (/^s3:\/\//i.test(url)) return s3Object(name, url, options, path);
  throw new Error(`remote "${name}" (${url}) is ${kindOf(url)}; Commit Lab reaches only HTTP(S) and S3 remotes`);
}
