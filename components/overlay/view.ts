import type { OverlaySettings } from '../../lib/messages';
import type { PageColumns } from '../../lib/experiments/columns/columns';
import type { ExperimentRow } from '../../lib/experiments/types';

export type { OverlaySettings };

export const DEFAULT_SETTINGS: OverlaySettings = { baseline: { kind: 'parent' }, deltaMode: 'absolute', goals: {} };

/** The one line the header says when the page's data cannot be shown (instead of a message per row). */
export interface Notice {
  kind: 'signed-out' | 'wrong-account' | 'rate-limited' | 'not-found' | 'failed';
  text: string;
  /** A button after the text: `sign-in` opens Commit Lab's sign-in page. */
  action?: 'sign-in';
}

/** Everything every host of a page draws from; one object, replaced on each change. */
export interface OverlayView {
  phase: 'loading' | 'ready' | 'failed';
  rows: ReadonlyMap<string, ExperimentRow>;
  columns: PageColumns;
  /** Chosen columns resolved against the page (the defaults until the user picks). */
  metricIds: string[];
  paramIds: string[];
  settings: OverlaySettings;
  notices: Notice[];
  /** SHAs on the page, in order (for the baseline choice). */
  shas: string[];
  repo: { owner: string; name: string };
}

export interface OverlayActions {
  setSettings(next: OverlaySettings): void;
  refresh(): void;
  openRun(sha: string, opener: HTMLElement): void;
}
