import beaker from '@primer/octicons/build/svg/beaker-16.svg?raw';
import { Octicon } from './Octicon';

/**
 * The placeholder cell drawn into each commit row until experiment data arrives. Primer's CSS
 * variables (see row-cell.css) make it follow GitHub's light and dark themes; screen readers
 * get a full sentence, sighted users a small pill.
 */
export function RowCell({ sha, where }: { sha: string; where: string }) {
  const label = `Commit Lab: no experiment data loaded yet for commit ${sha.slice(0, 7)} on ${where}`;
  return (
    <span class="commit-lab-cell" title={label}>
      <Octicon svg={beaker} size={12} />
      <span aria-hidden="true">—</span>
      <span class="commit-lab-sr">{label}</span>
    </span>
  );
}
