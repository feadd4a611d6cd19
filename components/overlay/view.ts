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
  /** Rows offering "Read metrics from <host>" (`accessOffers`). */
  accessOffers: ReadonlyMap<string, RemoteAccessOffer>;
}

/** "Read metrics from <host>": the extension page (remote-access.html) framed in a row, for a host not yet allowed. */
export interface RemoteAccessOffer {
  host: string;
  url: string;
}

/**
 * The first row (in page order) that needs each remote host not yet allowed nor refused offers it;
 * no offer without `accessUrl`.
 */
export function accessOffers(
  shas: readonly string[],
  rows: ReadonlyMap<string, ExperimentRow>,
  accessUrl: ((origin: string) => string) | undefined,
): Map<string, RemoteAccessOffer> {
  const offers = new Map<string, RemoteAccessOffer>();
  if (!accessUrl) return offers;
  const offered = new Set<string>();
  for (const sha of shas) {
    const need = rows.get(sha)?.remoteNotes?.find(({ failure }) => failure.kind === 'permission' && !failure.denied && !offered.has(failure.host));
    if (need?.failure.kind !== 'permission') continue;
    offered.add(need.failure.host);
    offers.set(sha, { host: need.failure.host, url: accessUrl(need.failure.origin) });
  }
  return offers;
}

export interface OverlayActions {
  setSettings(next: OverlaySettings): void;
  refresh(): void;
  openRun(sha: string, opener: HTMLElement): void;
}
