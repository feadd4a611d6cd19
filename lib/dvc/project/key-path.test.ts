import { describe, expect, it } from 'vitest';
import { underAnyKey, underKey } from './key-path';

// dpath.search(config, key, separator="."): each segment an fnmatch pattern; a key selects the leaves below it.
describe('underKey', () => {
  it.each([
    ['train.lr', 'train', true],
    ['train.lr', 'train.lr', true],
    ['training.lr', 'train', false],
    ['train', 'train.lr', false],
    ['train.base_lr', 'train.*_lr', true],
    ['train.epochs', 'train.*_lr', false],
    ['eval.n1', 'eval.n?', true],
    ['eval.n22', 'eval.n?', false],
    ['m.a3', 'm.[a-c][0-9]', true],
    ['m.d3', 'm.[a-c][0-9]', false],
    ['m.x', 'm.[!y]', true],
    ['anything.deep.leaf', '*', true],
  ])('%s under %s: %s', (leaf, key, expected) => {
    expect(underKey(leaf, key)).toBe(expected);
  });

  it('a hostile pattern takes linear-ish time, not exponential', () => {
    expect(underKey(`k.${'a'.repeat(5000)}`, `k.${'*a'.repeat(100)}b`)).toBe(false);
  });
});

describe('underAnyKey', () => {
  it('selects leaves under any listed key, exact or glob', () => {
    const selected = underAnyKey(['train', 'eval.n', 'opt.*_lr']);
    expect(['train.lr', 'train.a.b', 'eval.n', 'eval.n2', 'eval.n.x', 'opt.base_lr', 'opt.mom', 'trainer'].filter(selected)).toEqual([
      'train.lr',
      'train.a.b',
      'eval.n',
      'eval.n.x',
      'opt.base_lr',
    ]);
  });
});
