import alertIcon from '@primer/octicons/build/svg/alert-16.svg?raw';
import clockIcon from '@primer/octicons/build/svg/clock-16.svg?raw';
import foldIcon from '@primer/octicons/build/svg/fold-16.svg?raw';
import beakerIcon from '@primer/octicons/build/svg/beaker-16.svg?raw';
import { useMemo, useRef, useState } from 'preact/hooks';
import { formatMetric } from '../../lib/dvc';
import { defaultGoal, metricDelta, metricValue } from '../../lib/experiments/columns/deltas';
import { paramChangeTexts, paramText, paramValue } from '../../lib/experiments/columns/param-text';
import type { ExperimentRow } from '../../lib/experiments/types';
import { octicon } from '../Octicon';
import { paramChip } from './ParamChip';
import { reportIcon } from './ReportIcon';
import { runButton } from './RunButton';
import { statusIcon } from './StatusIcon';
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
  const [chipOpen, setChipOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const row = view.rows.get(sha);
  const loading = !row && view.phase === 'loading';
  const listId = `cl-cells-${sha}`;
  const close = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  // The same vnodes while their inputs stay: Preact then skips them on every redraw of the row.
  const disclosure = useMemo(
    () => (
      <button
        ref={toggle}
        type="button"
        class="cl-more"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`Experiment of ${short(sha)}`}
        title={`Experiment of ${short(sha)}`}
        onClick={() => setOpen((was) => !was)}
      >
        {octicon(beakerIcon, 12)}
      </button>
    ),
    [open, listId, sha],
  );
  const run = useMemo(() => runButton(sha, onRun), [sha, onRun]);
  return (
    <span class={`cl-cells${row?.foldedInto ? ' cl-folded' : ''}${loading ? ' cl-loading' : ''}`} data-commit-lab-sha={sha} onKeyDown={close}>
      {disclosure}
      <span
        id={listId}
        class={`cl-collapsible${open ? ' cl-open' : ''}`}
        role="group"
        aria-label={`Experiment of ${short(sha)}`}
        aria-busy={loading || undefined}
      >
        {row ? cells(view, row, chipOpen, () => setChipOpen((was) => !was)) : loading ? skeletons(view) : null}
        {run}
      </span>
    </span>
  );
}

/**
 * As many placeholders as the columns about to show, each the size of its cell, in the cells'
 * own elements and keys (by position): the data patches them rather than replacing them.
 */
function skeletons(view: OverlayView) {
  return (
    <>
      {/* The slot of a row's access offer. */ null}
      <span class="cl-marks" />
      <span class="cl-status cl-skeleton" />
      {view.metricIds.map((_, i) => (
        <span key={i} class="cl-cell cl-skeleton" />
      ))}
      {view.paramIds.map((_, i) => (
        <span key={i} class="cl-cell cl-skeleton" />
      ))}
      <span class="cl-chip cl-skeleton" />
    </>
  );
}

/** The row's cells. Functions, not components, down to each icon: 35 rows of component instances cost more than the DOM they make. */
function cells(view: OverlayView, row: ExperimentRow, chipOpen: boolean, toggleChip: () => void) {
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
          <span class="cl-report-fallback">{reportIcon(row, true)}</span>
        )}
        {provenance(row)}
      </span>
      {statusIcon(row.ci)}
      {view.metricIds.map((id, i) => metricCell(view, row, id, i))}
      {view.paramIds.map((id, i) => {
        const text = paramText(paramValue(row, fileOf(id), keyOf(id)));
        return (
          <span key={i} class="cl-cell cl-param" data-param={id} title={`${id} = ${text}`}>
            {text}
          </span>
        );
      })}
      {paramChip(paramChangeTexts(row), row.sha, chipOpen, toggleChip)}
      {row.unreproduced.length > 0 && (
        // What focus on a stale metric announces (ids are the shadow root's own); hover shows the same in the title.
        <span id={STALE_NOTE_ID} hidden>
          {STALE_NOTE}
        </span>
      )}
    </>
  );
}

function metricCell(view: OverlayView, row: ExperimentRow, id: string, position: number) {
  const file = fileOf(id);
  const key = keyOf(id);
  const problem = row.problems.find((p) => p.path === file) ?? row.remoteNotes?.find((n) => n.file === file);
  const value = metricValue(row, file, key);
  if (value === undefined && problem) {
    const label = `${file}: ${problem.message}`;
    return (
      <span key={position} class="cl-cell cl-problem" data-metric={id} tabIndex={0} role="img" aria-label={label} title={label}>
        {octicon(alertIcon, 12)}
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
      key={position}
      class={`cl-cell cl-metric${remote ? ' cl-remote' : ''}`}
      data-metric={id}
      data-unreproduced={stale || undefined}
      tabIndex={stale ? 0 : undefined}
      aria-describedby={stale ? STALE_NOTE_ID : undefined}
      title={`${id} = ${shown}${remote}${delta ? ` (${delta.text})` : ''}${stale ? `\n${STALE_NOTE}` : ''}`}
    >
      <span class="cl-value">{shown}</span>
      {delta && <span class={`cl-delta cl-${delta.tone}`}>{delta.text}</span>}
    </span>
  );
}

const STALE_NOTE_ID = 'cl-stale';
const STALE_NOTE = 'Not yet reproduced: this value comes from the last reproduction recorded in dvc.lock, not from this commit’s params.';

/** Where a row's results come from, when not from itself: a results commit folded in, or this row folded into its run. */
function provenance(row: ExperimentRow) {
  const problems = row.problems.filter((p) => p.path !== '');
  return (
    <>
      {row.unreproduced.length > 0 && row.paramChanges.length === 0 && (
        <span class="cl-mark" role="img" tabIndex={0} aria-label="Params changed, not yet reproduced" title="Params changed, not yet reproduced">
          {octicon(clockIcon, 12)}
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
          {octicon(foldIcon, 12)}
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
          {octicon(foldIcon, 12)}
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
          {octicon(alertIcon, 12)}
        </span>
      )}
    </>
  );
}
