import reportIcon from '@primer/octicons/build/svg/report-16.svg?raw';
import type { ExperimentRow } from '../../lib/experiments/types';
import { Octicon } from '../Octicon';

/** Studio's report icon beside the commit message, with its tooltip word for word: "CML Report". */
export function ReportIcon({ row }: { row: ExperimentRow | undefined }) {
  const report = row?.report;
  if (!report) return null;
  return (
    <a class="cl-report" href={report.url} data-report-url={report.url} title="CML Report" aria-label="CML Report">
      <Octicon svg={reportIcon} size={16} />
    </a>
  );
}
