/**
 * Host permissions for DVC remotes. No remote host is in the release manifest: each is an
 * optional origin (`https://*\/*` in `optional_host_permissions`) the user grants from a click.
 * The browser's `permissions` API and the remembered denials are passed in, so this runs (and is
 * tested) anywhere.
 */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
}

/** The origin patterns the user refused, kept so that a row does not ask again on every page. */
export interface DeniedOrigins {
  get(): Promise<string[]>;
  set(origins: string[]): Promise<void>;
}

/**
 * The match pattern for every page of an origin, as `permissions` and `scripting` take it (a DVC
 * remote's host, a GitHub Enterprise host): scheme and host. Match patterns carry no port (Firefox
 * refuses one; Chrome matches every port without one).
 */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export type RemoteAccess = 'granted' | 'ask' | 'denied';

/** Whether the background may read from `url`'s host, may offer to ask, or was refused before. */
export async function remoteAccess(url: string, permissions: PermissionsApi, denied: DeniedOrigins): Promise<RemoteAccess> {
  const origin = originPattern(url);
  if (await permissions.contains({ origins: [origin] })) return 'granted';
  return (await denied.get()).includes(origin) ? 'denied' : 'ask';
}

/**
 * Asks the browser for `origin`. Call it straight from a click handler in an extension page:
 * `permissions.request` needs a user gesture, and the gesture does not survive an `await`, so the
 * request is the first thing this does; `record` then remembers the answer (`recordAnswer`, in
 * the background, which owns storage).
 */
export function requestRemoteAccess(
  origin: string,
  permissions: PermissionsApi,
  record: (origin: string, granted: boolean) => Promise<unknown>,
): Promise<boolean> {
  return permissions.request({ origins: [origin] }).then(async (granted) => {
    await record(origin, granted);
    return granted;
  });
}

/** A refusal is remembered, so the row stops offering; a grant clears an old refusal. */
export async function recordAnswer(denied: DeniedOrigins, origin: string, granted: boolean): Promise<void> {
  const before = await denied.get();
  const after = granted ? before.filter((o) => o !== origin) : [...new Set([...before, origin])];
  if (after.length !== before.length) await denied.set(after);
}

/** Opening options starts over: every host refused before may be offered again. */
export function forgetDenials(denied: DeniedOrigins): Promise<void> {
  return denied.set([]);
}

/**
 * The remote hosts the user granted: every granted origin except those the manifest asks for
 * itself (`fixed`, GitHub's hosts), which are not the user's to remove.
 */
export async function grantedRemoteOrigins(permissions: PermissionsApi, fixed: readonly string[]): Promise<string[]> {
  const { origins = [] } = await permissions.getAll();
  return origins.filter((o) => !fixed.includes(o)).sort();
}

export function revokeRemoteOrigin(origin: string, permissions: PermissionsApi): Promise<boolean> {
  return permissions.remove({ origins: [origin] });
}
