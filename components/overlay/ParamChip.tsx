import clockIcon from '@primer/octicons/build/svg/clock-16.svg?raw';
import type { VNode } from 'preact';
import type { ParamChangeText } from '../../lib/experiments/columns/param-text';
import { octicon } from '../Octicon';

/**
 * The params a commit changed: the first as `train.n_est 50→100`, the rest behind `+N` (every
 * change in the tooltip, and in a list the button expands — `open`, the row's state). Changes not
 * yet reproduced in `dvc.lock` carry a clock.
 */
export function paramChip(changes: ParamChangeText[], sha: string, open: boolean, toggle: () => void): VNode {
  const first = changes[0];
  if (!first) return <span class="cl-chip cl-chip-empty" />;
  const all = changes.map((c) => `${c.file}: ${c.text}${c.unreproduced ? ' (not yet reproduced)' : ''}`).join('\n');
  return (
    <span class="cl-chip-wrap">
      <span class="cl-chip" data-param={first.id} data-unreproduced={first.unreproduced || undefined} title={all}>
        {first.unreproduced && unreproduced()}
        <span class="cl-chip-text">{first.text}</span>
        {changes.length > 1 && (
          <button
            type="button"
            class="cl-chip-more"
            aria-expanded={open}
            aria-label={`${changes.length - 1} more params changed in ${sha.slice(0, 7)}`}
            onClick={toggle}
          >
            +{changes.length - 1}
          </button>
        )}
      </span>
      {open && (
        <ul class="cl-chip-list" aria-label={`Params changed in ${sha.slice(0, 7)}`}>
          {changes.map((c) => (
            <li key={c.id} data-param={c.id} data-unreproduced={c.unreproduced || undefined}>
              {c.unreproduced && unreproduced()}
              <span class="cl-file">{c.file}</span> {c.text}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}

function unreproduced() {
  return (
    <span class="cl-unreproduced" role="img" aria-label="not yet reproduced" title="Changed, not yet reproduced: dvc.lock records the old value">
      {octicon(clockIcon, 12)}
    </span>
  );
}
