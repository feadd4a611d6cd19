import { editParams, rewriteOut, type OutHash, type ParamEdit, type ParamValue, type Project, type ReadFile } from '../../dvc';
import { toBase64 } from './base64';
import { displayValue } from './display-value';
import { gitFileSize } from './git-file-size';
import { studioMessage, type CommitMessage } from './studio-message';

/** The project at the commit an experiment starts from: what readProject found, and its files. */
export interface ProjectAtCommit {
  project: Project;
  read: ReadFile;
}

/** A params value to change, named as readProject names it. */
export interface ParamEditRequest {
  file: string;
  key: string;
  value: ParamValue;
  /** Allow the value to change type (an int to a string…), as editParams' `retype`. */
  retype?: boolean;
}

export type FileChange =
  /** A DVC-tracked input now pointing at other content (uploaded, or an existing version): its `.dvc`/`dvc.lock` entry is rewritten. */
  | { kind: 'data'; path: string; hash: OutHash }
  /**
   * A file kept in git replaced by new bytes of `size`: the bytes never enter the plan (they may
   * be 100 MB); the page stages them for the run and the background commits them (staged-files).
   */
  | { kind: 'git'; path: string; size: number };

export interface ExperimentChanges {
  /** In the order the user made them: the default message names them in this order. */
  paramEdits: readonly ParamEditRequest[];
  fileChanges?: readonly FileChange[];
}

/** One file of the commit: its whole new content, base64 (what createCommitOnBranch takes, and JSON-safe for messages). */
export interface PlannedFile {
  path: string;
  base64: string;
}

/** A param the commit changes, its values as a person reads them. */
export interface PlannedParamChange {
  file: string;
  key: string;
  before: string;
  after: string;
}

/** A data file the commit points at other content. */
export interface PlannedDataChange {
  path: string;
  /** The `.dvc` file or `dvc.lock` whose entry is rewritten. */
  dvcFile: string;
  before: { md5?: string; size?: number };
  after: OutHash;
}

/** A file kept in git that the commit replaces with the bytes staged for the run under `path`. */
export interface PlannedGitFile {
  path: string;
  size: number;
}

/** Everything one experiment commit writes, and what it means; plain JSON, so it crosses a message channel as it is. */
export interface ExperimentPlan {
  /** One entry per file whose text changes, nothing for the others. */
  files: PlannedFile[];
  /** Files replaced by staged bytes, in the order chosen. */
  replaced: PlannedGitFile[];
  params: PlannedParamChange[];
  data: PlannedDataChange[];
  /** Studio's default message for these changes. */
  message: CommitMessage;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function textAt(read: ReadFile, path: string): Promise<string | null> {
  const content = await read(path);
  if (content === null || typeof content === 'string') return content;
  try {
    return utf8.decode(content);
  } catch {
    throw new Error(`${path} is not UTF-8 text`);
  }
}

async function requireText(read: ReadFile, path: string): Promise<string> {
  const text = await textAt(read, path);
  if (text === null) throw new Error(`${path} is not in the commit`);
  return text;
}

/** `dvc.lock` paths are relative to the stages of the dvc.yaml beside it. */
function dvcYamlBeside(lock: string): string | undefined {
  return lock === 'dvc.lock' || lock.endsWith('/dvc.lock') ? `${lock.slice(0, -'dvc.lock'.length)}dvc.yaml` : undefined;
}

/**
 * The commit an experiment makes on top of `base`: each touched params file edited in place
 * through editParams (no other byte changes), each replaced data file's `.dvc`/`dvc.lock` entry
 * rewritten through rewriteOut, a file kept in git replaced by its staged bytes (refused above
 * GitHub's file size limit); a file whose content would not change is left out, and so is a
 * change that changes nothing. Throws an Error a user can read when a change cannot be made, or
 * when two kinds of change would write the same file.
 */
export async function planExperiment(base: ProjectAtCommit, changes: ExperimentChanges): Promise<ExperimentPlan> {
  const { project, read } = base;
  const names: string[] = [];
  /** New text by path, in the order first touched. */
  const written = new Map<string, string>();
  const replaced: PlannedGitFile[] = [];
  const writer = new Map<string, string>();
  const claim = (path: string, by: string) => {
    const other = writer.get(path);
    if (other !== undefined && other !== by) throw new Error(`${path} would be written twice: by ${other} and by ${by}`);
    writer.set(path, by);
  };

  const params: PlannedParamChange[] = [];
  const editsByFile = new Map<string, ParamEditRequest[]>();
  for (const edit of changes.paramEdits) {
    const param = project.params.find((p) => p.file === edit.file && p.key === edit.key);
    if (!param) throw new Error(`${edit.file}:${edit.key} is not a param of this project`);
    // A value set to what it is (perhaps spelled otherwise, `0.20` as 0.2) is no change for DVC: not written, not named.
    if (displayValue(param.value) === displayValue(edit.value)) continue;
    editsByFile.set(edit.file, [...(editsByFile.get(edit.file) ?? []), edit]);
    names.push(`${edit.file}:${edit.key}`);
    params.push({ file: edit.file, key: edit.key, before: displayValue(param.value), after: displayValue(edit.value) });
  }
  for (const [file, edits] of editsByFile) {
    claim(file, 'the params edits');
    const before = await requireText(read, file);
    const after = editParams(before, file, edits.map(asParamEdit));
    if (after !== before) written.set(file, after);
  }

  const data: PlannedDataChange[] = [];
  for (const change of changes.fileChanges ?? []) {
    if (change.kind === 'data') {
      const input = project.inputs.find((i) => i.path === change.path);
      if (!input) throw new Error(`${change.path} is not a data file DVC tracks in this project`);
      claim(input.dvcFile, 'the data changes');
      const before = written.get(input.dvcFile) ?? (await requireText(read, input.dvcFile));
      const yamlPath = dvcYamlBeside(input.dvcFile);
      const dvcYaml = yamlPath === undefined ? null : await textAt(read, yamlPath);
      const after = rewriteOut(before, input.dvcFile, change.path, change.hash, dvcYaml === null ? {} : { dvcYaml });
      if (after === before) continue;
      written.set(input.dvcFile, after);
      names.push(change.path);
      data.push({
        path: change.path,
        dvcFile: input.dvcFile,
        before: { ...(input.md5 !== undefined ? { md5: input.md5 } : {}), ...(input.size !== undefined ? { size: input.size } : {}) },
        after: change.hash,
      });
    } else {
      const tracked = project.inputs.find((i) => i.path === change.path);
      if (tracked) throw new Error(`${change.path} is tracked by DVC (${tracked.dvcFile}), not by git: change it as data`);
      if (writer.get(change.path) === 'the git files') throw new Error(`${change.path} is given twice`);
      claim(change.path, 'the git files');
      const size = gitFileSize(change.path, change.size);
      if (size.level === 'refused') throw new Error(size.text);
      replaced.push({ path: change.path, size: change.size });
      names.push(change.path);
    }
  }

  return {
    files: [...written].map(([path, text]) => ({ path, base64: toBase64(new TextEncoder().encode(text)) })),
    replaced,
    params,
    data,
    message: studioMessage(names),
  };
}

function asParamEdit({ key, value, retype }: ParamEditRequest): ParamEdit {
  return retype ? { key, value, retype } : { key, value };
}
