import type { HostApi } from '../enterprise-hosts';

/**
 * Chrome's permissions and scripting APIs as far as running on an enterprise host needs them, with
 * Chrome's rules: registering needs `scripting`; ids are unique; removing a permission the manifest
 * asks for is refused. `grant` plays the user answering the browser's prompt.
 */
export function fakeHostApi(manifest: ReturnType<HostApi['runtime']['getManifest']>) {
  const granted = { origins: new Set(manifest.host_permissions ?? []), permissions: new Set(manifest.permissions ?? []) };
  const scripts = new Map<string, Parameters<HostApi['scripting']['registerContentScripts']>[0][number]>();
  const has = (p: { origins?: string[]; permissions?: string[] }) =>
    (p.origins ?? []).every((o) => granted.origins.has(o)) && (p.permissions ?? []).every((x) => granted.permissions.has(x));
  const api: HostApi = {
    permissions: {
      contains: async (p) => has(p),
      remove: async (p) => {
        const required = [...(p.origins ?? [])].filter((o) => manifest.host_permissions?.includes(o));
        if (required.length || (p.permissions ?? []).some((x) => manifest.permissions?.includes(x))) throw new Error('You cannot remove required permissions.');
        p.origins?.forEach((o) => granted.origins.delete(o));
        p.permissions?.forEach((x) => granted.permissions.delete(x));
        return true;
      },
    },
    scripting: {
      registerContentScripts: async (list) => {
        if (!granted.permissions.has('scripting')) throw new Error("Cannot read properties of undefined (reading 'registerContentScripts')");
        for (const script of list) {
          if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          scripts.set(script.id, script);
        }
      },
      unregisterContentScripts: async ({ ids }) => {
        for (const id of ids) if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      },
      getRegisteredContentScripts: async (filter) => [...scripts.values()].filter((s) => !filter || filter.ids.includes(s.id)),
    },
    runtime: { getManifest: () => manifest },
  };
  return {
    api,
    granted,
    scripts,
    /** The browser's prompt: `accept` plays the user's answer (a click on Allow grants all asked for). */
    request: (accept: boolean) => async (p: { origins: string[]; permissions: string[] }) => {
      if (accept) (p.origins.forEach((o) => granted.origins.add(o)), p.permissions.forEach((x) => granted.permissions.add(x)));
      return accept;
    },
    /** The user accepts the browser's prompt for these. */
    grant(p: { origins?: string[]; permissions?: string[] }) {
      p.origins?.forEach((o) => granted.origins.add(o));
      p.permissions?.forEach((x) => granted.permissions.add(x));
    },
  };
}
