import { createHash, createHmac } from 'node:crypto';

/*
 * AWS Signature Version 4 as S3 checks it (docs.aws.amazon.com/AmazonS3/latest/API/
 * sig-v4-header-based-auth.html and sigv4-query-string-auth.html). S3 differs from other services
 * in two ways that matter here: the path is URI-encoded once (not twice), and the payload hash is
 * the `x-amz-content-sha256` header (or UNSIGNED-PAYLOAD for presigned URLs).
 */

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const MAX_SKEW_MS = 15 * 60_000;

export const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Uint8Array | string, data: string) => createHmac('sha256', key).update(data).digest();

/** AWS's UriEncode: everything but A-Z a-z 0-9 - _ . ~ as %XX of its UTF-8 bytes. */
export function uriEncode(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The canonical URI of a path as sent (encoded or not): each segment encoded once. */
export function canonicalUri(path: string): string {
  return (
    path
      .split('/')
      .map((s) => uriEncode(decode(s)))
      .join('/') || '/'
  );
}

/** The canonical query string, without the parameters in `omit` (X-Amz-Signature for presigned URLs). */
export function canonicalQuery(rawQuery: string, omit: string[] = []): string {
  return rawQuery
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
      return [uriEncode(decode(k)), uriEncode(decode(v))] as const;
    })
    .filter(([k]) => !omit.includes(k))
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export interface SigningInput {
  method: string;
  path: string;
  query: string;
  headers: Headers;
  signedHeaders: string[];
  payloadHash: string;
}

export function canonicalRequest(input: SigningInput, omitQuery: string[] = []): string {
  const names = [...input.signedHeaders].sort();
  const headerLines = names.map((n) => `${n}:${(input.headers.get(n) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  return [input.method, canonicalUri(input.path), canonicalQuery(input.query, omitQuery), headerLines, names.join(';'), input.payloadHash].join('\n');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function signature(secretAccessKey: string, scope: string, toSign: string): string {
  const [date, region, service, terminator] = scope.split('/') as [string, string, string, string];
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), terminator);
  return createHmac('sha256', key).update(toSign).digest('hex');
}

export interface S3Request {
  method: string;
  /** The path as sent, still encoded. */
  path: string;
  /** The query as sent, still encoded, with or without its `?`. */
  query: string;
  headers: Headers;
}

export type S3AuthError = {
  code: 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch' | 'AuthorizationHeaderMalformed' | 'RequestTimeTooSkewed' | 'InvalidRequest';
  message: string;
  /** Extra elements S3 puts in its error document (StringToSign, CanonicalRequest, …). */
  details?: Record<string, string>;
};

export type SigV4Verdict = { ok: true; accessKeyId: string; payloadHash: string } | ({ ok: false } & S3AuthError);

interface Parsed {
  accessKeyId: string;
  scope: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  payloadHash: string;
  expiresSeconds?: number;
}

function fail(code: S3AuthError['code'], message: string, details?: Record<string, string>): SigV4Verdict {
  return { ok: false, code, message, ...(details && { details }) };
}

function parse(req: S3Request): Parsed | SigV4Verdict {
  const params = new URLSearchParams(req.query);
  if (params.has('X-Amz-Signature')) {
    const credential = params.get('X-Amz-Credential') ?? '';
    const slash = credential.indexOf('/');
    return {
      accessKeyId: credential.slice(0, slash),
      scope: credential.slice(slash + 1),
      signedHeaders: (params.get('X-Amz-SignedHeaders') ?? '').split(';'),
      signature: params.get('X-Amz-Signature') ?? '',
      amzDate: params.get('X-Amz-Date') ?? '',
      payloadHash: UNSIGNED_PAYLOAD,
      expiresSeconds: Number(params.get('X-Amz-Expires') ?? 'NaN'),
    };
  }
  const auth = req.headers.get('authorization');
  if (!auth) return fail('AccessDenied', 'Access Denied');
  const m = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(auth.trim());
  if (!m)
    return fail(
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    );
  const payloadHash = req.headers.get('x-amz-content-sha256');
  if (!payloadHash) return fail('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  const amzDate = req.headers.get('x-amz-date');
  if (!amzDate) return fail('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
  return { accessKeyId: m[1]!, scope: m[2]!, signedHeaders: m[3]!.split(';'), signature: m[4]!, amzDate, payloadHash };
}

function amzDateMs(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
}

/**
 * Checks a request's SigV4 signature (Authorization header or presigned query) as S3 would,
 * against the secret of its access key, in `region`, at time `nowMs`.
 */
export function verifySigV4(req: S3Request, secretOf: (accessKeyId: string) => string | undefined, region: string, nowMs: number): SigV4Verdict {
  const parsed = parse(req);
  if ('ok' in parsed) return parsed;
  const secret = secretOf(parsed.accessKeyId);
  if (secret === undefined)
    return fail('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: parsed.accessKeyId });
  const [date, scopeRegion, service, terminator] = parsed.scope.split('/');
  const at = amzDateMs(parsed.amzDate);
  if (Number.isNaN(at) || date !== parsed.amzDate.slice(0, 8) || service !== 's3' || terminator !== 'aws4_request') {
    return fail(
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
    );
  }
  if (scopeRegion !== region) {
    return fail('AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${scopeRegion}' is wrong; expecting '${region}'`, {
      Region: region,
    });
  }
  if (!parsed.signedHeaders.includes('host')) return fail('AccessDenied', 'Access Denied');
  if (parsed.expiresSeconds !== undefined) {
    if (!(parsed.expiresSeconds >= 1 && parsed.expiresSeconds <= 604800))
      return fail('AuthorizationHeaderMalformed', 'X-Amz-Expires must be between 1 and 604800 seconds');
    if (nowMs > at + parsed.expiresSeconds * 1000)
      return fail('AccessDenied', 'Request has expired', { Expires: new Date(at + parsed.expiresSeconds * 1000).toISOString() });
  } else if (Math.abs(nowMs - at) > MAX_SKEW_MS) {
    return fail('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', { RequestTime: parsed.amzDate });
  }
  const canonical = canonicalRequest({ ...req, signedHeaders: parsed.signedHeaders, payloadHash: parsed.payloadHash }, ['X-Amz-Signature']);
  const toSign = stringToSign(parsed.amzDate, parsed.scope, canonical);
  if (signature(secret, parsed.scope, toSign) !== parsed.signature) {
    return fail('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', {
      AWSAccessKeyId: parsed.accessKeyId,
      StringToSign: toSign,
      SignatureProvided: parsed.signature,
      CanonicalRequest: canonical,
    });
  }
  return { ok: true, accessKeyId: parsed.accessKeyId, payloadHash: parsed.payloadHash };
}
