import { describe, expect, it } from 'vitest';
import { editParams, type ParamValue } from '..';
import { FIXTURES } from '../testing/fixture-files';
import {
  diffHunks,
  fixtureFiles,
  jsonParams,
  jsonRange,
  onlyRangeChanged,
  read,
  tomlParams,
  tomlRange,
  yamlParams,
  yamlRange,
  type Range,
} from '../testing/params-helpers';

// Every leaf of every real params file in the fixtures is edited in turn; the file must then read
// back with exactly that value changed, and every byte outside its source range unchanged.

const YAML_PARAMS = fixtureFiles((p) => /(^|\/)params\.ya?ml$/.test(p));
const TOML_PARAMS = fixtureFiles((p) => p.endsWith('.toml'));
// No real JSON params file exists in the fixtures; their JSON metrics files are real JSON documents.
const JSON_FILES = fixtureFiles((p) => p.endsWith('.json'));

/** Numbers compared by value whether parsed as bigint or number. */
function norm(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(norm);
  return v;
}

const FLOATS = [1e-7, 1e16, 0.5];
const STRINGS = ['yes', '2026-01-01', '1e3'];

/** A new value of the same kind as `old`, cycling through awkward ones. */
function newValue(old: unknown, i: number): ParamValue {
  if (typeof old === 'bigint') return Number(old) + 7;
  if (typeof old === 'number') return FLOATS[i % FLOATS.length] === old ? 0.25 : FLOATS[i % FLOATS.length]!;
  if (typeof old === 'string') return i % 4 === 3 ? `${old} edited` : STRINGS[i % STRINGS.length]!;
  if (typeof old === 'boolean') return !old;
  if (Array.isArray(old)) return [...(old as ParamValue[]).map((v) => norm(v) as ParamValue), norm(old[0]) as ParamValue];
  throw new Error(`no new value for ${String(old)}`);
}

interface Format {
  files: string[];
  readers: ((text: string) => Map<string, unknown>)[];
  range: (text: string, key: string) => Range;
}

const FORMATS: Record<string, Format> = {
  YAML: { files: YAML_PARAMS, readers: [(t) => yamlParams(t, '1.2'), (t) => yamlParams(t, '1.1')], range: yamlRange },
  TOML: { files: TOML_PARAMS, readers: [tomlParams], range: tomlRange },
  JSON: { files: JSON_FILES, readers: [jsonParams], range: jsonRange },
};

describe.each(Object.entries(FORMATS))('every leaf of every real %s file', (_name, format) => {
  it('has real files to edit', () => {
    expect(format.files.length).toBeGreaterThan(0);
  });
  for (const path of format.files) {
    const text = read(path);
    const before = format.readers.map((r) => r(text));
    const keys = [...before[0]!.keys()];
    it.each(keys.map((k, i) => [k, i] as const))(`${path.slice(FIXTURES_PREFIX)}: %s`, (key, i) => {
      const value = newValue(before[0]!.get(key), i);
      const after = editParams(text, path, [{ key, value }]);
      expect(onlyRangeChanged(text, after, format.range(text, key))).toBe(true);
      for (const [r, reader] of format.readers.entries()) {
        const expected = new Map(before[r]!);
        expected.set(key, value);
        expect(new Map([...reader(after)].map(([k, v]) => [k, norm(v)]))).toEqual(new Map([...expected].map(([k, v]) => [k, norm(v)])));
      }
    });
  }
});

const FIXTURES_PREFIX = FIXTURES.length + 1;

describe('floats are spelled as Python writes them', () => {
  const text = read(YAML_PARAMS.find((p) => p.includes('example-get-started/main-06ea489'))!);
  it.each([
    [1e-7, '1.0e-07'],
    [1e16, '1.0e+16'],
    [0.5, '0.5'],
    [1, '1.0'],
  ])('YAML %s → %s', (value, spelled) => {
    expect(editParams(text, 'params.yaml', [{ key: 'prepare.split', value }])).toBe(text.replace('split: 0.20', `split: ${spelled}`));
  });
  const toml = read(TOML_PARAMS[0]!);
  it('TOML floats carry a point or an exponent; ints stay ints', () => {
    const out = editParams(toml, 'params.toml', [
      { key: 'clustering.n_init', value: 10 },
      { key: 'visualization.figure_width', value: 13 },
    ]);
    expect(out).toBe(toml.replace('n_init = 12', 'n_init = 10').replace('figure_width = 12', 'figure_width = 13'));
  });
});

// Studio's own commits: the same edits, applied to the file before the commit, must give the
// file after it. Studio also rewrote lines whose values did not change (a stray CRLF, the
// indentation of a list: 7de668e); we leave those bytes alone.
describe('Studio commits replayed', () => {
  const commits = fixtureFiles((p) => p.includes('commits/') && p.endsWith('.txt'))
    .map((path) => ({ path, hunks: diffHunks(read(path), 'params.yaml') }))
    .filter((c) => c.hunks.length > 0);

  it('finds the Studio params commits in the fixtures', () => {
    expect(commits.length).toBeGreaterThanOrEqual(9);
  });

  it.each(commits.map((c) => [c.path.slice(FIXTURES_PREFIX), c] as const))('%s', (_name, { hunks }) => {
    for (const { before, after } of hunks) {
      const old = yamlParams(before);
      const now = yamlParams(after);
      const edits = [...now]
        .filter(([k, v]) => JSON.stringify(norm(old.get(k))) !== JSON.stringify(norm(v)))
        .map(([key, v]) => ({ key, value: norm(v) as ParamValue }));
      expect(edits.length).toBeGreaterThan(0);
      const beforeLines = before.split('\n');
      const afterLines = after.split('\n');
      expect(afterLines.length).toBe(beforeLines.length);
      const expected = beforeLines
        .map((b, i) => {
          const a = afterLines[i]!;
          const editsThisLine = edits.some((e) => a.trimStart().startsWith(`${e.key.split('.').pop()}:`));
          if (!editsThisLine || a === b) return b;
          return a.endsWith('\r') || !b.endsWith('\r') ? a : `${a}\r`;
        })
        .join('\n');
      expect(editParams(before, 'params.yaml', edits)).toBe(expected);
      if (!before.includes('\r') && !/test_regions/.test(before)) expect(expected).toBe(after);
    }
  });
});
