/** Checks for fields of messages that cross the trust boundary, one per kind of value. */

export const isText = (v: unknown): v is string => typeof v === 'string';
export const isName = (v: unknown): v is string => isText(v) && v.trim() !== '' && !/[\n\r]/.test(v);
export const isSha = (v: unknown): v is string => isText(v) && /^[0-9a-f]{40}$/.test(v);
export const isUuid = (v: unknown): v is string => isText(v) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v);
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const isMd5 = (v: unknown): v is string => isText(v) && /^[0-9a-f]{32}(?:\.dir)?$/.test(v);
/** Strict RFC 4648 base64, padding included: what createCommitOnBranch accepts. */
export const isBase64 = (v: unknown): v is string => isText(v) && v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v);
/** A repo-relative POSIX path: no leading `/`, no `.`/`..` or empty segments. */
export const isPath = (v: unknown): v is string => isName(v) && v.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
/** GitHub's owner (letters, digits, hyphens) and repository names (also `.` and `_`). */
export const isOwner = (v: unknown): v is string => isText(v) && /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(v);
export const isRepoName = (v: unknown): v is string => isText(v) && /^[A-Za-z0-9._-]{1,100}$/.test(v) && v !== '.' && v !== '..';

export function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function list<T>(v: unknown, item: (x: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.map(item);
  return out.every((x) => x !== undefined) ? (out as T[]) : undefined;
}
