/**
 * The placeholder cell drawn into each commit row until experiment data arrives. Primer's CSS
 * variables (see row-cell.css) make it follow GitHub's light and dark themes; screen readers
 * get a full sentence, sighted users a small pill.
 */
export function RowCell({ sha, where }: { sha: string; where: string }) {
  const label = `Commit Lab: no experiment data loaded yet for commit ${sha.slice(0, 7)} on ${where}`;
  return (
    <span class="commit-lab-cell" title={label}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
        <path fill="currentColor" d="M5 1h6v1.5h-1v3.7l3.9 6.6A1.5 1.5 0 0 1 12.6 15H3.4a1.5 1.5 0 0 1-1.3-2.2L6 6.2V2.5H5zm2.5 1.5v4.1L5.3 10.5h5.4L8.5 6.6V2.5z" />
      </svg>
      <span aria-hidden="true">—</span>
      <span class="commit-lab-sr">{label}</span>
    </span>
  );
}
