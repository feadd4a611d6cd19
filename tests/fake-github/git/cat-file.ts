import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { isolatedEnv } from './run';
import type { ObjectType } from './objects';

export interface RawObject {
  oid: string;
  type: ObjectType;
  content: Buffer;
}

interface Pending {
  resolve(value: RawObject | null): void;
  reject(error: Error): void;
}

/**
 * One long-lived `git cat-file --batch` per repository: reading an object costs a line on a
 * pipe instead of a process, which keeps a 50-commit history page (hundreds of file lookups)
 * fast. Only immutable names should be asked here (`<oid>` or `<commit oid>:<path>`); refs are
 * resolved with a fresh `git rev-parse` so a branch moved by `update-ref` is never read stale.
 */
export class CatFile {
  private child: ChildProcessWithoutNullStreams | undefined;
  private buffer = Buffer.alloc(0);
  private readonly queue: Pending[] = [];

  constructor(private readonly gitDir: string) {}

  read(name: string): Promise<RawObject | null> {
    if (/[\n\r]/.test(name)) return Promise.resolve(null);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      child.stdin.write(`${name}\n`);
    });
  }

  close(): void {
    this.child?.stdin.end();
    this.child?.kill();
    this.child = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', [`--git-dir=${this.gitDir}`, 'cat-file', '--batch'], {
      env: isolatedEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    child.on('exit', () => {
      if (this.child === child) this.child = undefined;
      for (const p of this.queue.splice(0)) p.reject(new Error('git cat-file --batch exited'));
    });
    child.stdin.on('error', () => {});
    // Never keep the test runner or CLI alive just because a reader is idle.
    child.unref();
    (child.stdout as unknown as { unref?: () => void }).unref?.();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    (child.stderr as unknown as { unref?: () => void }).unref?.();
    this.child = child;
    return child;
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const eol = this.buffer.indexOf(0x0a);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.queue.shift()!.resolve(null);
        continue;
      }
      const [oid, type, sizeText] = header.split(' ');
      const size = Number(sizeText);
      if (this.buffer.length < eol + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size));
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.queue.shift()!.resolve({ oid: oid!, type: type as ObjectType, content });
    }
  }
}
