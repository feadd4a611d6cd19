import { describe, expect, it } from 'vitest';
import { importMd5, rewriteOut } from '..';
import { fixtureText } from '../testing/fixture-files';
import { lineDiff } from '../testing/line-diff';

const NEW = 'e5ebd4c02cefbe7955977c67ada242b7';
const NEW_DIR = '20f06a08981af8e5e1f585ca5b9b69ad.dir';
const GS = 'iterative__example-get-started';
/** The dvc.yaml of the fixture snapshot a lock comes from. */
const beside = (snapshot: string) => ({ dvcYaml: fixtureText(`${snapshot}/dvc.yaml`) });

// Expected import md5s after the rewrite: Python's json.dumps(sort_keys=True) of the stage dict
// (DVC's compute_md5) with the new out md5, md5sum'd — computed outside this code.
describe('rewriteOut on import .dvc files (frozen, rev_lock): entry hash fields and the stage md5 change, nothing else', () => {
  it.each([
    [
      `${GS}/main-06ea489/data/data.xml.dvc`,
      'f5ea021eddd7b1df6de80b904cba1da6',
      '22a1a2931c8370d3aeedd7183606fd7f',
      '14445097',
      '66857de75a5cf85db44f66398ae8dc64',
    ],
    [
      `${GS}/legacy-2021-pr16-82cb5d1/data/data.xml.dvc`,
      'a7cd139231cc35ed63541ce3829b96db',
      'a304afb96060aad90176268345e10355',
      '37891850',
      '638b1a6494ae0bd7ff38e067808c0f45',
    ],
    [
      `${GS}/studio-commit-pr46-a9d6176/data/data.xml.dvc`,
      '22466731a568fe3bce1ce30913573880',
      '22a1a2931c8370d3aeedd7183606fd7f',
      '14445097',
      'c536308c2615f83e6e97cd43d27add39',
    ],
  ])('%s', (path, oldStage, oldMd5, oldSize, newStage) => {
    const before = fixtureText(path);
    const after = rewriteOut(before, 'data/data.xml.dvc', 'data/data.xml', { md5: NEW, size: 8 });
    expect(lineDiff(before, after)).toEqual({
      removed: [`md5: ${oldStage}`, `- md5: ${oldMd5}`, `  size: ${oldSize}`],
      added: [`md5: ${newStage}`, `- md5: ${NEW}`, '  size: 8'],
    });
    expect(importMd5(after)).toBe(newStage);
    // The generation is kept: `hash: md5` stays where it was, and stays absent where it was.
    expect(after.includes('  hash: md5\n')).toBe(before.includes('  hash: md5\n'));
  });
});

