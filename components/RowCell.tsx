import beaker from '@primer/octicons/build/svg/beaker-16.svg?raw';
import type { ExperimentRow } from '../lib/experiments/types';
import { Octicon } from './Octicon';

/** What a cell knows of its commit: being read, its row, no DVC project, or the page's one error. */
export type CellState = { kind: 'loading' } | { kind: 'row'; row: ExperimentRow } | { kind: 'no-dvc' } | { kind: 'error'; message: string };

/** What the cell says of its commit after "Commit Lab: commit abc1234 on main: ", and its short pill. */
function describe(state: CellState): { pill: string; detail: string } {
  switch (state.kind) {
    case 'loading':
      return { pill: '…', detail: 'loading experiment data' };
    case 'no-dvc':
      return { pill: '—', detail: 'no DVC project in this repository' };
    case 'error':
      return { pill: '!', detail: state.message };
    case 'row': {
      const { paramChanges, metrics } = state.row;
      const changed = `${paramChanges.length} param${paramChanges.length === 1 ? '' : 's'} changed`;
      const metric = metrics[0] ? `${metrics[0].key} = ${String(metrics[0].value)}` : 'no metrics in git';
      return { pill: `${paramChanges.length}Δ`, detail: `${changed}; ${metric}` };
    }
  }
}

/**
 * The cell drawn into each commit row: loading, then (until the overlay draws real columns) the
 * number of params changed and one metric in its title. Primer's CSS variables (row-cell.css)
 * follow GitHub's light and dark themes. Repository content is text here, never HTML.
 */
export function RowCell({ sha, where, state }: { sha: string; where: string; state: CellState }) {
  const { pill, detail } = describe(state);
  const label = `Commit Lab: commit ${sha.slice(0, 7)} on ${where}: ${detail}`;
  return (
    <span class="commit-lab-cell" title={label} aria-busy={state.kind === 'loading'}>
      <Octicon svg={beaker} size={12} />
      <span aria-hidden="true">{pill}</span>
      <span class="commit-lab-sr">{label}</span>
    </span>
  );
}
