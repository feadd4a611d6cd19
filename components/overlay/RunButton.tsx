import playIcon from '@primer/octicons/build/svg/play-16.svg?raw';
import { Octicon } from '../Octicon';

/** Opens the Run form for this commit in a dialog over the page. */
export function RunButton({ sha, onRun }: { sha: string; onRun(sha: string, opener: HTMLElement): void }) {
  return (
    <button
      type="button"
      class="cl-run"
      aria-label={`Run an experiment from ${sha.slice(0, 7)}`}
      title="Run an experiment from this commit"
      onClick={(e) => onRun(sha, e.currentTarget)}
    >
      <Octicon svg={playIcon} size={16} />
      <span>Run</span>
    </button>
  );
}
