import { describe, expect, it } from 'vitest';
import { readProject } from '..';
import { memoryRepo } from '../testing/memory-repo';

// Broken and hostile files: each one gives a problem for that file, never a throw or a hang, and
// never hides what the other files give.

const GOOD = { 'other.json': '{"ok": 1}', 'dvc.yaml': 'params:\n- other.json\n' };

async function withParams(content: string | Uint8Array) {
  const repo = memoryRepo({ ...GOOD, 'params.yaml': content });
  return readProject(repo.read, repo.paths);
}

function billionLaughs(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

describe('hostile params files', () => {
  it.each([
    ['an alias bomb', billionLaughs(), /alias/i],
    ['a 5 MB file', 'k: v\n'.repeat(1_000_000), /1 MiB/],
    ['a 5 MB file given as bytes', new TextEncoder().encode('k: v\n'.repeat(1_000_000)), /1 MiB/],
    ['binary content', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary/],
    ['invalid UTF-8', new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), /UTF-8/],
    ['duplicate keys', 'lr: 1\nlr: 2\n', /^cannot be parsed: duplicate key 'lr' \(line 2\)$/],
    ['duplicate nested keys', 'a:\n  x: 1\nb:\n  y: 1\n  y: 2\n', /duplicate key 'y' \(line 5\)/],
    ['tab indentation', 'train:\n\tlr: 1\n', /tab/i],
    ['two YAML documents', 'a: 1\n---\nb: 2\n', /document/i],
    ['nesting deeper than Python would load', `${'['.repeat(5000)}${']'.repeat(5000)}`, /nested|depth/i],
  ])('%s is a problem of params.yaml', async (_name, content, message) => {
    const project = await withParams(content);
    expect(project.problems).toEqual([{ path: 'params.yaml', message: expect.stringMatching(message) }]);
    expect(project.params).toEqual([{ file: 'other.json', key: 'ok', value: 1 }]);
  });

  it('a params.yaml just under 1 MiB with 75 000 distinct keys is read whole (duplicate check in one pass)', async () => {
    const text = Array.from({ length: 75_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const project = await withParams(text);
    expect(project.problems).toEqual([]);
    expect(project.params.filter((p) => p.file === 'params.yaml')).toHaveLength(75_000);
    expect(project.params.at(-1)).toEqual({ file: 'params.yaml', key: 'k74999', value: 74999 });
  });

  it('one group of 70 000 leaves, as params and as metrics, is read whole', async () => {
    const group = `{"g": {${Array.from({ length: 70_000 }, (_, i) => `"a${i}":${i}`).join(',')}}}`;
    const repo = memoryRepo({ 'dvc.yaml': 'metrics: [m.json]\nstages:\n  s:\n    cmd: x\n    params:\n    - p.json: [g]\n', 'p.json': group, 'm.json': group });
    const project = await readProject(repo.read, repo.paths);
    expect(project.problems).toEqual([]);
    expect(project.params).toHaveLength(70_000);
    expect(project.metrics).toHaveLength(70_000);
    expect(project.metrics.at(-1)).toEqual({ file: 'm.json', key: 'g.a69999', value: 69999 });
  });

  it('a JSON mapping nested 100 000 deep is refused, not recursed into', async () => {
    const repo = memoryRepo({ 'dvc.yaml': 'params:\n- deep.json\n', 'deep.json': `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}` });
    const project = await readProject(repo.read, repo.paths);
    expect(project.problems).toEqual([{ path: 'deep.json', message: expect.stringMatching(/nested/) }]);
  });

  it('a UTF-8 BOM is ignored, as text and as bytes', async () => {
    for (const content of ['\uFEFFlr: 1\n', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('lr: 1\n')])]) {
      const project = await withParams(content);
      expect(project.problems).toEqual([]);
      expect(project.params).toContainEqual({ file: 'params.yaml', key: 'lr', value: 1 });
    }
  });

  it('a syntax error names its line', async () => {
    const repo = memoryRepo({ 'dvc.yaml': 'stages:\n  s:\n    cmd: x\n    params:\n    - p.toml:\n', 'p.toml': 'a = 1\nb = \n' });
    const project = await readProject(repo.read, repo.paths);
    expect(project.problems).toEqual([{ path: 'p.toml', message: expect.stringMatching(/\(line 2\)$/) }]);
  });

  it('a params file whose top level is not a mapping is a problem', async () => {
    const project = await withParams('- a\n- b\n');
    expect(project.problems).toEqual([{ path: 'params.yaml', message: expect.stringMatching(/mapping/) }]);
  });
});

