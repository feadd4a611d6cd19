// The Run form's page: in a dialog over GitHub's commit list (an iframe the overlay opens) or in
// a tab from the toolbar popup. Wiring only: the query names the commit, the form does the rest.
import { render } from 'preact';
import { RunForm } from '../../components/run-form/RunForm';
import { CLOSE_MESSAGE, COMMITTED_MESSAGE } from '../../components/run-form/frame-messages';
import '../../components/primer-page.css';
import '../../components/run-form/run-form.css';

const query = new URLSearchParams(location.search);
const param = (name: string) => query.get(name) ?? '';
const framed = window.parent !== window;

// Escape inside the frame asks the dialog around it to close (the parent never sees keys pressed in here).
addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && framed) parent.postMessage({ type: CLOSE_MESSAGE }, '*');
});

render(
  <>
    <h1>Run an experiment</h1>
    <RunForm
      owner={param('owner')}
      repo={param('repo')}
      sha={param('sha')}
      baseRef={param('ref')}
      login={param('login')}
      onCommitted={(result) => framed && parent.postMessage({ type: COMMITTED_MESSAGE, branch: result.branch, commit: result.commit.oid }, '*')}
    />
  </>,
  document.getElementById('app')!,
);
