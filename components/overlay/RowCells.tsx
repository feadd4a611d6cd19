import alertIcon from '@primer/octicons/build/svg/alert-16.svg?raw';
import clockIcon from '@primer/octicons/build/svg/clock-16.svg?raw';
import foldIcon from '@primer/octicons/build/svg/fold-16.svg?raw';
import beakerIcon from '@primer/octicons/build/svg/beaker-16.svg?raw';
import { useRef, useState } from 'preact/hooks';
import { formatMetric } from '../../lib/dvc';
import { defaultGoal, metricDelta, metricValue } from '../../lib/experiments/columns/deltas';
import { paramChangeTexts, paramText, paramValue } from '../../lib/experiments/columns/param-text';
import type { ExperimentRow } from '../../lib/experiments/types';
import { Octicon } from '../Octicon';
import { ParamChip } from './ParamChip';
import { ReportIcon } from './ReportIcon';
import { RunButton } from './RunButton';
import { StatusIcon } from './StatusIcon';
import type { OverlayView } from './view';

const short = (sha: string) => sha.slice(0, 7);
const fileOf = (id: string) => id.slice(0, id.lastIndexOf(':'));
const keyOf = (id: string) => id.slice(id.lastIndexOf(':') + 1);

/**
 * One commit row's cells: where its results come from, status, the chosen metrics (value and
 * change), the chosen params, the changed params' chip and the Run button. Skeletons of the same
 * size while the page's data loads, so nothing moves when it arrives. The row layout
 * (`lib/page/row-layout.ts`) sets the host's `data-layout`: in the column the cells show in line
 * (the disclosure hidden); folded, only the disclosure shows, and opens the cells as a list.
 */
export function RowCells({ view, sha, onRun }: { view: OverlayView; sha: string; onRun(sha: string, opener: HTMLElement): void }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const row = view.rows.get(sha);
  const loading = !row && view.phase === 'loading';
  const listId = `cl-cells-${sha}`;
  const close = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <span class={`cl-cells${row?.foldedInto ? ' cl-folded' : ''}${loading ? ' cl-loading' : ''}`} data-commit-lab-sha={sha} onKeyDown={close}>
      <button
        ref={toggle}
        type="button"
        class="cl-more"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`Experiment of ${short(sha)}`}
        title={`Experiment of ${short(sha)}`}
        onClick={() => setOpen(!open)}
      >
        <Octicon svg={beakerIcon} size={12} />
      </button>
      <span
        id={listId}
        class={`cl-collapsible${open ? ' cl-open' : ''}`}
        role="group"
        aria-label={`Experiment of ${short(sha)}`}
        aria-busy={loading || undefined}
      >
        {row ? <Cells view={view} row={row} /> : loading ? <Skeletons view={view} /> : null}
        <RunButton sha={sha} onRun={onRun} />
      </span>
    </span>
  );
}

/** As many placeholders as the columns about to show, each the size of its cell. */
function Skeletons({ view }: { view: OverlayView }) {
  return (
    <>
      <span class="cl-marks" />
      <span class="cl-status cl-skeleton" />
      {Array.from({ length: view.metricIds.length + view.paramIds.length }, (_, i) => (
        <span key={i} class="cl-cell cl-skeleton" />
      ))}
      <span class="cl-chip cl-skeleton" />
    </>
  );
}

function Cells({ view, row }: { view: OverlayView; row: ExperimentRow }) {
  const offer = view.accessOffers.get(row.sha);
  return (
    <>
      {offer && (
        // The button lives in an extension page: only there may its click call permissions.request.
        // First: the columns keep their places from the right, the one row offering it reaches further left.
        <iframe class="cl-access" title={`Read metrics from ${offer.host}`} src={offer.url} />
      )}
      {/* In a slot of its own width: the marks vary, the columns after them do not. */}
      <span class="cl-marks">
        {row.report && (
          // Shown when the title's last line has no room for it (the row layout says so).
          <span class="cl-report-fallback">
            <ReportIcon row={row} copy />
          </span>
        )}
        <Provenance row={row} />
      </span>
      <StatusIcon ci={row.ci} />
      {view.metricIds.map((id) => (
        <MetricCell key={id} view={view} row={row} id={id} />
      ))}
      {view.paramIds.map((id) => {
        const text = paramText(paramValue(row, fileOf(id), keyOf(id)));
        return (
          <span key={id} class="cl-cell cl-param" data-param={id} title={`${id} = ${text}`}>
            {text}
          </span>
        );
      })}
      <ParamChip changes={paramChangeTexts(row)} sha={row.sha} />
    </>
  );
}

