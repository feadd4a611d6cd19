import beaker from '@primer/octicons/build/svg/beaker-16.svg?raw';
import { Octicon } from './Octicon';

/**
 * The placeholder cell drawn into each commit row until experiment data arrives, or "signed out"
 * when GitHub ended the sign-in. Primer's CSS
 * variables (see row-cell.css) make it follow GitHub's light and dark themes; screen readers
 * get a full sentence, sighted users a small pill.
 */
export function RowCell({ sha, where, signedOut }: { sha: string; where: string; signedOut?: string }) {
  // A sign-in GitHub ended (expired, revoked) is said once per cell, not left to fail row by row.
  const label = signedOut ? `Commit Lab is signed out: ${signedOut}` : `Commit Lab: no experiment data loaded yet for commit ${sha.slice(0, 7)} on ${where}`;
  return (
    <span class="commit-lab-cell" title={label}>
      <Octicon svg={beaker} size={12} />
      <span aria-hidden="true">{signedOut ? 'signed out' : '—'}</span>
      <span class="commit-lab-sr">{label}</span>
    </span>
  );
}
