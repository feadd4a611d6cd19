import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeGitHub, type SeedSpec } from './app';
import { ciOptionsFromFlags } from './ci/cli-options';
import { generateHistory } from './seed/generate';

/**
 * `npm run fake-github -- --port <n> --seed <owner>/<repo>=<folder> [--seed …]
 *                        [--generate <owner>/<repo>=<commits>] [--git <owner>/<repo>=<path>] [--root <dir>]
 *                        [--ci [--ci-results pr|commit] [--ci-timing <queuedMs>,<runMs>]]`
 *
 * Seeds every repository, prints the base URL as the first line of stdout (tests read it; with
 * `--port 0` the system picks a free port) and serves until SIGINT/SIGTERM.
 * `--generate` writes a generated DVC history (and its expected.json) under the root first.
 * `--git` serves an existing git repository (bare or not) as it is, every branch and tag.
 * `--ci` runs the Commit Lab workflow on pushes and new pull requests (ci/README.md).
 */
const USAGE =
  'usage: fake-github --port <n> --seed <owner>/<repo>=<folder> [--seed ...] [--generate <owner>/<repo>=<commits>] [--git <owner>/<repo>=<path>] [--root <dir>] [--ci [--ci-results pr|commit] [--ci-timing <queuedMs>,<runMs>]]';

function target(value: string): { owner: string; name: string; rest: string } {
  const m = /^([^/=]+)\/([^/=]+)=(.+)$/.exec(value);
  if (!m) throw new Error(`expected <owner>/<repo>=<value>, got '${value}'\n${USAGE}`);
  return { owner: m[1]!, name: m[2]!, rest: m[3]! };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string', multiple: true, default: [] },
      generate: { type: 'string', multiple: true, default: [] },
      git: { type: 'string', multiple: true, default: [] },
      root: { type: 'string' },
      ci: { type: 'boolean', default: false },
      'ci-results': { type: 'string' },
      'ci-timing': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const ci = ciOptionsFromFlags(values);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port '${values.port}'\n${USAGE}`);
  // A root we made is ours to remove; a --root the caller named is left for them to inspect.
  const root = values.root ? resolve(values.root) : await mkdtemp(join(tmpdir(), 'fake-github-'));
  const cleanup = () => (values.root ? Promise.resolve() : rm(root, { recursive: true, force: true }));
  const seeds: SeedSpec[] = values.seed.map((s) => {
    const t = target(s);
    return { owner: t.owner, name: t.name, folder: resolve(t.rest) };
  });
  for (const g of values.generate) {
    const t = target(g);
    const folder = join(root, 'generated', t.owner, t.name);
    const started = performance.now();
    const expected = await generateHistory(folder, Number(t.rest));
    console.error(
      `[fake-github] generated ${expected.commitCount} commits in ${Math.round(performance.now() - started)} ms: ${folder} (expected values: ${join(folder, 'expected.json')})`,
    );
    seeds.push({ owner: t.owner, name: t.name, folder });
  }
  const started = performance.now();
  const gitRepos = values.git.map((g) => {
    const t = target(g);
    return { owner: t.owner, name: t.name, path: resolve(t.rest) };
  });
  const fake = await startFakeGitHub({ port, root, seeds, gitRepos, ci }).catch(async (error: unknown) => {
    await cleanup();
    throw error;
  });
  console.log(fake.url);
  for (const [repo, seed] of fake.seeds) {
    console.error(`[fake-github] ${repo}: ${seed.commits.length} commits, branches ${Object.keys(seed.branches).join(', ')}`);
  }
  if (ci)
    console.error(
      `[fake-github] CI on: ${ci.results ?? 'pr'} results, ${typeof ci.timing === 'object' ? `queued ${ci.timing.queuedMs} ms, running ${ci.timing.runMs} ms` : 'instant'}`,
    );
  console.error(`[fake-github] seeded in ${Math.round(performance.now() - started)} ms; repositories under ${root}; GraphQL at ${fake.url}/api/graphql`);
  const stop = () => {
    void fake
      .close()
      .then(cleanup)
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
