import playIcon from '@primer/octicons/build/svg/play-16.svg?raw';
import type { VNode } from 'preact';
import { octicon } from '../Octicon';

/** Opens the Run form for this commit in a dialog over the page. */
export function runButton(sha: string, onRun: (sha: string, opener: HTMLElement) => void): VNode {
  return (
    <button
      type="button"
      class="cl-run"
      aria-label={`Run an experiment from ${sha.slice(0, 7)}`}
      title="Run an experiment from this commit"
      onClick={(e) => onRun(sha, e.currentTarget)}
    >
      {octicon(playIcon, 16)}
      <span>Run</span>
    </button>
  );
}
