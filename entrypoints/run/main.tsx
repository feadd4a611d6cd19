// The Run form's page (opened in a dialog over GitHub by the Run button). Until the Run form
// lands (issue 20) it shows the commit and its params, read-only; that issue replaces this file.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CLOSE_MESSAGE } from '../../components/overlay/run-dialog';
import '../../components/primer-page.css';
import { ask, type ExperimentsReply } from '../../lib/messages';

const query = new URLSearchParams(location.search);
const [owner, repo, sha, ref] = ['owner', 'repo', 'sha', 'ref'].map((name) => query.get(name) ?? '');

// Escape inside the frame closes the dialog around it (the parent's dialog never sees this key).
addEventListener('keydown', (event) => {
  if (event.key === 'Escape') parent.postMessage({ type: CLOSE_MESSAGE }, '*');
});

function RunPage() {
  const [reply, setReply] = useState<ExperimentsReply>();
  useEffect(() => {
    void ask<'experiments'>({ type: 'experiments', repo: { owner: owner!, name: repo! }, list: { ref: ref || sha! }, shas: [sha!] }).then(
      setReply,
      (e: unknown) => setReply({ ok: false, error: { kind: 'unavailable', message: String(e) } }),
    );
  }, []);
  const row = reply?.ok ? reply.result.rows[0] : undefined;
  return (
    <main>
      <h1>Run an experiment</h1>
      <p>
        From commit <code>{sha!.slice(0, 7)}</code> of {owner}/{repo}
        {ref && (
          <>
            {' '}
            on <code>{ref}</code>
          </>
        )}
      </p>
      {!reply && <p class="muted">Loading params…</p>}
      {reply && !reply.ok && <p class="danger">{reply.error.message}</p>}
      {reply?.ok && !row && <p class="muted">No DVC params at this commit.</p>}
      {row && (
        <table>
          <caption>Params at this commit</caption>
          <thead>
            <tr>
              <th scope="col">file</th>
              <th scope="col">param</th>
              <th scope="col">value</th>
            </tr>
          </thead>
          <tbody>
            {row.params.map((p) => (
              <tr key={`${p.file}:${p.key}`} data-param={`${p.file}:${p.key}`}>
                <td>{p.file}</td>
                <td>{p.key}</td>
                <td>{typeof p.value === 'string' ? p.value : JSON.stringify(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

render(<RunPage />, document.getElementById('app')!);
