import { describe, expect, it } from 'vitest';
import { editParams } from '..';
import { tomlParams } from '../testing/params-helpers';

const edit = (text: string, ...edits: Parameters<typeof editParams>[2]) => editParams(text, 'params.toml', edits);

describe('TOML params edits', () => {
  it('edits dotted keys at the top and inside a table', () => {
    const text = 'model.lr = 0.1\n\n[train]\nopt.name = "adam"  # optimiser\nopt.eps = 1e-8\n';
    const out = edit(text, { key: 'model.lr', value: 0.2 }, { key: 'train.opt.name', value: 'sgd' }, { key: 'train.opt.eps', value: 1e-7 });
    expect(out).toBe('model.lr = 0.2\n\n[train]\nopt.name = "sgd"  # optimiser\nopt.eps = 1e-07\n');
    expect(tomlParams(out).get('train.opt.eps')).toBe(1e-7);
  });

  it('edits values inside inline tables', () => {
    const text = '[train]\nopt = { name = "adam", betas = [0.9, 0.99] }\n';
    expect(edit(text, { key: 'train.opt.betas', value: [0.8, 1] }, { key: 'train.opt.name', value: 'sgd' })).toBe(
      '[train]\nopt = { name = "sgd", betas = [0.8, 1.0] }\n',
    );
  });

  it('rewrites a multi-line array one item per line, keeping its trailing comma', () => {
    const text = 'layers = [\n    64,\n    128,\n]\nn = 1\n';
    expect(edit(text, { key: 'layers', value: [32, 64, 128] })).toBe('layers = [\n    32,\n    64,\n    128,\n]\nn = 1\n');
  });

  it('drops comments between array items it rewrites, keeping the layout', () => {
    const text = 'layers = [\n  64,  # first\n  128,\n]  # after\n';
    expect(edit(text, { key: 'layers', value: [1, 2] })).toBe('layers = [\n  1,\n  2,\n]  # after\n');
  });

  it('keeps comments after values and around them', () => {
    const text = '[clustering]\n# K-means parameters\nn_clusters = 3  # k\nmax_iter = 300\n';
    expect(edit(text, { key: 'clustering.n_clusters', value: 4 })).toBe(text.replace('= 3  #', '= 4  #'));
  });

  it('keeps literal strings literal while they can be, and multi-line strings multi-line', () => {
    const text = 'path = \'C:\\data\'\nnote = """\nfirst\nsecond"""\n';
    expect(edit(text, { key: 'path', value: 'D:\\x' })).toBe(text.replace("'C:\\data'", "'D:\\x'"));
    expect(edit(text, { key: 'path', value: "it's" })).toBe(text.replace("'C:\\data'", '"it\'s"'));
    const out = edit(text, { key: 'note', value: 'one\ntwo "q"' });
    expect(out).toBe('path = \'C:\\data\'\nnote = """\none\ntwo \\"q\\""""\n');
    expect(tomlParams(out).get('note')).toBe('one\ntwo "q"');
  });

  it('writes floats with a point or an exponent, and keeps ints ints', () => {
    const text = 'lr = 0.5\nn = 3\n';
    expect(edit(text, { key: 'lr', value: 2 }, { key: 'n', value: 4 })).toBe('lr = 2.0\nn = 4\n');
    expect(edit(text, { key: 'lr', value: 1e16 })).toBe('lr = 1e+16\nn = 3\n');
    expect(() => edit(text, { key: 'n', value: 4.5 })).toThrow(/retype/);
  });

  it('refuses what TOML cannot hold', () => {
    const text = 'n = 3\nl = [1]\n';
    expect(() => edit(text, { key: 'n', value: null, retype: true })).toThrow(/TOML has no null/);
    expect(() => edit(text, { key: 'l', value: [1, null] })).toThrow(/TOML has no null/);
    expect(() => edit(text, { key: 'n', value: 2n ** 63n })).toThrow(/64-bit/);
    expect(() => edit(text, { key: 'n', value: Infinity })).toThrow(/not a finite number/);
  });

  it('writes a mapping as a one-line inline table when retyping', () => {
    expect(edit('opt = "adam"\n', { key: 'opt', value: { name: 'sgd', 'lr rate': 0.1 }, retype: true })).toBe('opt = { name = "sgd", "lr rate" = 0.1 }\n');
  });

  it('refuses an array of tables as one value', () => {
    const text = '[[runs]]\nseed = 1\n[[runs]]\nseed = 2\n';
    expect(() => edit(text, { key: 'runs', value: [] })).toThrow(/array of tables/);
  });

  it('keeps CRLF and a missing final newline', () => {
    expect(edit('a = 1\r\nb = "x"', { key: 'b', value: 'y' })).toBe('a = 1\r\nb = "y"');
  });
});

describe('TOML values nested in a multi-line string position', () => {
  it('writes strings inside lists and inline tables on one line', () => {
    const text = 'note = """\nfirst"""\n';
    expect(editParams(text, 'params.toml', [{ key: 'note', value: { a: 'x\ny' }, retype: true }])).toBe('note = { a = "x\\ny" }\n');
  });
});
