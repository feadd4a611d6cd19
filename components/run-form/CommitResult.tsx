import type { CommitExperimentResult } from '../../lib/experiments/write/commit-result';

/** How a run ended: links to the commit and pull request, or the failure in words with its way out. */
export function CommitResult({ result, onRetry, onReapply }: { result: CommitExperimentResult; onRetry: () => void; onReapply: () => void }) {
  if (result.ok) {
    return (
      <div class="result success" role="status">
        <p>{result.message}</p>
        <p>
          <a href={result.commit.url} target="_blank" rel="noreferrer">
            View commit {result.commit.oid.slice(0, 7)}
          </a>
          {result.pullRequest && (
            <>
              {' · '}
              <a href={result.pullRequest.url} target="_blank" rel="noreferrer">
                View pull request #{result.pullRequest.number}
              </a>
            </>
          )}
        </p>
      </div>
    );
  }
  const { failure, written } = result;
  const moved = (failure.kind === 'branch-moved' && failure.head !== null) || failure.kind === 'stale-base';
  // A retry stages the form's files again, so missing bytes are worth one.
  const retry = written.commit
    ? 'Open the pull request'
    : written.unknown || written.branch || failure.kind === 'github' || failure.kind === 'file-missing'
      ? 'Retry'
      : null;
  return (
    <div class="result failure" role="alert">
      <p>{result.message}</p>
      <div class="row">
        {moved && (
          <button type="button" class="primary" onClick={onReapply}>
            Re-apply my changes on the new head
          </button>
        )}
        {retry && (
          <button type="button" onClick={onRetry}>
            {retry}
          </button>
        )}
      </div>
    </div>
  );
}
