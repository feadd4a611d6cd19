import { describe, expect, it } from 'vitest';
import { editParams } from '..';
import { jsonParams } from '../testing/params-helpers';

const edit = (text: string, ...edits: Parameters<typeof editParams>[2]) => editParams(text, 'params.json', edits);

describe('JSON params edits', () => {
  it('edits nested objects at any indentation', () => {
    const text = '{\n    "train": {\n\t"opt": {"lr": 0.01, "name": "adam"},\n\t"epochs": 10\n    }\n}\n';
    const out = edit(text, { key: 'train.opt.lr', value: 1e-7 }, { key: 'train.epochs', value: 12 });
    expect(out).toBe(text.replace('0.01', '1e-07').replace('10\n', '12\n'));
    expect(jsonParams(out).get('train.opt.lr')).toBe(1e-7);
  });

  it('keeps a minified file minified', () => {
    const text = '{"a":{"b":1,"c":[1,2],"d":"x"}}';
    expect(edit(text, { key: 'a.c', value: [1, 2, 3] }, { key: 'a.d', value: 'say "hi"' })).toBe('{"a":{"b":1,"c":[1,2,3],"d":"say \\"hi\\""}}');
    expect(edit(text, { key: 'a.b', value: { x: [1] }, retype: true })).toBe('{"a":{"b":{"x":[1]},"c":[1,2],"d":"x"}}');
  });

  it('keeps a multi-line array multi-line', () => {
    const text = '{\n  "l": [\n    0.5,\n    1.5\n  ]\n}\n';
    expect(edit(text, { key: 'l', value: [1, 2, 3] })).toBe('{\n  "l": [\n    1.0,\n    2.0,\n    3.0\n  ]\n}\n');
  });

  it('keeps number kinds and unicode as written', () => {
    const text = '{"f": 1.5, "i": 2, "s": "a"}';
    expect(edit(text, { key: 'f', value: 3 }, { key: 'i', value: 3 }, { key: 's', value: 'naïve 🚀' })).toBe('{"f": 3.0, "i": 3, "s": "naïve 🚀"}');
  });

  it('edits the last of repeated keys, the one Python reads', () => {
    expect(edit('{"a": 1, "a": 2}', { key: 'a', value: 3 })).toBe('{"a": 1, "a": 3}');
  });

  it('refuses files that are not JSON and keys that are not there', () => {
    expect(() => edit('{"a": 1, // c\n}', { key: 'a', value: 2 })).toThrow(/params\.json: not valid JSON/);
    expect(() => edit('{"a": {"b": 1}}', { key: 'a.c', value: 2 })).toThrow(/no such param/);
  });
});
