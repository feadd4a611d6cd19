import { originPattern } from '../../lib/remote';
import type { SettingsStore } from './account-store';

/** The slice of the WebExtension API that running on a GitHub Enterprise origin takes. */
export interface HostApi {
  permissions: {
    contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    remove(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  };
  scripting: {
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    getRegisteredContentScripts(filter?: { ids: string[] }): Promise<{ id: string }[]>;
  };
  runtime: { getManifest(): Manifest };
}

interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  css?: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
}

const scriptId = (origin: string) => `enterprise-${new URL(origin).host}`;

/**
 * GitHub Enterprise origins: the options page asks for the origin and `scripting` from the user's
 * click (`permissions.request` needs that gesture); then the background registers the github.com
 * content script on the origin, persisted across browser restarts, and on removal unregisters it
 * and gives back what it was granted.
 */
export function enterpriseHosts(api: HostApi, settings: Pick<SettingsStore, 'origins' | 'setOrigins'>) {
  const manifest = () => api.runtime.getManifest();
  const needs = (origin: string) => ({ origins: [originPattern(origin)], permissions: ['scripting'] });

  const registered = async (origin: string) => (await api.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] })).length > 0;

  async function register(origin: string): Promise<void> {
    const [script] = manifest().content_scripts ?? [];
    if (!script?.js) throw new Error('This build has no content script to run on GitHub Enterprise');
    if (await registered(origin)) return;
    await api.scripting.registerContentScripts([
      { id: scriptId(origin), matches: [originPattern(origin)], js: script.js, css: script.css ?? [], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }

  // One change at a time: the restore at start and a click in options must not both write the list from the same old copy.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(change: () => Promise<T>): Promise<T> => {
    const next = queue.then(change, change);
    queue = next.catch(() => {});
    return next;
  };

  return {
    add: (origin: string) =>
      serial(async () => {
        if (!(await api.permissions.contains(needs(origin)))) throw new Error(`Commit Lab was not given access to ${new URL(origin).host}`);
        await register(origin);
        const origins = await settings.origins();
        if (!origins.includes(origin)) await settings.setOrigins([...origins, origin]);
      }),

    remove: (origin: string) =>
      serial(async () => {
        if (await registered(origin)) await api.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
        const rest = (await settings.origins()).filter((o) => o !== origin);
        await settings.setOrigins(rest);
        // Give back only what was granted at run time: a browser refuses to remove what the manifest asks for.
        const { permissions = [], host_permissions = [] } = manifest();
        const pattern = originPattern(origin);
        const sharedPattern = rest.some((o) => originPattern(o) === pattern);
        const giveBack = {
          origins: host_permissions.includes(pattern) || sharedPattern ? [] : [pattern],
          permissions: rest.length || permissions.includes('scripting') ? [] : ['scripting'],
        };
        if (giveBack.origins.length || giveBack.permissions.length) await api.permissions.remove(giveBack);
      }),

    /**
     * At start: an origin whose permission the user took back in the browser is dropped; one whose
     * registration is missing (a browser that does not persist them) is registered again.
     */
    restore: () =>
      serial(async () => {
        const kept: string[] = [];
        for (const origin of await settings.origins()) {
          if (!(await api.permissions.contains(needs(origin)))) {
            if (await registered(origin)) await api.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
            continue;
          }
          await register(origin);
          kept.push(origin);
        }
        await settings.setOrigins(kept);
      }),
  };
}

export type EnterpriseHosts = ReturnType<typeof enterpriseHosts>;