describe('hostile dvc.yaml files (DVC refuses the whole file)', () => {
  const STAGE = 'stages:\n  ok:\n    cmd: x\n';

  async function withPipeline(content: string) {
    const repo = memoryRepo({
      'dvc.yaml': content,
      'params.yaml': 'lr: 1\n',
      'good/dvc.yaml': 'stages:\n  fine:\n    cmd: y\n    outs: [model.bin]\n',
    });
    return readProject(repo.read, repo.paths);
  }

  it.each([
    ['an unknown top-level key', `${STAGE}stagez: {}\n`, /extra keys not allowed.*'stagez'/],
    ['an unknown stage key', 'stages:\n  s:\n    cmd: x\n    outputs: [a]\n', /extra keys not allowed at stages\.s: 'outputs'/],
    ['a stage without cmd', 'stages:\n  s:\n    outs: [a]\n', /cmd/],
    ['a foreach over a missing variable', 'stages:\n  s:\n    foreach: ${nope}\n    do:\n      cmd: x\n', /could not find 'nope'/],
    ['an interpolation of a missing key', 'stages:\n  s:\n    cmd: run ${train.lr}\n', /could not find 'train.lr'/],
    ['deeply nested ${}', `stages:\n  s:\n    cmd: "${'${'.repeat(50_000)}x${'}'.repeat(50_000)}"\n`, /invalid interpolation/],
    [
      'a mapping interpolated into an output path (only cmd may unpack one)',
      'vars:\n- cfg: {a: 1}\nstages:\n  s:\n    cmd: x\n    outs:\n    - out-${cfg}\n',
      /dict/,
    ],
    [
      'a matrix of 10^10 stages',
      `stages:\n  s:\n    matrix:\n${Array.from({ length: 10 }, (_, i) => `      d${i}: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]`).join('\n')}\n    cmd: x\n`,
      /more than/,
    ],
    ['an output path leaving the repository', 'stages:\n  s:\n    cmd: x\n    outs: [../../etc/passwd]\n', /outside the repository/],
    ['duplicate stage names', 'stages:\n  s:\n    cmd: x\n  s:\n    cmd: y\n', /unique|duplicate/i],
    ['an alias bomb', billionLaughs(), /alias/i],
  ])('%s is a problem of that dvc.yaml; other dvc.yaml files still count', async (_name, content, message) => {
    const project = await withPipeline(content);
    expect(project.problems).toEqual([{ path: 'dvc.yaml', message: expect.stringMatching(message) }]);
    expect(project.stages).toEqual(['good/dvc.yaml:fine']);
    expect(project.inputs.map((i) => i.path)).toEqual(['good/model.bin']);
    expect(project.params).toEqual([{ file: 'params.yaml', key: 'lr', value: 1 }]);
  });

  it('a foreach over 10 000 items of a large body is refused, not ground through', async () => {
    const outs = Array.from({ length: 300 }, (_, i) => `      - out/\${item}/${i}.bin`).join('\n');
    const project = await withPipeline(
      `stages:\n  s:\n    foreach: \${range}\n    do:\n      cmd: x\n      outs:\n${outs}\n`.replace(
        '${range}',
        `[${Array.from({ length: 10_000 }, (_, i) => i).join(', ')}]`,
      ),
    );
    expect(project.problems).toEqual([{ path: 'dvc.yaml', message: expect.stringMatching(/more than .* values/) }]);
    expect(project.stages).toEqual(['good/dvc.yaml:fine']);
  });

  it('a large mapping unpacked into the cmd of thousands of stages is refused', async () => {
    const repo = memoryRepo({
      'params.yaml': `big:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: ${i}`).join('\n')}\nn: [${Array.from({ length: 5_000 }, (_, i) => i).join(', ')}]\n`,
      'dvc.yaml': 'stages:\n  s:\n    foreach: ${n}\n    do:\n      cmd: run ${big}\n',
    });
    const project = await readProject(repo.read, repo.paths);
    expect(project.problems).toEqual([{ path: 'dvc.yaml', message: expect.stringMatching(/more than .* values/) }]);
  });

  it('5 000 generated stages over a params.yaml of 40 000 keys resolve (the context is not copied per stage)', async () => {
    const repo = memoryRepo({
      'params.yaml': `${Array.from({ length: 40_000 }, (_, i) => `p${i}: ${i}`).join('\n')}\nn: [${Array.from({ length: 5_000 }, (_, i) => i).join(', ')}]\n`,
      'dvc.yaml': 'stages:\n  s:\n    foreach: ${n}\n    do:\n      cmd: run ${item} ${p39999}\n      outs:\n      - out/${item}.bin\n',
    });
    const project = await readProject(repo.read, repo.paths);
    expect(project.problems).toEqual([]);
    expect(project.stages).toHaveLength(5_000);
    expect(project.inputs.at(-1)?.path).toBe('out/4999.bin');
  });

  it('a malformed dvc.lock and a malformed .dvc file are problems; their pipeline still counts', async () => {
    const repo = memoryRepo({
      'dvc.yaml': 'stages:\n  s:\n    cmd: x\n    outs: [a.bin]\n',
      'dvc.lock': "schema: '2.0'\nstages: [1, 2]\n",
      'data.dvc': 'outs: nope\n',
    });
    const project = await readProject(repo.read, repo.paths);
    expect(project.problems.map((p) => p.path)).toEqual(['data.dvc', 'dvc.lock']);
    expect(project.inputs).toEqual([{ path: 'a.bin', hidden: true, dvcFile: 'dvc.lock', hashGeneration: '3' }]);
  });
});
