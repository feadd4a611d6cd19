import type { ColumnGroup } from '../../lib/experiments/columns/columns';
import type { Goal } from '../../lib/experiments/columns/deltas';
import type { OverlayView } from './view';

/** Every metric and param of the page, grouped by file, as checkboxes; each chosen metric's goal beside it. */
export function ColumnPicker({
  view,
  onChange,
  onGoal,
  goalOf,
}: {
  view: OverlayView;
  onChange(metrics: string[], params: string[]): void;
  onGoal(id: string, goal: Goal): void;
  goalOf(id: string): Goal;
}) {
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id));
  const section = (title: string, groups: ColumnGroup[], chosen: string[], kind: 'metric' | 'param') => (
    <section class="cl-pick-section" aria-label={title}>
      <h3>{title}</h3>
      {groups.length === 0 && <p class="cl-muted">none on this page</p>}
      {groups.map((g) => (
        <fieldset key={g.file}>
          <legend>{g.file}</legend>
          {g.columns.map((c) => {
            const on = chosen.includes(c.id);
            return (
              <div key={c.id} class="cl-pick">
                <label>
                  <input
                    type="checkbox"
                    checked={on}
                    data-column={`${kind}:${c.id}`}
                    onChange={(e) =>
                      kind === 'metric'
                        ? onChange(toggle(view.metricIds, c.id, e.currentTarget.checked), view.paramIds)
                        : onChange(view.metricIds, toggle(view.paramIds, c.id, e.currentTarget.checked))
                    }
                  />
                  <span>{c.key}</span>
                </label>
                {kind === 'metric' && on && (
                  <select aria-label={`Goal of ${c.id}`} value={goalOf(c.id)} onChange={(e) => onGoal(c.id, e.currentTarget.value as Goal)}>
                    <option value="neutral">neutral</option>
                    <option value="higher">higher is better</option>
                    <option value="lower">lower is better</option>
                  </select>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
    </section>
  );
  return (
    <div class="cl-picker" role="group" aria-label="Columns">
      {section('Metrics', view.columns.metrics, view.metricIds, 'metric')}
      {section('Params', view.columns.params, view.paramIds, 'param')}
    </div>
  );
}
