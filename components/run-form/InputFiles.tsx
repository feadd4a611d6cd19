import { useState } from 'preact/hooks';
import type { Input, OutHash } from '../../lib/dvc';
import type { DataVersion } from '../../lib/experiments/form/data-versions';
import { hashFile } from '../../lib/experiments/form/hash-file';
import { ask } from '../../lib/messages';
import { FolderUpload } from './FolderUpload';
import { formatSize } from './format-size';
import type { UploadChoice } from './upload-objects';

export type { UploadChoice } from './upload-objects';

interface InputFilesProps {
  inputs: Input[];
  repo: { owner: string; name: string };
  sha: string;
  /** The version picked for each input, by path. */
  picked: Readonly<Record<string, OutHash>>;
  onPick: (path: string, hash: OutHash | null) => void;
  uploads: Readonly<Record<string, UploadChoice>>;
  onUpload: (path: string, choice: UploadChoice | null) => void;
  /** Files read at the commit: a folder's upload leaves out what their `.dvcignore` files hide. */
  repoFiles?: Readonly<Record<string, string>>;
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

function InputFile({ input, repo, sha, picked, onPick, uploads, onUpload, repoFiles = {} }: Omit<InputFilesProps, 'inputs'> & { input: Input }) {
  const [versions, setVersions] = useState<DataVersion[] | string>();
  const [hashing, setHashing] = useState<string>();
  const uploaded = uploads[input.path];
  // A directory is replaced by a folder (FolderUpload), a single file by a file.
  const isDir = input.nfiles !== undefined || input.md5?.endsWith('.dir') === true;
  const choose = async (file: File | undefined) => {
    if (!file) return onUpload(input.path, null);
    setHashing(`Hashing ${file.name} for DVC ${input.hashGeneration}.x…`);
    try {
      onUpload(input.path, { file, digest: await hashFile(file, input.hashGeneration), generation: input.hashGeneration });
      setHashing(undefined);
    } catch (error) {
      setHashing(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
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
      {isDir && <FolderUpload input={input} repoFiles={repoFiles} uploaded={uploaded && 'folder' in uploaded ? uploaded : undefined} onUpload={onUpload} />}
      {!isDir && (
        <label class="upload">
          Upload a new file for {input.path} <input type="file" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        </label>
      )}
      {hashing && (
        <p class="muted" role="status">
          {hashing}
        </p>
      )}
      {uploaded && 'file' in uploaded && (
        <p class="note" data-upload={input.path}>
          New file {uploaded.file.name}: md5 <code>{uploaded.digest.md5}</code> · {formatSize(uploaded.digest.size)}, uploaded when committing{' '}
          <button type="button" class="small" onClick={() => onUpload(input.path, null)}>
            Keep the commit's version
          </button>
        </p>
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
