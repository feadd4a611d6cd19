import { useRef } from 'preact/hooks';
import type { GitInput } from '../../lib/dvc';
import { gitFileSize } from '../../lib/experiments/write/git-file-size';
import { formatSize } from './format-size';

interface GitInputsProps {
  inputs: GitInput[];
  /** The new file chosen for each input, by path; it stays in this page until the commit stages it. */
  chosen: Readonly<Record<string, File>>;
  onChoose: (path: string, file: File | null) => void;
}

/** The stage inputs git keeps (scripts, configs): each may be replaced by a file of your own, committed as it is. */
export function GitInputs({ inputs, chosen, onChoose }: GitInputsProps) {
  if (inputs.length === 0) return <p class="muted">No stage input kept in git.</p>;
  return (
    <ul class="inputs">
      {inputs.map((input) => (
        <GitInputFile key={input.path} input={input} file={chosen[input.path]} onChoose={onChoose} />
      ))}
    </ul>
  );
}

function GitInputFile({ input, file, onChoose }: { input: GitInput; file: File | undefined; onChoose: GitInputsProps['onChoose'] }) {
  const chooser = useRef<HTMLInputElement>(null);
  const size = file && gitFileSize(input.path, file.size);
  const reset = () => {
    // Choosing the same file again must count as a choice.
    if (chooser.current) chooser.current.value = '';
    onChoose(input.path, null);
  };
  return (
    <li data-git-input={input.path}>
      <code>{input.path}</code>
      <span class="muted"> · kept in git · used by {input.stages.join(', ')}</span>{' '}
      <label class="upload">
        Replace…{' '}
        <input
          ref={chooser}
          type="file"
          aria-label={`Replace ${input.path}`}
          onChange={(e) => {
            const chosen = e.currentTarget.files?.[0];
            if (chosen) onChoose(input.path, chosen);
          }}
        />
      </label>
      {file && (
        <p class="note" data-replacement={input.path}>
          New content from {file.name}: {formatSize(file.size)} ({file.size.toLocaleString('en-US')} bytes), committed as {input.path}{' '}
          <button type="button" class="small" onClick={reset}>
            Reset to the commit's version
          </button>
        </p>
      )}
      {size && size.level !== 'ok' && (
        <p class={size.level === 'refused' ? 'danger' : 'attention'} role={size.level === 'refused' ? 'alert' : 'status'} data-size-check={size.level}>
          {size.text}
        </p>
      )}
    </li>
  );
}
