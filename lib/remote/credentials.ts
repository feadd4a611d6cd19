/**
 * Credentials the user enters for one DVC remote, keyed by the remote's URL as `.dvc/config` names
 * it (`s3://bucket/prefix`, `https://host/path`). They apply to that URL and everything below it.
 */
export type RemoteCredential =
  | {
      kind: 's3';
      url: string;
      /** The `endpointurl` of an S3-compatible service (MinIO, Ceph…); absent for AWS itself. */
      endpoint?: string;
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
    }
  | { kind: 'basic'; url: string; user: string; password: string }
  /** DVC's `custom_auth_header` with its value (`password` in `.dvc/config.local`). */
  | { kind: 'header'; url: string; name: string; value: string };

/** Whether `url` is `base` or lies below it (at a `/`). */
function under(url: string, base: string): boolean {
  const root = base.replace(/\/+$/, '');
  return url === root || url.startsWith(`${root}/`);
}

/** AWS's own S3 hosts: path-style, regional and virtual-hosted (`bucket.s3.region.amazonaws.com`). */
function isAwsS3Host(host: string): boolean {
  return /(^|\.)s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(host);
}

/**
 * The credential for an object, or none. `dvcUrl` is the object's URL as DVC names it (for S3
 * `s3://bucket/key`), `requestUrl` where the request goes. A credential is used only when the
 * request goes to the host it was entered for — the HTTP remote's own host, the S3 credential's
 * endpoint (or AWS) — so a repository cannot point its `.dvc/config` at another host and have our
 * user's keys sign requests to it. The longest matching URL wins.
 */
export function credentialFor(credentials: readonly RemoteCredential[], dvcUrl: string, requestUrl: string): RemoteCredential | undefined {
  const request = new URL(requestUrl);
  const fits = (credential: RemoteCredential): boolean => {
    if (!under(dvcUrl, credential.url)) return false;
    if (credential.kind !== 's3') return new URL(credential.url).origin === request.origin;
    return credential.endpoint ? new URL(credential.endpoint).origin === request.origin : request.protocol === 'https:' && isAwsS3Host(request.hostname);
  };
  return credentials.filter(fits).sort((a, b) => b.url.length - a.url.length)[0];
}

/** What options may show of a credential: everything but its secret. */
export type CredentialSummary =
  | { kind: 's3'; url: string; endpoint?: string; accessKeyId: string }
  | { kind: 'basic'; url: string; user: string }
  | { kind: 'header'; url: string; name: string };

export function summarise(credential: RemoteCredential): CredentialSummary {
  switch (credential.kind) {
    case 's3':
      return { kind: 's3', url: credential.url, ...(credential.endpoint ? { endpoint: credential.endpoint } : {}), accessKeyId: credential.accessKeyId };
    case 'basic':
      return { kind: 'basic', url: credential.url, user: credential.user };
    case 'header':
      return { kind: 'header', url: credential.url, name: credential.name };
  }
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '' && value === value.trim();
const urlWith = (value: unknown, schemes: RegExp): value is string => text(value) && schemes.test(value) && URL.canParse(value);
/** An HTTP header name (RFC 9110 token), not one the browser or the request itself owns. */
const headerName = (value: unknown): value is string =>
  text(value) && /^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(value) && !/^(host|cookie|content-length)$/i.test(value);

/**
 * A credential as options send it, checked field by field (it crosses a message boundary).
 * Undefined when anything is missing or malformed.
 */
export function parseCredential(value: unknown): RemoteCredential | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind === 's3') {
    if (!urlWith(v.url, /^s3:\/\/[^/]+/i) || !text(v.accessKeyId) || !text(v.secretAccessKey)) return undefined;
    if (v.endpoint !== undefined && !urlWith(v.endpoint, /^https?:\/\//i)) return undefined;
    if (v.sessionToken !== undefined && !text(v.sessionToken)) return undefined;
    return {
      kind: 's3',
      url: v.url,
      ...(v.endpoint !== undefined ? { endpoint: v.endpoint } : {}),
      accessKeyId: v.accessKeyId,
      secretAccessKey: v.secretAccessKey,
      ...(v.sessionToken !== undefined ? { sessionToken: v.sessionToken } : {}),
    };
  }
  if (!urlWith(v.url, /^https?:\/\//i)) return undefined;
  if (v.kind === 'basic' && text(v.user) && typeof v.password === 'string') return { kind: 'basic', url: v.url, user: v.user, password: v.password };
  if (v.kind === 'header' && headerName(v.name) && text(v.value)) return { kind: 'header', url: v.url, name: v.name, value: v.value };
  return undefined;
}
