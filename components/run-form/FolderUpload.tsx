import { useRef, useState } from 'preact/hooks';
import type { Input } from '../../lib/dvc';
import { folderFiles, hashDirectory } from '../../lib/experiments/form/hash-dir';
import { formatSize } from './format-size';
import type { UploadChoice } from './upload-objects';

interface FolderUploadProps {
  /** A DVC-tracked directory (its md5 ends in `.dir`). */
  input: Input;
  /** Files read at the commit: its `.dvcignore` files decide what the folder's hash leaves out. */
  repoFiles: Readonly<Record<string, string>>;
  uploaded: Extract<UploadChoice, { folder: unknown }> | undefined;
  onUpload: (path: string, choice: UploadChoice | null) => void;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A new folder for a tracked directory (`webkitdirectory`): every file hashed here for the entry's
 * generation, with progress and Cancel, into the `.dir` manifest DVC would write. Nothing is sent
 * until the commit.
 */
export function FolderUpload({ input, repoFiles, uploaded, onUpload }: FolderUploadProps) {
  const [hashing, setHashing] = useState<{ done: number; total: number } | { error: string }>();
  const cancel = useRef<AbortController>();
  const choose = async (picked: FileList | null) => {
    cancel.current?.abort();
    if (!picked || picked.length === 0) return onUpload(input.path, null);
    const controller = new AbortController();
    cancel.current = controller;
    const files = Array.from(picked);
    const name = files[0]!.webkitRelativePath.split('/')[0] ?? '';
    try {
      const folder = await hashDirectory(folderFiles(files), input.hashGeneration, {
        outPath: input.path,
        repoFiles,
        signal: controller.signal,
        onProgress: (done, total) => setHashing({ done, total }),
      });
      setHashing(undefined);
      onUpload(input.path, { folder, name, generation: input.hashGeneration });
    } catch (error) {
      setHashing({ error: controller.signal.aborted ? 'Hashing cancelled: the commit’s version is kept.' : `Cannot use ${name}: ${errorText(error)}` });
      onUpload(input.path, null);
    } finally {
      if (cancel.current === controller) cancel.current = undefined;
    }
  };
  return (
    <>
      <label class="upload">
        Upload a new folder for {input.path}{' '}
        <input type="file" ref={(el) => void (el && (el.webkitdirectory = true))} multiple onChange={(e) => void choose(e.currentTarget.files)} />
      </label>
      {hashing && 'done' in hashing && (
        <p class="muted" role="status">
          Hashing for DVC {input.hashGeneration}.x: {formatSize(hashing.done)} of {formatSize(hashing.total)}{' '}
          <progress max={hashing.total} value={hashing.done} aria-label={`Hashing progress of ${input.path}`} />{' '}
          <button type="button" class="small" onClick={() => cancel.current?.abort()}>
            Cancel hashing
          </button>
        </p>
      )}
      {hashing && 'error' in hashing && (
        <p class="muted" role="status">
          {hashing.error}
        </p>
      )}
      {uploaded && (
        <p class="note" data-upload={input.path}>
          New folder {uploaded.name}: {uploaded.folder.nfiles} {uploaded.folder.nfiles === 1 ? 'file' : 'files'} · {formatSize(uploaded.folder.size)} · md5{' '}
          <code>{uploaded.folder.md5}</code>
          {uploaded.folder.ignored.length > 0 && ` · ${uploaded.folder.ignored.length} left out as DVC ignores them`}, uploaded when committing{' '}
          <button type="button" class="small" onClick={() => onUpload(input.path, null)}>
            Keep the commit's version
          </button>
        </p>
      )}
    </>
  );
}