describe('rewriteOut on add-style .dvc files', () => {
  it('3.x file (dvc add, example-get-started b1a30e6 data/data.xml.dvc)', () => {
    const before = 'outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  size: 14445097\n  hash: md5\n  path: data.xml\n';
    expect(rewriteOut(before, 'data/data.xml.dvc', 'data/data.xml', { md5: NEW, size: 8 })).toBe(
      `outs:\n- md5: ${NEW}\n  size: 8\n  hash: md5\n  path: data.xml\n`,
    );
  });

  it('2.x directory (vscode-dvc-demo data.dvc): md5, size and nfiles change, stays 2.x', () => {
    const before = fixtureText('iterative__vscode-dvc-demo/head-f62608c/data.dvc');
    const after = rewriteOut(before, 'data.dvc', 'data', { md5: NEW_DIR, size: 123, nfiles: 9 });
    expect(after).toBe(`outs:\n- md5: ${NEW_DIR}\n  size: 123\n  nfiles: 9\n  path: data\n`);
  });

  it('2.x file whose size Studio dropped (d43fbfc): size is put back after md5', () => {
    const before = 'outs:\n- md5: a304afb96060aad90176268345e10355\n  path: data.xml\n  desc: 100K Entries Dataset\n';
    expect(rewriteOut(before, 'data/data.xml.dvc', 'data/data.xml', { md5: NEW, size: 8 })).toBe(
      `outs:\n- md5: ${NEW}\n  size: 8\n  path: data.xml\n  desc: 100K Entries Dataset\n`,
    );
  });

  it('a directory that becomes a file loses nfiles; a file that becomes a directory gains it', () => {
    const dir = fixtureText('iterative__vscode-dvc-demo/head-f62608c/data.dvc');
    const file = rewriteOut(dir, 'data.dvc', 'data', { md5: NEW, size: 8 });
    expect(file).toBe(`outs:\n- md5: ${NEW}\n  size: 8\n  path: data\n`);
    expect(rewriteOut(file, 'data.dvc', 'data', { md5: NEW_DIR, size: 66544770, nfiles: 8 })).toBe(
      `outs:\n- md5: ${NEW_DIR}\n  size: 66544770\n  nfiles: 8\n  path: data\n`,
    );
  });

  it('keeps CRLF line endings, also on inserted lines, and quotes an all-digit md5 as ruamel would', () => {
    const before = 'outs:\r\n- md5: a304afb96060aad90176268345e10355\r\n  path: data.xml\r\n';
    expect(rewriteOut(before, 'data/data.xml.dvc', 'data/data.xml', { md5: '12345678901234567890123456789012', size: 8 })).toBe(
      "outs:\r\n- md5: '12345678901234567890123456789012'\r\n  size: 8\r\n  path: data.xml\r\n",
    );
  });

  it('an empty `size:` gets its value after a space, as a YAML mapping value needs', () => {
    const before = 'outs:\n- md5: a304afb96060aad90176268345e10355\n  size:\n  path: data.xml\n';
    expect(rewriteOut(before, 'data.xml.dvc', 'data.xml', { md5: NEW, size: 8 })).toBe(`outs:\n- md5: ${NEW}\n  size: 8\n  path: data.xml\n`);
  });

  it('a file without a final newline gets its inserted line before the end', () => {
    const before = 'outs:\n- path: data.xml\n  md5: a304afb96060aad90176268345e10355';
    expect(rewriteOut(before, 'data.xml.dvc', 'data.xml', { md5: NEW, size: 8 })).toBe(`outs:\n- path: data.xml\n  md5: ${NEW}\n  size: 8`);
  });
});

