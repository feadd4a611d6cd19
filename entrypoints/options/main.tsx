import { render } from 'preact';
import { ask } from '../../lib/messages';
import { TokenForm } from '../../components/TokenForm';

const save = (token: string) => ask({ type: 'token-save', token });
const clear = () => ask({ type: 'token-clear' });

render(
  <main style={{ maxWidth: '480px', font: '14px system-ui, sans-serif' }}>
    <h1 style={{ fontSize: '18px' }}>Commit Lab</h1>
    <p>The token is kept in this browser only and sent only to GitHub’s API.</p>
    <TokenForm save={save} clear={clear} />
  </main>,
  document.getElementById('app')!,
);
