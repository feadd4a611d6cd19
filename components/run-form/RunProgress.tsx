import type { CommitProgress, CommitStep } from '../../lib/experiments/write/commit-result';

/** The form's steps: the page's own upload, then the background's commit steps. */
export type FormStep = 'upload' | CommitStep;

const STEP_LABEL: Record<FormStep, string> = {
  upload: 'Upload to the DVC remote',
  branch: 'Create the branch',
  commit: 'Commit',
  'pull-request': 'Open the pull request',
};

export type StepStates = Partial<Record<FormStep, Pick<CommitProgress, 'state' | 'url'>>>;

/** Each step of the commit as it goes: waiting, working, done (with its link). */
export function RunProgress({ steps, order }: { steps: StepStates; order: FormStep[] }) {
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