describe('rewriteOut on dvc.lock: only that stage output entry changes', () => {
  it('3.x file output (example-get-started main: model.pkl); the evaluate dep keeps the old hash', () => {
    const before = fixtureText(`${GS}/main-06ea489/dvc.lock`);
    const after = rewriteOut(before, 'dvc.lock', 'model.pkl', { md5: NEW, size: 8 }, beside(`${GS}/main-06ea489`));
    expect(lineDiff(before, after)).toEqual({
      removed: ['      md5: d1f6e055f7f5e2827fcfae68d9b64d4c', '      size: 1958115'],
      added: [`      md5: ${NEW}`, '      size: 8'],
    });
    expect(after.indexOf(NEW)).toBeLessThan(after.indexOf('  evaluate:'));
    expect(after.split('d1f6e055f7f5e2827fcfae68d9b64d4c')).toHaveLength(2);
  });

  it('2.x file output (legacy 2021 lock: scores.json) stays without hash', () => {
    const before = fixtureText(`${GS}/legacy-2021-pr16-82cb5d1/dvc.lock`);
    const after = rewriteOut(before, 'dvc.lock', 'scores.json', { md5: NEW, size: 8 }, beside(`${GS}/legacy-2021-pr16-82cb5d1`));
    expect(lineDiff(before, after)).toEqual({
      removed: ['      md5: 8f7ae54edbbe9a222b693bce8985cb80', '      size: 73'],
      added: [`      md5: ${NEW}`, '      size: 8'],
    });
  });

  it('2.x directory output (Studio commit a9d6176 lock: eval/live/plots)', () => {
    const before = fixtureText(`${GS}/studio-commit-pr46-a9d6176/dvc.lock`);
    const after = rewriteOut(before, 'dvc.lock', 'eval/live/plots', { md5: NEW_DIR, size: 5, nfiles: 3 }, beside(`${GS}/studio-commit-pr46-a9d6176`));
    expect(lineDiff(before, after)).toEqual({
      removed: ['      md5: dfebe229beecacbcb381a4b0e76dfdac.dir', '      size: 747258', '      nfiles: 4'],
      added: [`      md5: ${NEW_DIR}`, '      size: 5', '      nfiles: 3'],
    });
  });

  it('mixed 2.x/3.x lock (vscode-dvc-demo): each entry keeps its own generation', () => {
    const before = fixtureText('iterative__vscode-dvc-demo/head-f62608c/dvc.lock');
    const dvcYaml = beside('iterative__vscode-dvc-demo/head-f62608c');
    const legacy = rewriteOut(before, 'dvc.lock', 'hist.csv', { md5: NEW, size: 8 }, dvcYaml);
    expect(lineDiff(before, legacy)).toEqual({
      removed: ['      md5: e5caf6a079cb54536c5bbf9fb9bd2d6f', '      size: 77'],
      added: [`      md5: ${NEW}`, '      size: 8'],
    });
    expect(legacy).toContain(`    - path: hist.csv\n      md5: ${NEW}\n`);
    const current = rewriteOut(before, 'dvc.lock', 'training/plots', { md5: NEW_DIR, size: 9, nfiles: 2 }, dvcYaml);
    expect(lineDiff(before, current)).toEqual({
      removed: ['      md5: 40895fff803c7b25830fbc1dfd52ba4b.dir', '      size: 1069666', '      nfiles: 20'],
      added: [`      md5: ${NEW_DIR}`, '      size: 9', '      nfiles: 2'],
    });
    expect(current).toContain(`    - path: training/plots\n      hash: md5\n      md5: ${NEW_DIR}\n`);
  });

  it('a lock in a subfolder resolves entry paths against that folder', () => {
    const before = fixtureText(`${GS}/main-06ea489/dvc.lock`);
    const dvcYaml = beside(`${GS}/main-06ea489`);
    const after = rewriteOut(before, 'sub/dvc.lock', 'sub/model.pkl', { md5: NEW, size: 8 }, dvcYaml);
    expect(lineDiff(before, after).added).toEqual([`      md5: ${NEW}`, '      size: 8']);
    expect(() => rewriteOut(before, 'sub/dvc.lock', 'model.pkl', { md5: NEW, size: 8 }, dvcYaml)).toThrow('sub/dvc.lock: no output entry for model.pkl');
  });
});

// dvcyaml-files.md: `wdir` is the folder a stage runs in, and its deps/outs paths are relative to
// it; dvc.lock records them as the stage names them (`def_path`), so `out.bin` under `wdir: model`
// is the repository's model/out.bin.
describe('rewriteOut on dvc.lock stages with a wdir', () => {
  const entry = (path: string, md5: string) => `    - path: ${path}\n      hash: md5\n      md5: ${md5}\n      size: 3\n`;
  const A = 'a'.repeat(32);
  const B = 'b'.repeat(32);
  const C = 'c'.repeat(32);
  const lock = [
    "schema: '2.0'\nstages:\n",
    `  fit:\n    cmd: python fit.py\n    outs:\n${entry('out.bin', A)}`,
    `  pack:\n    cmd: pack\n    outs:\n${entry('out.bin', B)}`,
    `  split@train:\n    cmd: split train\n    outs:\n${entry('out.bin', C)}`,
  ].join('');
  const dvcYaml = [
    'stages:',
    '  fit: {wdir: model, cmd: python fit.py, outs: [out.bin]}',
    '  pack: {cmd: pack, outs: [out.bin]}',
    '  split:',
    '    foreach: [train]',
    '    do:',
    '      wdir: ../sets/${item}',
    '      cmd: split ${item}',
    '      outs: [out.bin]',
    '',
  ].join('\n');
  const rewrite = (path: string, yaml: string) => rewriteOut(lock, 'sub/dvc.lock', path, { md5: NEW, size: 8 }, { dvcYaml: yaml });

  it('resolves a stage output against the stage wdir, not the lock folder', () => {
    expect(rewrite('sub/model/out.bin', dvcYaml.replace('${item}', 'train'))).toBe(lock.replace(`md5: ${A}\n      size: 3`, `md5: ${NEW}\n      size: 8`));
    expect(rewrite('sub/out.bin', dvcYaml.replace('${item}', 'train'))).toBe(lock.replace(`md5: ${B}\n      size: 3`, `md5: ${NEW}\n      size: 8`));
  });

  it('takes a foreach stage wdir from its `do:` body', () => {
    expect(rewrite('sets/train/out.bin', dvcYaml.replace('../sets/${item}', '../sets/train'))).toBe(
      lock.replace(`md5: ${C}\n      size: 3`, `md5: ${NEW}\n      size: 8`),
    );
  });

  it('takes a matrix stage wdir from the stage itself (dvcyaml-files.md: matrix keys sit beside cmd)', () => {
    const matrixLock = "schema: '2.0'\nstages:\n  conv@3:\n    cmd: conv 3\n    outs:\n" + entry('out.bin', A);
    const matrixYaml = 'stages:\n  conv:\n    matrix: {k: [3]}\n    wdir: nets\n    cmd: conv ${item.k}\n    outs: [out.bin]\n';
    expect(rewriteOut(matrixLock, 'dvc.lock', 'nets/out.bin', { md5: NEW, size: 8 }, { dvcYaml: matrixYaml })).toBe(
      matrixLock.replace(`md5: ${A}\n      size: 3`, `md5: ${NEW}\n      size: 8`),
    );
  });

  it('refuses a wdir built with ${...} rather than guess where its outputs are', () => {
    expect(() => rewrite('sub/out.bin', dvcYaml)).toThrow('stage split@train sets its wdir with `${...}`');
  });

  it('skips lock stages the dvc.yaml no longer defines', () => {
    expect(() => rewrite('sub/out.bin', 'stages:\n  fit: {wdir: model, cmd: python fit.py}\n')).toThrow('no output entry for sub/out.bin');
  });
});

