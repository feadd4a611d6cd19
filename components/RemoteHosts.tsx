import { useEffect, useState } from 'preact/hooks';

export interface RemoteHostsProps {
  /** The remote hosts granted (origin patterns, as `grantedRemoteOrigins` gives them). */
  load(): Promise<string[]>;
  remove(origin: string): Promise<unknown>;
}

const hostOf = (origin: string) => origin.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');

/** Options: the DVC remote hosts Commit Lab may read metrics from, each with a button to take it back. */
export function RemoteHosts({ load, remove }: RemoteHostsProps) {
  const [origins, setOrigins] = useState<string[] | null>(null);
  const refresh = () => load().then(setOrigins, () => setOrigins([]));
  useEffect(() => void refresh(), [load]);
  return (
    <section aria-labelledby="remote-hosts-title">
      <h2 id="remote-hosts-title" style={{ fontSize: '16px' }}>
        DVC remote hosts
      </h2>
      {origins?.length === 0 && <p>Commit Lab reads metrics from no DVC remote yet; a commit list offers it when a project needs one.</p>}
      <ul aria-label="Remote hosts Commit Lab may read">
        {(origins ?? []).map((origin) => (
          <li key={origin}>
            <code>{hostOf(origin)}</code>{' '}
            <button type="button" aria-label={`Remove ${hostOf(origin)}`} onClick={() => void remove(origin).then(refresh)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
