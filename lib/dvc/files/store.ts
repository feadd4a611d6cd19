import { parseDataFile } from './parse-data';
import { decodeText } from './text';
import type { DataValue, Problem, ReadFile } from '../types';

/** Python's default recursion limit, which is where DVC itself gives up on a nested file. */
const MAX_DEPTH = 1000;

/** Checked without recursion, so that a hostile file cannot exhaust the stack here. */
function nestedDeeperThan(value: DataValue, limit: number): boolean {
  const stack: [DataValue, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A file's parsed content, or why there is none: absent from git, or unusable (a problem says why). */
export type Loaded = { value: DataValue } | { absent: true } | { bad: true };

/**
 * The files of one commit, each read at most once. Every unusable file becomes one problem; a
 * rejected `read` is not caught (a network failure is not a property of the repository).
 */
export class FileStore {
  readonly problems: Problem[] = [];
  private readonly reported = new Set<string>();
  private readonly texts = new Map<string, Promise<string | null | undefined>>();
  private readonly parsed = new Map<string, Promise<Loaded>>();
  private readonly sorted: string[];
  private ignored: (path: string) => boolean = () => false;

  constructor(
    private readonly read: ReadFile,
    listed: readonly string[],
  ) {
    // Code-unit order, so that every path under `dir/` is one run after it.
    this.sorted = [...listed].sort();
  }

  problem(path: string, message: string): void {
    const id = `${path}\0${message}`;
    if (this.reported.has(id)) return;
    this.reported.add(id);
    this.problems.push({ path, message });
  }

  /**
   * Starts reading files that will be needed, so that reads overlap instead of queueing behind
   * each other; a failure surfaces where the file is awaited.
   */
  prefetch(paths: string[]): void {
    for (const path of paths) this.text(path).catch(() => undefined);
  }

  /**
   * Hides paths from the listing (what `.dvcignore` hides from DVC). Tested lazily, on the paths
   * a step looks for, so that a long `.dvcignore` over a large tree costs only what is used.
   */
  exclude(ignored: (path: string) => boolean): void {
    this.ignored = ignored;
  }

  /** Listed files that pass `test`, sorted, minus the hidden ones. */
  files(test: (path: string) => boolean): string[] {
    return this.sorted.filter((p) => test(p) && !this.ignored(p));
  }

  /** Listed files strictly inside `dir`, sorted. */
  filesUnder(dir: string): string[] {
    if (dir === '') return this.files(() => true);
    // Binary search for the first path after `dir/`: thousands of generated outputs stay cheap on a big tree.
    const prefix = `${dir}/`;
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const out: string[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      if (!this.ignored(this.sorted[i]!)) out.push(this.sorted[i]!);
    }
    return out;
  }

  /** The text, `null` when absent, `undefined` when unusable (reported). */
  text(path: string): Promise<string | null | undefined> {
    let pending = this.texts.get(path);
    if (!pending) {
      pending = this.read(path).then((content) => {
        if (content === null) return null;
        const decoded = decodeText(content);
        if ('text' in decoded) return decoded.text;
        this.problem(path, decoded.error);
        return undefined;
      });
      this.texts.set(path, pending);
    }
    return pending;
  }

  /** Parsed with DVC's loader for its extension. */
  data(path: string): Promise<Loaded> {
    let pending = this.parsed.get(path);
    if (!pending) {
      pending = this.text(path).then((text): Loaded => {
        if (text === null) return { absent: true };
        if (text === undefined) return { bad: true };
        const parsed = parseDataFile(path, text);
        if ('value' in parsed && nestedDeeperThan(parsed.value, MAX_DEPTH)) {
          this.problem(path, `nested deeper than ${MAX_DEPTH} levels`);
          return { bad: true };
        }
        if ('value' in parsed) return parsed;
        this.problem(path, `cannot be parsed: ${parsed.error}`);
        return { bad: true };
      });
      this.parsed.set(path, pending);
    }
    return pending;
  }
}