describe('rewriteOut refuses clearly', () => {
  const lock = fixtureText(`${GS}/main-06ea489/dvc.lock`);
  const dvc = fixtureText('iterative__vscode-dvc-demo/head-f62608c/data.dvc');

  it.each([
    [
      'a path with no output entry (a dep only)',
      () => rewriteOut(lock, 'dvc.lock', 'src/train.py', { md5: NEW, size: 8 }, beside(`${GS}/main-06ea489`)),
      'no output entry for src/train.py',
    ],
    [
      "a dvc.lock without its dvc.yaml (the stages' wdir are unknown)",
      () => rewriteOut(lock, 'dvc.lock', 'model.pkl', { md5: NEW, size: 8 }),
      'needs the dvc.yaml beside it',
    ],
    ['a malformed md5', () => rewriteOut(dvc, 'data.dvc', 'data', { md5: 'E5EB', size: 8 }), 'is not an md5'],
    ['a .dir without nfiles', () => rewriteOut(dvc, 'data.dvc', 'data', { md5: NEW_DIR, size: 8 }), 'needs nfiles'],
    ['nfiles on a file md5', () => rewriteOut(dvc, 'data.dvc', 'data', { md5: NEW, size: 8, nfiles: 1 }), 'directories (.dir md5) only'],
    ['a negative size', () => rewriteOut(dvc, 'data.dvc', 'data', { md5: NEW, size: -1 }), 'whole number of bytes'],
    ['a file that is neither .dvc nor dvc.lock', () => rewriteOut(dvc, 'dvc.yaml', 'data', { md5: NEW, size: 8 }), 'not a .dvc file or a dvc.lock'],
    [
      'an import-url entry addressed by etag',
      () =>
        rewriteOut('deps:\n- path: s3://b/k\n  etag: abc\nouts:\n- etag: abc\n  md5: a304afb96060aad90176268345e10355\n  path: k\n', 'k.dvc', 'k', {
          md5: NEW,
          size: 8,
        }),
      'addressed by `etag`',
    ],
    ['a path outside the repository', () => rewriteOut(dvc, 'data.dvc', '../data', { md5: NEW, size: 8 }), 'data.dvc: ../data lies outside the repository'],
    ['invalid YAML', () => rewriteOut('outs: [\n', 'x.dvc', 'x', { md5: NEW, size: 8 }), 'not valid YAML'],
  ])('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});
