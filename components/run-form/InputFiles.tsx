import type { Input } from '../../lib/dvc';

/** Bytes as a person reads them (1024-based, as DVC and GitHub show sizes). */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return 'size unknown';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = bytes;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${unit === 0 ? n : n.toFixed(1)} ${units[unit]}`;
}

/** The DVC-tracked inputs the form lists: path, where it is recorded, its md5 and size; stage outputs marked hidden. */
export function InputFiles({ inputs }: { inputs: Input[] }) {
  if (inputs.length === 0) return <p class="muted">No input data files.</p>;
  return (
    <ul class="inputs">
      {inputs.map((input) => (
        <li key={input.path} data-input={input.path}>
          <code>{input.path}</code>
          {input.hidden && <span class="kind"> stage output</span>}
          <span class="muted">
            {' '}
            · {input.dvcFile} · {input.md5 ? `md5 ${input.md5.slice(0, 8)}` : 'no md5'} · {formatSize(input.size)}
            {input.nfiles !== undefined ? ` · ${input.nfiles} files` : ''} · DVC {input.hashGeneration}.x hash
          </span>
        </li>
      ))}
    </ul>
  );
}
