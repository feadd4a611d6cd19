import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommitSpec } from './snapshots';
import { EXAMPLE_GET_STARTED } from './fixtures';

/**
 * The real iterative/example-get-started snapshots (tests/fixtures/dvc) as a snapshot
 * folder, in the order they happened upstream. Messages, authors and dates come from the
 * fixtures' README and `git show` dumps where they record them; the 2021 layout's date is only
 * known to the month (PR 16 followed the Studio commit of PR 15 on 2021-11-03).
 */
export const EXAMPLE_GET_STARTED_HISTORY: { name: string; from: string; spec: CommitSpec }[] = [
  { name: '1-legacy-2021', from: 'legacy-2021-pr16-82cb5d1', spec: { message: 'Example get-started, 2021 layout', date: '2021-11-10T00:00:00Z' } },
  {
    name: '2-studio-commit-pr46',
    from: 'studio-commit-pr46-a9d6176',
    spec: {
      message: 'Update params.yaml:train.n_est',
      author: 'Thomas Kunwar <yathomasi@gmail.com>',
      committer: 'iterative-studio[bot] <bots+studio@iterative.ai>',
      date: '2023-03-13T08:28:18Z',
      delete: ['scores.json'],
    },
  },
  {
    name: '3-baseline',
    from: 'baseline-0d46eb4',
    spec: { message: 'Create evaluation stage', date: '2023-08-26T10:00:00Z', delete: ['eval/live/metrics.json', 'eval/.gitignore'] },
  },
  { name: '4-main', from: 'main-06ea489', spec: { message: 'Evaluate bigrams model', date: '2023-08-26T12:00:00Z' } },
  {
    name: '5-random-forest',
    from: 'random-forest-bea12fe',
    spec: { message: 'Run experiments tuning random forest params', date: '2023-08-27T09:00:00Z', branch: 'tune-hyperparams' },
  },
];

export async function writeExampleGetStarted(dir: string): Promise<void> {
  for (const step of EXAMPLE_GET_STARTED_HISTORY) {
    const target = join(dir, step.name);
    await mkdir(target, { recursive: true });
    await cp(join(EXAMPLE_GET_STARTED, step.from), target, { recursive: true });
    await writeFile(join(target, 'commit.json'), JSON.stringify(step.spec, null, 2) + '\n');
  }
}
