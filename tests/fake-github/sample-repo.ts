import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { linearHistory, type CommitSpec, type MemoryRepo } from './pages/memory-source';

export const SAMPLE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sample');

export interface SampleCommit extends CommitSpec {
  /** The folder the commit comes from. */
  folder: string;
  /** Files the commit adds or replaces, relative to the repository root. */
  changedPaths: string[];
}

interface CommitJson {
  message?: string;
  author?: { name: string; email: string; login?: string };
  date?: string;
}

/** Reads the snapshot folders of `dir` (see sample/README.md), oldest first. */
export function readSample(dir = SAMPLE_DIR): SampleCommit[] {
  const folders = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return folders.map((folder) => {
    const base = path.join(dir, folder);
    const metaPath = path.join(base, 'commit.json');
    const meta: CommitJson = fs.existsSync(metaPath) ? (JSON.parse(fs.readFileSync(metaPath, 'utf8')) as CommitJson) : {};
    const changedPaths = (fs.readdirSync(base, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((d) => d.isFile())
      .map((d) => path.relative(base, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
      .filter((p) => p !== 'commit.json')
      .sort();
    return {
      folder,
      message: meta.message ?? folder,
      ...(meta.author ? { author: meta.author } : {}),
      date: meta.date ?? new Date(0).toISOString(),
      changedPaths,
    };
  });
}

/** The sample as an in-memory repository `owner/name` with one branch, `main`. */
export function sampleMemoryRepo(owner: string, name: string, dir = SAMPLE_DIR): MemoryRepo {
  const commits = linearHistory(readSample(dir));
  return { owner, name, defaultBranch: 'main', commits, branches: { main: commits.at(-1)!.oid } };
}