function MetricCell({ view, row, id }: { view: OverlayView; row: ExperimentRow; id: string }) {
  const file = fileOf(id);
  const key = keyOf(id);
  const problem = row.problems.find((p) => p.path === file) ?? row.remoteNotes?.find((n) => n.file === file);
  const value = metricValue(row, file, key);
  if (value === undefined && problem) {
    const label = `${file}: ${problem.message}`;
    return (
      <span class="cl-cell cl-problem" data-metric={id} tabIndex={0} role="img" aria-label={label} title={label}>
        <Octicon svg={alertIcon} size={12} />
      </span>
    );
  }
  const baselineRow = view.settings.baseline.kind === 'commit' ? view.rows.get(view.settings.baseline.sha) : undefined;
  const goal = view.settings.goals[id] ?? defaultGoal(key);
  const delta = value === undefined ? undefined : metricDelta(row, view.settings.baseline, baselineRow, file, key, view.settings.deltaMode, goal);
  const shown = formatMetric(value);
  // Metrics kept out of git are marked as read from the DVC remote.
  const remote = value !== undefined && !row.metrics.some((m) => m.file === file && m.key === key) ? ' (read from the DVC remote)' : '';
  // DVC's rule: outputs are stale while params differ from dvc.lock, so these values are not this commit's.
  const stale = value !== undefined && row.unreproduced.length > 0;
  return (
    <span
      class={`cl-cell cl-metric${remote ? ' cl-remote' : ''}`}
      data-metric={id}
      data-unreproduced={stale || undefined}
      tabIndex={stale ? 0 : undefined}
      aria-describedby={stale ? `cl-stale:${id}` : undefined}
      title={`${id} = ${shown}${remote}${delta ? ` (${delta.text})` : ''}${stale ? `\n${STALE_NOTE}` : ''}`}
    >
      <span class="cl-value">{shown}</span>
      {delta && <span class={`cl-delta cl-${delta.tone}`}>{delta.text}</span>}
      {stale && (
        // What focus announces; hover shows the same in the title.
        <span id={`cl-stale:${id}`} hidden>
          {STALE_NOTE}
        </span>
      )}
    </span>
  );
}

const STALE_NOTE = 'Not yet reproduced: this value comes from the last reproduction recorded in dvc.lock, not from this commit’s params.';

/** Where a row's results come from, when not from itself: a results commit folded in, or this row folded into its run. */
function Provenance({ row }: { row: ExperimentRow }) {
  const problems = row.problems.filter((p) => p.path !== '');
  return (
    <>
      {row.unreproduced.length > 0 && row.paramChanges.length === 0 && (
        <span class="cl-mark" role="img" tabIndex={0} aria-label="Params changed, not yet reproduced" title="Params changed, not yet reproduced">
          <Octicon svg={clockIcon} size={12} />
        </span>
      )}
      {row.resultsFrom && (
        <a
          class="cl-mark cl-results-from"
          href={row.resultsFrom.url}
          data-results-from={row.resultsFrom.sha}
          aria-label={`Results from ${short(row.resultsFrom.sha)}`}
          title={`Results from ${short(row.resultsFrom.sha)}`}
        >
          <Octicon svg={foldIcon} size={12} />
        </a>
      )}
      {row.foldedInto && (
        <span
          class="cl-mark"
          data-folded-into={row.foldedInto}
          role="img"
          tabIndex={0}
          aria-label={`Results of ${short(row.foldedInto)}, shown on its row`}
          title={`Results of ${short(row.foldedInto)}, shown on its row`}
        >
          <Octicon svg={foldIcon} size={12} />
        </span>
      )}
      {problems.length > 0 && (
        <span
          class="cl-mark cl-problem"
          role="img"
          tabIndex={0}
          aria-label={problems.map((p) => `${p.path}: ${p.message}`).join('; ')}
          title={problems.map((p) => `${p.path}: ${p.message}`).join('\n')}
        >
          <Octicon svg={alertIcon} size={12} />
        </span>
      )}
    </>
  );
}
