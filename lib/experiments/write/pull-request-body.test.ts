import { describe, expect, it } from 'vitest';
import { pullRequestBody } from './pull-request-body';

describe('pullRequestBody', () => {
  it('the description, then one table of params old → new and data files replaced', () => {
    const body = pullRequestBody('Try more trees.\n', {
      params: [
        { file: 'params.yaml', key: 'train.n_est', before: '50', after: '100' },
        { file: 'params.yaml', key: 'train.min_split', before: '0.01', after: '0.02' },
      ],
      data: [
        {
          path: 'data/data.xml',
          dvcFile: 'data/data.xml.dvc',
          before: { md5: 'c1fa36d90caa8489a317eee917d8bf03', size: 152077443 },
          after: { md5: 'a304afb96060aad90176268345e10355', size: 37891850 },
        },
      ],
      replaced: [],
    });
    expect(body).toBe(
      [
        'Try more trees.',
        '',
        '| Changed | Before | After |',
        '| --- | --- | --- |',
        '| `params.yaml:train.n_est` | `50` | `100` |',
        '| `params.yaml:train.min_split` | `0.01` | `0.02` |',
        '| `data/data.xml` | `c1fa36d90caa8489a317eee917d8bf03` (152077443 bytes) | `a304afb96060aad90176268345e10355` (37891850 bytes) |',
      ].join('\n'),
    );
  });

  it('shows repository text as code: pipes escaped, backticks fenced, no HTML', () => {
    const body = pullRequestBody('', { params: [{ file: 'p.yaml', key: 'a', before: 'x|y', after: '`<img src=x>`' }], data: [], replaced: [] });
    expect(body.split('\n')[2]).toBe('| `p.yaml:a` | `x\\|y` | `` `<img src=x>` `` |');
  });

  it('a file kept in git given new content: its path and new size', () => {
    const body = pullRequestBody('', { params: [], data: [], replaced: [{ path: 'src/train.py', size: 1666 }] });
    expect(body.split('\n')[2]).toBe('| `src/train.py` | — | new content (1666 bytes) |');
  });

  it('without changes to show, the description alone', () => {
    expect(pullRequestBody('Just a note', { params: [], data: [], replaced: [] })).toBe('Just a note');
  });
});
