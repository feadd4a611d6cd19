import { describe, expect, it } from 'vitest';
import { editParams, type ParamValue } from '..';
import { readPythonParams } from '../files/python-params';
import { jsonParams, tomlParams, yamlParams } from '../testing/params-helpers';

// Awkward values written into each format and read back by that format's readers: YAML by the
// yaml package in 1.2 mode (DVC) and in 1.1 mode (a stand-in for PyYAML); the spellings are
// written by hand from YAML 1.1's resolver and PyYAML's float representer.

interface Format {
  file: string;
  text: string;
  readers: ((text: string) => Map<string, unknown>)[];
}

const pythonParams = (text: string) => new Map(readPythonParams(text).map((l) => [l.key, l.value]));

const FORMATS: Format[] = [
  { file: 'params.yaml', text: "s: abc\nf: 0.5\ni: 1\nq: 'x'\n", readers: [(t) => yamlParams(t, '1.2'), (t) => yamlParams(t, '1.1')] },
  { file: 'params.json', text: '{"s": "abc", "f": 0.5, "i": 1}\n', readers: [jsonParams] },
  { file: 'params.toml', text: 's = "abc"\nf = 0.5\ni = 1\n', readers: [tomlParams] },
  { file: 'params.py', text: 's = "abc"\nf = 0.5\ni = 1\n', readers: [pythonParams] },
];

const STRINGS = [
  'yes',
  'no',
  'on',
  '1e3',
  'null',
  '~',
  '0x10',
  '2026-01-01',
  '1:20',
  '.inf',
  '=',
  '<<',
  '',
  'x'.repeat(10_000),
  'naïve – 日本語 🚀',
  ' leading space',
  'a: b',
  '# hash',
  '- dash',
  `it's "q"`,
  'tab\there',
  'line\nbreak\n',
  'back\\slash',
  '\u0085 nel \u2028 ls',
  'bell\x07',
];

/** Numbers compared exactly whether a reader gave a bigint or a number. */
function same(a: unknown, b: unknown): boolean {
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return typeof a === typeof b ? Object.is(a, b) : BigInt(a) === BigInt(b);
  }
  return a === b;
}

describe.each(FORMATS)('awkward values in $file', ({ file, text, readers }) => {
  const roundTrip = (key: string, value: ParamValue, expected: unknown = value) => {
    const out = editParams(text, file, [{ key, value }]);
    for (const read of readers) {
      const got = read(out).get(key);
      expect(same(got, expected), `${JSON.stringify(String(got))} read back from ${JSON.stringify(out.slice(0, 200))}`).toBe(true);
    }
    return out;
  };

  it.each(STRINGS.map((s) => [JSON.stringify(s).slice(0, 40), s]))('string %s', (_name, s) => {
    roundTrip('s', s);
  });
  it('-0.0 keeps its sign', () => {
    roundTrip('f', -0);
  });
  it.each([1e-7, 1e16, 0.1 + 0.2, 5e-324, 1.7976931348623157e308])('float %s', (x) => {
    roundTrip('f', x);
  });
  it('an int where a float stood is written as a float', () => {
    roundTrip('f', 3);
  });
  it('integers beyond 2^53 are kept exact as bigint, refused as (possibly rounded) numbers', () => {
    roundTrip('i', 9007199254740993n);
    roundTrip('i', -9007199254740993n);
    expect(() => editParams(text, file, [{ key: 'i', value: 2 ** 53 + 2 }])).toThrow(/beyond 2\^53/);
    // No double holds it: as a float it would be rounded, so it is not a float-kind value.
    expect(() => editParams(text, file, [{ key: 'f', value: 9007199254740993n }])).toThrow(/holds a float, not an integer/);
  });
  it('non-finite numbers are refused', () => {
    for (const x of [Infinity, -Infinity, NaN]) expect(() => editParams(text, file, [{ key: 'f', value: x }])).toThrow(/not a finite number/);
  });
  it('lone surrogates are refused', () => {
    expect(() => editParams(text, file, [{ key: 's', value: 'a\ud800b' }])).toThrow(/lone surrogate/);
  });
});

