import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateStage, trainStage } from '../ci/sample-stages';
import { git } from '../git/git-cli';
import { DEMO_CI_TIMING, startDemoWorld, type DemoWorld } from './demo-world';

const IRIS = new Uint8Array(await readFile(new URL('../ci/iris.csv', import.meta.url)));
const WATERMARK = /!\[\]\(https:\/\/cml\.dev\/watermark\.png#([0-9a-f]{40}) "CML watermark"\)/;

let world: DemoWorld | undefined;
afterEach(async () => {
  await world?.fake.close();
  world = undefined;
});

describe('the demo world', () => {
  it('has CI history on main and an open pull request, both trained for real, then paces CI for the tour', async () => {
    world = await startDemoWorld();
    const { fake, repo, trained, pullRequest } = world;
    const gitDir = repo.git.gitDir;
    const runs = fake.ci!.runs;
    expect(runs.map((r) => [r.event, r.branch, r.workflowRun.conclusion])).toEqual([
      ['push', 'main', 'success'],
      ['push', pullRequest.headRefName, 'success'],
    ]);

    // main: the experiment, then cml pr's squash of its results; the report on the commit, naming it.
    const [main] = runs;
    expect(git(gitDir, 'rev-parse', 'main^').trim()).toBe(trained);
    expect(git(gitDir, 'log', '-1', '--format=%s', 'main').trim()).toMatch(new RegExp(`^CML PR for ${trained.slice(0, 8)} \\[skip ci\\] \\(#\\d+\\)$`));
    expect(main!.report?.on).toBe('commit');
    expect(WATERMARK.exec(main!.report!.comment.body)?.[1]).toBe(trained);
    // The metrics CI committed are the model's on the committed params (max_depth 1: stumps).
    const expected = evaluateStage(trainStage(IRIS, { seed: 42, n_est: 200, max_depth: 1 }), IRIS).metrics;
    expect(JSON.parse(git(gitDir, 'show', 'main:metrics.json'))).toEqual(expected);

    // The pull request: open, its head the branch's tip (the experiment with its results folded on).
    expect(pullRequest.state).toBe('OPEN');
    expect(pullRequest.headRefOid).toBe(git(gitDir, 'rev-parse', `refs/heads/${pullRequest.headRefName}`).trim());
    expect(git(gitDir, 'show', `${pullRequest.headRefName}:params.yaml`)).toContain('n_est: 25');

    expect(fake.ci!.options.timing).toEqual(DEMO_CI_TIMING);
  });
});
