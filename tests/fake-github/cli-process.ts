import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * The fake's command as `npm run fake-github` runs it (`tsx tests/fake-github/cli.ts …`), for tests:
 * resolves with the base URL it prints first; `stop()` ends its whole process group.
 */
export async function startCli(args: string[]): Promise<{ base: string; stop(): Promise<void> }> {
  const child = spawn('node_modules/.bin/tsx', ['tests/fake-github/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the tsx wrapper and its node child stop together
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fake-github exited ${code}: ${stderr}`)));
  });
  return {
    base,
    async stop() {
      if (!child.pid || child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}
