import reportSvg from '@primer/octicons/build/svg/report-16.svg?raw';
import type { VNode } from 'preact';
import type { ExperimentRow } from '../../lib/experiments/types';
import { octicon } from '../Octicon';

/**
 * Studio's report icon beside the commit message, with its tooltip word for word: "CML Report".
 * The copy among the cells (`copy`, shown when the title has no room) leaves `data-report-url` to
 * the one by the title, so a row names its report once.
 */
export function reportIcon(row: ExperimentRow | undefined, copy = false): VNode | null {
  const report = row?.report;
  if (!report) return null;
  return (
    <a class="cl-report" href={report.url} data-report-url={copy ? undefined : report.url} title="CML Report" aria-label="CML Report">
      {octicon(reportSvg, 16)}
    </a>
  );
}
