import { describe, expect, it } from 'vitest';
import { editParams } from '..';
import { yamlParams } from '../testing/params-helpers';

// Expected texts are written by hand from YAML 1.2 / PyYAML rules; each is also read back.
const edit = (text: string, ...edits: Parameters<typeof editParams>[2]) => editParams(text, 'params.yaml', edits);

describe('YAML params edits', () => {
  it('edits inside a flow mapping, quoting a string with flow indicators', () => {
    const text = 'train: {lr: 0.01, name: "resnet", epochs: 5}\n';
    expect(edit(text, { key: 'train.lr', value: 0.5 }, { key: 'train.name', value: 'a, b' })).toBe('train: {lr: 0.5, name: "a, b", epochs: 5}\n');
  });

  it('rewrites a block list whole, at its own indentation, keeping the comment before it', () => {
    const text = 'model:\n  layers:   # sizes\n    - 64\n    - 128\n  act: relu\n';
    const out = edit(text, { key: 'model.layers', value: [32, 64, 128] });
    expect(out).toBe('model:\n  layers:   # sizes\n    - 32\n    - 64\n    - 128\n  act: relu\n');
    expect(yamlParams(out).get('model.layers')).toEqual([32n, 64n, 128n]);
  });

  it('rewrites a block list written at the key indentation (as DVCLive and PyYAML write them)', () => {
    const text = 'test_regions:\n- REGION_1\n- REGION_2\nseed: 1\n';
    expect(edit(text, { key: 'test_regions', value: ['REGION_3'] })).toBe('test_regions:\n- REGION_3\nseed: 1\n');
  });

  it('keeps a flow list flow, and its numbers floats', () => {
    const text = 'betas: [0.9, 0.999]  # adam\n';
    expect(edit(text, { key: 'betas', value: [0.5, 1] })).toBe('betas: [0.5, 1.0]  # adam\n');
  });

  it('keeps a multi-line flow list one item per line', () => {
    const text = 'ids: [\n  1,\n  2,\n]\n';
    expect(edit(text, { key: 'ids', value: [3, 4, 5] })).toBe('ids: [\n  1,\n  2,\n]\n'.replace('1,\n  2', '3,\n  4,\n  5'));
  });

  it('keeps the quote style of list items that were quoted', () => {
    const text = "tags: ['a', 'b']\n";
    expect(edit(text, { key: 'tags', value: ['c', 'no'] })).toBe("tags: ['c', 'no']\n");
  });

  describe('anchors, aliases and merge keys', () => {
    const text = [
      'base: &base',
      '  lr: 0.1',
      '  epochs: 10',
      'train:',
      '  <<: *base',
      '  epochs: 20',
      'seed: &seed 42',
      'other_seed: *seed',
      'plain: 1',
      '',
    ].join('\n');

    it('refuses a key reached through a merge key', () => {
      expect(() => edit(text, { key: 'train.lr', value: 0.2 })).toThrow(/train\.lr.*merge key/);
    });
    it('refuses a key under an anchor, whose aliases would change too', () => {
      expect(() => edit(text, { key: 'base.lr', value: 0.2 })).toThrow(/anchor &base/);
      expect(() => edit(text, { key: 'seed', value: 7 })).toThrow(/anchor &seed/);
    });
    it('refuses a key reached through an alias', () => {
      expect(() => edit(text, { key: 'other_seed', value: 7 })).toThrow(/alias \*seed/);
    });
    it('edits a key that overrides the merge, and keys nowhere near anchors', () => {
      expect(edit(text, { key: 'train.epochs', value: 30 }, { key: 'plain', value: 2 })).toBe(
        text.replace('epochs: 20', 'epochs: 30').replace('plain: 1', 'plain: 2'),
      );
    });
  });

  describe('strings', () => {
    it('keeps single quotes, doubling a quote inside', () => {
      expect(edit("name: 'abc'\n", { key: 'name', value: "it's" })).toBe("name: 'it''s'\n");
    });
    it('keeps double quotes, escaping what must be escaped', () => {
      const out = edit('name: "a\\tb"  # note\n', { key: 'name', value: 'line1\nline2 "q"' });
      expect(out).toBe('name: "line1\\nline2 \\"q\\""  # note\n');
      expect(yamlParams(out, '1.1').get('name')).toBe('line1\nline2 "q"');
    });
    it('leaves a plain string plain when it is safe, and quotes it in the prevailing style when not', () => {
      const text = 'a: plain\nb: "x"\nc: "y"\nd: \'z\'\n';
      expect(edit(text, { key: 'a', value: 'still plain' })).toBe(text.replace('a: plain', 'a: still plain'));
      expect(edit(text, { key: 'a', value: 'on' })).toBe(text.replace('a: plain', 'a: "on"'));
    });
    it('replaces a plain scalar spread over several lines', () => {
      const text = 'desc: first\n  second\nnext: 1\n';
      expect(edit(text, { key: 'desc', value: 'one line' })).toBe('desc: one line\nnext: 1\n');
    });
    it('keeps a literal block scalar a literal block, at its indentation', () => {
      const text = 'cmd: |\n    python train.py\n    --fast\nnext: 1\n';
      const out = edit(text, { key: 'cmd', value: 'python eval.py\n' });
      expect(out).toBe('cmd: |\n    python eval.py\nnext: 1\n');
      const keep = edit(text, { key: 'cmd', value: 'a\nb' });
      expect(keep).toBe('cmd: |-\n    a\n    b\nnext: 1\n');
      expect(yamlParams(keep, '1.1').get('cmd')).toBe('a\nb');
    });
    it('keeps a folded block scalar for one line, and uses a literal block for several', () => {
      const text = 'desc: >\n  some long\n  text\nn: 1\n';
      expect(edit(text, { key: 'desc', value: 'short\n' })).toBe('desc: >\n  short\nn: 1\n');
      expect(edit(text, { key: 'desc', value: 'two\nlines\n' })).toBe('desc: |\n  two\n  lines\nn: 1\n');
    });
  });

  it('keeps the comment after a value, and everything else', () => {
    const text = '# top\nprepare:\n  split: 0.20  # test share\n\n  seed: 20170428\n';
    expect(edit(text, { key: 'prepare.seed', value: 1 })).toBe('# top\nprepare:\n  split: 0.20  # test share\n\n  seed: 1\n');
  });

  it('keeps CRLF line ends, also inside a rewritten block list', () => {
    const text = 'a: 1\r\nl:\r\n  - x\r\nb: 2\r\n';
    // `y` is a boolean to YAML 1.1 readers, so it is quoted.
    expect(edit(text, { key: 'a', value: 3 }, { key: 'l', value: ['y', 'z'] })).toBe("a: 3\r\nl:\r\n  - 'y'\r\n  - z\r\nb: 2\r\n");
  });

  it('adds no final newline where there was none', () => {
    expect(edit('a: 1', { key: 'a', value: 2 })).toBe('a: 2');
  });

  it('keeps the capitalisation of booleans', () => {
    expect(edit('flag: True\n', { key: 'flag', value: false })).toBe('flag: False\n');
  });

  it('changes a type only with retype, spelling the new type', () => {
    expect(() => edit('n: 5\n', { key: 'n', value: 'five' })).toThrow(/retype/);
    expect(edit('n: 5\n', { key: 'n', value: 'five', retype: true })).toBe('n: five\n');
    expect(edit('n: 5\n', { key: 'n', value: '5', retype: true })).toBe("n: '5'\n");
    expect(edit('n:\nm: 1\n', { key: 'n', value: 3, retype: true })).toBe('n: 3\nm: 1\n');
    expect(edit('n: 5\n', { key: 'n', value: [1, 'a'], retype: true })).toBe('n: [1, a]\n');
    expect(edit('n: 5\n', { key: 'n', value: { a: 'x: y', b: [0.5] }, retype: true })).toBe("n: {a: 'x: y', b: [0.5]}\n");
    expect(() => edit('n: 0.5\n', { key: 'n', value: [1] })).toThrow(/float.*retype/);
  });

  it('refuses keys that are missing, are groups, are ambiguous or repeat', () => {
    expect(() => edit('a:\n  b: 1\n', { key: 'a.c', value: 1 })).toThrow('params.yaml: cannot set a.c: there is no such param in this file');
    expect(() => edit('a:\n  b: 1\n', { key: 'a', value: 1 })).toThrow(/group of params/);
    expect(() => edit('"a.b": 1\na:\n  b: 2\n', { key: 'a.b', value: 3 })).toThrow(/more than one value/);
    expect(() => edit('a: 1\n', { key: 'a', value: 2 }, { key: 'a', value: 3 })).toThrow(/edited twice/);
  });

  it('refuses a file that is not valid YAML', () => {
    expect(() => edit('a: [1\nb: 2\n', { key: 'b', value: 3 })).toThrow(/params\.yaml: not valid YAML/);
  });
});
