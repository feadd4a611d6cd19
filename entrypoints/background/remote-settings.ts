import { storage } from 'wxt/utils/storage';
import { forgetDenials, recordAnswer, summarise, type CredentialSummary, type DeniedOrigins, type RemoteCredential } from '../../lib/remote';

/**
 * DVC remote credentials, in the background's storage.local only (like the GitHub token: not
 * sync, never sent to a page; options get `summarise`d copies). Imported by the background alone,
 * so no page or content script bundle contains the key.
 */
const credentials = storage.defineItem<RemoteCredential[]>('local:remoteCredentials', { fallback: [] });
/** Remote hosts (origin patterns) the user refused to let Commit Lab read; not a secret. */
const denied = storage.defineItem<string[]>('local:deniedRemoteOrigins', { fallback: [] });

export const deniedOrigins: DeniedOrigins = { get: () => denied.getValue(), set: (origins) => denied.setValue(origins) };

const list = async (): Promise<CredentialSummary[]> => (await credentials.getValue()).map(summarise);

export const remoteSettings = {
  credentials: () => credentials.getValue(),
  list,
  async save(credential: RemoteCredential): Promise<CredentialSummary[]> {
    const others = (await credentials.getValue()).filter((c) => c.url !== credential.url);
    await credentials.setValue([...others, credential]);
    return list();
  },
  async remove(url: string): Promise<CredentialSummary[]> {
    await credentials.setValue((await credentials.getValue()).filter((c) => c.url !== url));
    return list();
  },
  answer: (origin: string, granted: boolean) => recordAnswer(deniedOrigins, origin, granted),
  resetDenials: () => forgetDenials(deniedOrigins),
  refused: () => deniedOrigins.get(),
};

export type RemoteSettings = typeof remoteSettings;
