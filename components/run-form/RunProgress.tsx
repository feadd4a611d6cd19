import type { CommitProgress, CommitStep } from '../../lib/experiments/write/commit-result';

const STEP_LABEL: Record<CommitStep, string> = { branch: 'Create the branch', commit: 'Commit', 'pull-request': 'Open the pull request' };

export type StepStates = Partial<Record<CommitStep, CommitProgress>>;

/** Each step of the commit as it goes: waiting, working, done (with its link). */
export function RunProgress({ steps, order }: { steps: StepStates; order: CommitStep[] }) {
  return (
    <ol class="steps" aria-label="Progress">
      {order.map((step) => {
        const state = steps[step];
        const label = state?.state === 'done' ? 'done' : state ? 'in progress' : 'waiting';
        return (
          <li key={step} class={`step ${label.replace(' ', '-')}`} data-step={step}>
            {STEP_LABEL[step]}: {label}
            {state?.url && (
              <>
                {' '}
                —{' '}
                <a href={state.url} target="_blank" rel="noreferrer">
                  {state.url}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
