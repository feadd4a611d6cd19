import { useState } from 'preact/hooks';
import type { Input, OutHash } from '../../lib/dvc';
import type { DataVersion } from '../../lib/experiments/form/data-versions';
import { ask } from '../../lib/messages';

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

interface InputFilesProps {
  inputs: Input[];
  repo: { owner: string; name: string };
  sha: string;
  /** The version picked for each input, by path. */
  picked: Readonly<Record<string, OutHash>>;
  onPick: (path: string, hash: OutHash | null) => void;
}

/** The DVC-tracked inputs: path, where recorded, md5 and size; each may point at another version from the history. */
export function InputFiles({ inputs, ...rest }: InputFilesProps) {
  if (inputs.length === 0) return <p class="muted">No input data files.</p>;
  return (
    <ul class="inputs">
      {inputs.map((input) => (
        <InputFile key={input.path} input={input} {...rest} />
      ))}
    </ul>
  );
}

function InputFile({ input, repo, sha, picked, onPick }: Omit<InputFilesProps, 'inputs'> & { input: Input }) {
  const [versions, setVersions] = useState<DataVersion[] | string>();
  const chosen = picked[input.path];
  const load = async () => {
    setVersions('Reading the history…');
    const { path, dvcFile, md5, hashGeneration } = input;
    const reply = await ask({ type: 'data-versions', repo, sha, input: { path, dvcFile, ...(md5 ? { md5 } : {}), hashGeneration } });
    setVersions(reply.ok ? reply.versions.filter((v) => v.size !== undefined) : `Could not read the history: ${reply.message}`);
  };
  const groupName = `versions-${input.path}`;
  return (
    <li data-input={input.path}>
      <code>{input.path}</code>
      {input.hidden && <span class="kind"> stage output</span>}
      <span class="muted">
        {' '}
        · {input.dvcFile} · {input.md5 ? `md5 ${input.md5.slice(0, 8)}` : 'no md5'} · {formatSize(input.size)}
        {input.nfiles !== undefined ? ` · ${input.nfiles} files` : ''} · DVC {input.hashGeneration}.x hash
      </span>{' '}
      {versions === undefined && (
        <button type="button" class="small" onClick={() => void load()} aria-label={`Other versions of ${input.path}`}>
          Other versions
        </button>
      )}
      {typeof versions === 'string' && (
        <p class="muted" role="status">
          {versions}
        </p>
      )}
      {Array.isArray(versions) && (
        <fieldset class="versions">
          <legend>Version of {input.path}</legend>
          {versions.length === 0 && <p class="muted">No other version of the same DVC hash generation in this history.</p>}
          <label class="check">
            <input type="radio" name={groupName} checked={!chosen} onChange={() => onPick(input.path, null)} /> As at this commit
          </label>
          {versions.map((v) => (
            <label class="check" key={v.md5}>
              <input
                type="radio"
                name={groupName}
                checked={chosen?.md5 === v.md5}
                onChange={() => onPick(input.path, { md5: v.md5, size: v.size!, ...(v.nfiles !== undefined ? { nfiles: v.nfiles } : {}) })}
              />{' '}
              md5 <code>{v.md5}</code> · {formatSize(v.size)} · from commit <code>{v.commit.slice(0, 7)}</code> · {v.date.slice(0, 10)}
            </label>
          ))}
        </fieldset>
      )}
    </li>
  );
}
