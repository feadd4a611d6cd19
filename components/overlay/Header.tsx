import columnsIcon from '@primer/octicons/build/svg/columns-16.svg?raw';
import syncIcon from '@primer/octicons/build/svg/sync-16.svg?raw';
import { useState } from 'preact/hooks';
import { defaultGoal, type Goal } from '../../lib/experiments/columns/deltas';
import { octicon } from '../Octicon';
import { ColumnPicker } from './ColumnPicker';
import type { OverlayActions, OverlayView } from './view';

const keyOf = (id: string) => id.slice(id.lastIndexOf(':') + 1);

/**
 * The slim bar above the list: what went wrong (one line each), the column titles lined up over
 * the first row's cells, and the controls (columns, baseline, delta mode, refresh). Where the
 * titles start is the row layout's to say (`lib/page/row-layout.ts` sets it on the host, with
 * the rows' placement): the header never reads the page's layout.
 */
export function Header({ view, actions, onSignIn }: { view: OverlayView; actions: OverlayActions; onSignIn(): void }) {
  const [picking, setPicking] = useState(false);
  const { settings } = view;
  const set = (patch: Partial<typeof settings>) => actions.setSettings({ ...settings, ...patch });
  return (
    <div class="cl-header" role="region" aria-label="Commit Lab experiments">
      {view.notices.map((notice) => (
        <p key={notice.kind} class={`cl-notice cl-notice-${notice.kind}`} role="status">
          {notice.text}
          {notice.action === 'sign-in' && (
            <button type="button" class="cl-link" onClick={onSignIn}>
              Sign in
            </button>
          )}
        </p>
      ))}
      {view.phase !== 'failed' && (view.phase !== 'ready' || view.rows.size > 0) && (
        <div class="cl-bar">
          <div class="cl-controls">
            <button type="button" class="cl-button" aria-expanded={picking} onClick={() => setPicking(!picking)}>
              {octicon(columnsIcon, 16)}
              <span>Columns</span>
            </button>
            <label class="cl-field">
              <span>Compare with</span>
              <select
                value={settings.baseline.kind === 'parent' ? 'parent' : settings.baseline.sha}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  set({ baseline: value === 'parent' ? { kind: 'parent' } : { kind: 'commit', sha: value } });
                }}
              >
                <option value="parent">parent</option>
                {view.shas.map((sha) => (
                  <option key={sha} value={sha}>
                    {sha.slice(0, 7)}
                  </option>
                ))}
              </select>
            </label>
            <label class="cl-field">
              <span>Change as</span>
              <select value={settings.deltaMode} onChange={(e) => set({ deltaMode: e.currentTarget.value === 'percent' ? 'percent' : 'absolute' })}>
                <option value="absolute">absolute</option>
                <option value="percent">percent</option>
              </select>
            </label>
            <button type="button" class="cl-button" aria-label="Refresh experiments" title="Refresh experiments" onClick={actions.refresh}>
              {octicon(syncIcon, 16)}
            </button>
          </div>
          <div class="cl-titles" aria-hidden="true">
            <span class="cl-status" />
            {view.metricIds.map((id) => (
              <span key={id} class="cl-cell cl-title" title={id}>
                <span class="cl-title-text">{keyOf(id)}</span>
              </span>
            ))}
            {view.paramIds.map((id) => (
              <span key={id} class="cl-cell cl-title" title={id}>
                <span class="cl-title-text">{keyOf(id)}</span>
              </span>
            ))}
            <span class="cl-chip cl-title">params changed</span>
          </div>
        </div>
      )}
      {picking && (
        <ColumnPicker
          view={view}
          onChange={(metrics, params) => set({ metrics, params })}
          onGoal={(id: string, goal: Goal) => set({ goals: { ...settings.goals, [id]: goal } })}
          goalOf={(id) => settings.goals[id] ?? defaultGoal(keyOf(id))}
        />
      )}
    </div>
  );
}
