import checkIcon from '@primer/octicons/build/svg/check-16.svg?raw';
import dotIcon from '@primer/octicons/build/svg/dot-fill-16.svg?raw';
import stopIcon from '@primer/octicons/build/svg/stop-16.svg?raw';
import xIcon from '@primer/octicons/build/svg/x-16.svg?raw';
import type { VNode } from 'preact';
import type { CiStatus } from '../../lib/experiments/types';
import { octicon } from '../Octicon';

/** GitHub's own check icons: queued and running a yellow dot, succeeded a green check, failed a red cross, cancelled a grey stop. */
const ICONS = { queued: dotIcon, running: dotIcon, succeeded: checkIcon, failed: xIcon, cancelled: stopIcon } as const;

/** The experiment's status, linking to the run that decided it (the first check in that state). */
export function statusIcon(ci: CiStatus | undefined): VNode {
  if (!ci || ci.state === 'none') return <span class="cl-status cl-status-none" data-status="none" />;
  const state = ci.state;
  const check = ci.checks.find((c) => c.state === state && c.url) ?? ci.checks.find((c) => c.url);
  const label = `Experiment ${state}${check ? `: ${check.name}` : ''}${ci.partial ? ' (workflow runs and statuses only)' : ''}`;
  const icon = octicon(ICONS[state], 16);
  return check?.url ? (
    <a class={`cl-status cl-status-${state}`} data-status={state} href={check.url} aria-label={label} title={label}>
      {icon}
    </a>
  ) : (
    <span class={`cl-status cl-status-${state}`} data-status={state} role="img" aria-label={label} title={label}>
      {icon}
    </span>
  );
}
