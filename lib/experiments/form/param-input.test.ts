import { describe, expect, it } from 'vitest';
import { editorKind, inputText, parseInput } from './param-input';

// Expectations from how Python and YAML 1.2 read numbers (DVC's loaders), not from our output.
describe('the typed editors', () => {
  it('picks the editor from the value at the commit', () => {
    expect([50, 0.2, true, 'x', [1], null, { a: 1 }].map(editorKind)).toEqual(['integer', 'number', 'boolean', 'string', 'list', 'null', 'mapping']);
  });

  it('keeps a string exactly as typed, whatever YAML would make of it', () => {
    for (const text of ['yes', '1e3', 'null', '0x10', '', ' padded ', 'ünï 🙂', 'x'.repeat(500)])
      expect(parseInput('string', text)).toEqual({ ok: true, value: text });
  });

  it('reads integers in decimal only, exactly beyond 2^53, and refuses the rest', () => {
    expect(parseInput('integer', ' 42 ')).toEqual({ ok: true, value: 42 });
    expect(parseInput('integer', '-7')).toEqual({ ok: true, value: -7 });
    expect(parseInput('integer', '9007199254740993')).toEqual({ ok: true, value: 9007199254740993n });
    for (const bad of ['1.5', '1e3', '0x10', '', 'ten', '1_000']) expect(parseInput('integer', bad).ok).toBe(false);
  });

  it('reads decimal numbers with exponents, refuses hex, words and infinities', () => {
    expect(parseInput('number', '1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(parseInput('number', '.5')).toEqual({ ok: true, value: 0.5 });
    for (const bad of ['0x10', 'nan', 'inf', '1e999', '', '1,5']) expect(parseInput('number', bad).ok).toBe(false);
  });

  it('reads lists and mappings as JSON, booleans as true/false, a null param as null or a retyped value', () => {
    expect(parseInput('list', '[1, "a", null]')).toEqual({ ok: true, value: [1, 'a', null] });
    expect(parseInput('list', '{"a": 1}').ok).toBe(false);
    expect(parseInput('mapping', '[1]').ok).toBe(false);
    expect(parseInput('boolean', 'false')).toEqual({ ok: true, value: false });
    expect(parseInput('null', '')).toEqual({ ok: true, value: null });
    expect(parseInput('null', '3')).toEqual({ ok: true, value: 3, retype: true });
    expect(parseInput('null', 'adam')).toEqual({ ok: true, value: 'adam', retype: true });
  });

  it('starts each editor from the commit’s value', () => {
    expect(inputText('string', 'yes')).toBe('yes');
    expect(inputText('number', 0.2)).toBe('0.2');
    expect(inputText('list', [64, 32])).toBe('[64,32]');
    expect(inputText('null', null)).toBe('');
  });
});