describe('YAML spellings, by hand', () => {
  const text = "s: abc\nf: 0.5\nq: 'x'\n";
  const spelled = (key: string, value: ParamValue) => {
    const out = editParams(text, 'params.yaml', [{ key, value }]);
    const line = out.split('\n').find((l) => l.startsWith(`${key}: `))!;
    return line.slice(key.length + 2);
  };
  it.each([
    ['yes', "'yes'"],
    ['1e3', "'1e3'"],
    ['null', "'null'"],
    ['~', "'~'"],
    ['0x10', "'0x10'"],
    ['2026-01-01', "'2026-01-01'"],
    ['=', "'='"],
    ['plain words', 'plain words'],
    ["it's", "it's"],
  ])('string %s is written %s', (value, expected) => {
    expect(spelled('s', value)).toBe(expected);
  });
  it.each([
    [1e-7, '1.0e-07'],
    [1e16, '1.0e+16'],
    [-0, '-0.0'],
    [1.5e-7, '1.5e-07'],
    [0.0001, '0.0001'],
    [1e15, '1000000000000000.0'],
    [123456789.125, '123456789.125'],
  ])('float %s is written %s', (value, expected) => {
    expect(spelled('f', value)).toBe(expected);
  });
  it('a 10,000-character string stays on its line', () => {
    expect(spelled('s', 'ab'.repeat(5000))).toBe('ab'.repeat(5000));
  });
});

describe('a UTF-8 byte order mark', () => {
  it.each([
    ['params.yaml', '\ufeffa: 1\n', '\ufeffa: 2\n'],
    ['params.json', '\ufeff{"a": 1}', '\ufeff{"a": 2}'],
    ['params.toml', '\ufeffa = 1\n', '\ufeffa = 2\n'],
    ['params.py', '\ufeffa = 1\n', '\ufeffa = 2\n'],
  ])('stays in front of %s, which is edited after it', (file, text, expected) => {
    expect(editParams(text, file, [{ key: 'a', value: 2 }])).toBe(expected);
  });
});

// The Python round trips above read back with our own reader; these spellings are the outside
// fact: written by hand from Python's literal rules, each checked with CPython 3's
// `ast.literal_eval(ast.parse(text).body[0].value) == value` (floats also by type and `str()`).
describe('Python spellings, by hand', () => {
  const text = 's = "abc"\nf = 0.5\ni = 1\n';
  const spelled = (key: string, value: ParamValue) => {
    const out = editParams(text, 'params.py', [{ key, value }]);
    return out
      .split('\n')
      .find((l) => l.startsWith(`${key} = `))!
      .slice(key.length + 3);
  };
  it.each([
    ['yes', '"yes"'],
    ['', '""'],
    ['naïve – 日本語 🚀', '"naïve – 日本語 🚀"'],
    [`it's "q"`, `"it's \\"q\\""`],
    ['tab\there', '"tab\\there"'],
    ['line\nbreak\n', '"line\\nbreak\\n"'],
    ['back\\slash', '"back\\\\slash"'],
    // Python's tokenizer ends lines at \n and \r only: NEL and LINE SEPARATOR may stand raw.
    ['\u0085 nel \u2028 ls', '"\u0085 nel \u2028 ls"'],
    ['bell\x07', '"bell\\x07"'],
  ])('string %j is written %s', (value, expected) => {
    expect(spelled('s', value)).toBe(expected);
  });
  it.each([
    [1e-7, '1e-07'],
    [1e16, '1e+16'],
    [-0, '-0.0'],
    [3, '3.0'],
    [5e-324, '5e-324'],
  ])('float %s is written %s (repr)', (value, expected) => {
    expect(spelled('f', value)).toBe(expected);
  });
  it('an int beyond 2^53 is written exact', () => {
    expect(spelled('i', 9007199254740993n)).toBe('9007199254740993');
  });
});
