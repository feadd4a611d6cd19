import { describe, expect, it } from 'vitest';
import { parseCommitExperiment } from './commit-experiment';
import { parseCommitProgress } from './commit-progress';

const valid = {
  repo: { owner: 'acme', name: 'example.get-started_2' },
  baseBranch: 'main',
  fromSha: '0d46eb42e874eb1f681adda2aa772b6d1ea2bb97',
  target: { newBranch: 'main-0d46eb4' },
  plan: {
    files: [{ path: 'params.yaml', base64: 'bl9lc3Q6IDEwMAo=' }],
    replaced: [{ path: 'src/train.py', size: 104857600 }],
    params: [{ file: 'params.yaml', key: 'train.n_est', before: '50', after: '100' }],
    data: [
      {
        path: 'data/data.xml',
        dvcFile: 'data/data.xml.dvc',
        before: { md5: 'c1fa36d90caa8489a317eee917d8bf03' },
        after: { md5: 'a304afb96060aad90176268345e10355', size: 37891850 },
      },
    ],
  },
  message: 'Update params.yaml:train.n_est',
  description: '',
  pageLogin: 'octocat',
  runId: '0b7c1f4e-6d0a-4a57-9a59-3c2f7f8b2c11',
};

describe('parseCommitExperiment', () => {
  it('gives back exactly the fields of a valid request (a JSON round trip of what the Run form sends)', () => {
    expect(parseCommitExperiment(JSON.parse(JSON.stringify({ ...valid, extra: 1 })))).toEqual(valid);
    expect(parseCommitExperiment({ ...valid, target: 'base' })?.target).toBe('base');
  });

  const set = (path: string, value: unknown) => {
    const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
    const keys = path.split('.');
    let at = copy as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[keys.at(-1)!] = value;
    return copy;
  };
  it.each([
    ['repo.owner', 'ac/me'],
    ['repo.name', '..'],
    ['fromSha', 'HEAD'],
    ['fromSha', '0d46eb4'],
    ['target', 'main'],
    ['target', { newBranch: '' }],
    ['message', 'two\nlines'],
    ['message', '  '],
    ['description', null],
    ['pageLogin', ''],
    ['runId', 'run-1'],
    ['plan.files', [{ path: '../etc/passwd', base64: 'eA==' }]],
    ['plan.files', [{ path: '/abs', base64: 'eA==' }]],
    ['plan.files', [{ path: 'a', base64: 'not base64!' }]],
    ['plan.files', [{ path: 'a', base64: 'eA' }]],
    [
      'plan.files',
      [
        { path: 'a', base64: 'eA==' },
        { path: 'a', base64: 'eQ==' },
      ],
    ],
    ['plan.replaced', undefined],
    ['plan.replaced', [{ path: '../x', size: 1 }]],
    ['plan.replaced', [{ path: 'src/train.py', size: -1 }]],
    ['plan.replaced', [{ path: 'src/train.py', size: 1.5 }]],
    ['plan.replaced', [{ path: 'src/train.py', size: '1' }]],
    ['plan.replaced', [{ path: 'src/train.py' }]],
    ['plan.replaced', [{ path: 'params.yaml', size: 3 }]],
    [
      'plan.replaced',
      [
        { path: 'a', size: 1 },
        { path: 'a', size: 2 },
      ],
    ],
    ['plan.params', [{ file: 'params.yaml', key: 'k', before: 1, after: '2' }]],
    ['plan.data', [{ path: 'd', dvcFile: 'd.dvc', before: {}, after: { md5: 'xyz', size: 1 } }]],
    ['plan.data', [{ path: 'd', dvcFile: 'd.dvc', before: {}, after: { md5: 'a304afb96060aad90176268345e10355', size: -1 } }]],
    ['plan', null],
  ])('refuses %s = %j', (path, value) => expect(parseCommitExperiment(set(path, value))).toBeUndefined());
});

describe('parseCommitProgress', () => {
  it('accepts a step of a run and refuses anything else', () => {
    const message = { type: 'commit-progress', runId: valid.runId, progress: { step: 'commit', state: 'done', url: 'https://github.com/acme/x/commit/1' } };
    expect(parseCommitProgress(message)).toEqual(message);
    expect(parseCommitProgress({ ...message, progress: { step: 'push', state: 'done' } })).toBeUndefined();
    expect(parseCommitProgress({ ...message, runId: 'x' })).toBeUndefined();
    expect(parseCommitProgress({ type: 'token-status' })).toBeUndefined();
  });
});
