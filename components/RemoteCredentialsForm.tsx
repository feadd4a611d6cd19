import { useEffect, useState } from 'preact/hooks';
import type { RemoteCredentials } from '../lib/messages';
import type { CredentialSummary, RemoteCredential } from '../lib/remote/credentials';

export interface RemoteCredentialsFormProps {
  load(): Promise<RemoteCredentials>;
  save(credential: RemoteCredential): Promise<RemoteCredentials>;
  remove(url: string): Promise<RemoteCredentials>;
}

type Kind = RemoteCredential['kind'];
const KIND_LABEL: Record<Kind, string> = { s3: 'S3 or S3-compatible (access key)', basic: 'HTTP(S), basic auth', header: 'HTTP(S), custom header' };
const EMPTY = { url: '', endpoint: '', accessKeyId: '', secretAccessKey: '', user: '', password: '', name: '', value: '' };
type Fields = typeof EMPTY;

function credentialOf(kind: Kind, f: Fields): RemoteCredential {
  const url = f.url.trim();
  if (kind === 's3') {
    const endpoint = f.endpoint.trim();
    return { kind, url, ...(endpoint ? { endpoint } : {}), accessKeyId: f.accessKeyId.trim(), secretAccessKey: f.secretAccessKey.trim() };
  }
  return kind === 'basic' ? { kind, url, user: f.user.trim(), password: f.password } : { kind, url, name: f.name.trim(), value: f.value.trim() };
}

function describe(c: CredentialSummary): string {
  if (c.kind === 's3') return `S3 key ${c.accessKeyId}${c.endpoint ? ` at ${c.endpoint}` : ''}`;
  return c.kind === 'basic' ? `basic auth as ${c.user}` : `header ${c.name}`;
}

/**
 * Options: credentials for DVC remotes, by the remote's URL as `.dvc/config` names it. Secrets are
 * typed here, kept by the background, and never shown again (the list shows key ids and user names).
 */
export function RemoteCredentialsForm({ load, save, remove }: RemoteCredentialsFormProps) {
  const [saved, setSaved] = useState<CredentialSummary[]>([]);
  const [kind, setKind] = useState<Kind>('s3');
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [status, setStatus] = useState('');
  useEffect(() => {
    load().then(
      (r) => setSaved(r.credentials),
      (e: unknown) => setStatus(e instanceof Error ? e.message : String(e)),
    );
  }, [load]);
  const run = async (action: () => Promise<RemoteCredentials>, done: string) => {
    try {
      setSaved((await action()).credentials);
      setStatus(done);
      return true;
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
      return false;
    }
  };
  const field = (name: keyof Fields, label: string, secret = false) => (
    <label style={{ display: 'block' }}>
      {label}{' '}
      <input
        type={secret ? 'password' : 'text'}
        autoComplete="off"
        spellcheck={false}
        value={fields[name]}
        onInput={(e) => setFields({ ...fields, [name]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <section aria-labelledby="remote-credentials-title">
      <h2 id="remote-credentials-title" style={{ fontSize: '16px' }}>
        DVC remote credentials
      </h2>
      <p>Sent only to that remote’s host, inside its request signature or header. DVC’s own `.dvc/config.local` is never read.</p>
      <ul aria-label="Saved remote credentials">
        {saved.map((c) => (
          <li key={c.url}>
            <code>{c.url}</code>: {describe(c)}{' '}
            <button type="button" aria-label={`Remove credentials for ${c.url}`} onClick={() => void run(() => remove(c.url), 'Removed')}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => save(credentialOf(kind, fields)), 'Saved').then((ok) => ok && setFields(EMPTY));
        }}
      >
        <label style={{ display: 'block' }}>
          Remote kind{' '}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        {field('url', kind === 's3' ? 'Remote URL (s3://bucket/path)' : 'Remote URL (https://host/path)')}
        {kind === 's3' && field('endpoint', 'Endpoint URL (endpointurl; empty for AWS)')}
        {kind === 's3' && field('accessKeyId', 'Access key ID')}
        {kind === 's3' && field('secretAccessKey', 'Secret access key', true)}
        {kind === 'basic' && field('user', 'User')}
        {kind === 'basic' && field('password', 'Password', true)}
        {kind === 'header' && field('name', 'Header name')}
        {kind === 'header' && field('value', 'Header value', true)}
        <button type="submit" disabled={!fields.url.trim()}>
          Save credentials
        </button>
      </form>
      <p role="status">{status}</p>
    </section>
  );
}
