// From the module itself, not lib/remote's index: a page that parses messages needs no S3 signer.
import { parseCredential, type CredentialSummary } from '../remote/credentials';

/** What the remote-credential requests reply: the credentials set, without their secrets. */
export interface RemoteCredentials {
  credentials: CredentialSummary[];
}

/** What the refused-host requests reply: the refused remote hosts (origin patterns) remembered now. */
export interface Remembered {
  refused: string[];
}

/** An origin pattern as lib/remote's `originPattern` makes them: `https://host/*`. */
const ORIGIN_PATTERN = /^https?:\/\/[^/*:]+\/\*$/;

export const parseCredentialSave = ({ credential }: Readonly<Record<string, unknown>>) => {
  const parsed = parseCredential(credential);
  return parsed && { credential: parsed };
};

export const parseCredentialRemove = ({ url }: Readonly<Record<string, unknown>>) => (typeof url === 'string' ? { url } : undefined);

export const parseAccessAnswer = ({ origin, granted }: Readonly<Record<string, unknown>>) =>
  typeof origin === 'string' && ORIGIN_PATTERN.test(origin) && typeof granted === 'boolean' ? { origin, granted } : undefined;
