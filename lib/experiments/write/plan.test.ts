import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject, type ReadFile } from '../../dvc';
import { blobOid } from '../../../tests/fake-github/git/git-cli';
import { DVC_FIXTURES } from '../../../tests/fixture-paths';
import { planExperiment, type ExperimentChanges, type ProjectAtCommit } from './plan';
import { applyDiff, studioCommit, type DiffFile } from './testing/studio-commits';

const EGS = 'iterative__example-get-started';
const EGSX = 'iterative__example-get-started-experiments';

function filesOf(folder: string, dir = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(join(folder, dir))) {
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(folder, rel)).isDirectory()) filesOf(folder, rel).forEach((text, path) => files.set(path, text));
    else files.set(rel, readFileSync(join(folder, rel), 'utf8'));
  }
  return files;
}

/** A commit: a fixture snapshot with some files replaced (or only the given files). */
async function commitOf(snapshot: string | null, replaced: Record<string, string> = {}): Promise<ProjectAtCommit & { files: Map<string, string> }> {
  const files = snapshot ? filesOf(join(DVC_FIXTURES, snapshot)) : new Map<string, string>();
  for (const [path, text] of Object.entries(replaced)) files.set(path, text);
  const read: ReadFile = async (path) => files.get(path) ?? null;
  return { project: await readProject(read, [...files.keys()]), read, files };
}

/** The old side of a diff's hunks, as a file. */
const oldSide = (diff: DiffFile) => `${diff.hunks.flatMap((h) => h.lines.filter((l) => l[0] !== '+').map((l) => l.slice(1))).join('\n')}\n`;
const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
const fixture = (path: string) => readFileSync(join(DVC_FIXTURES, path), 'utf8');

/** The Studio commits (fixtures) whose parent file we have byte for byte: our plan must be Studio's commit. */
describe('planExperiment reproduces the real Studio commits', () => {
  const mainParams = fixture(`${EGS}/main-06ea489/params.yaml`); // blob 954cc22, the parent of four Studio commits
  it.each([
    ['a9d6176', { file: 'params.yaml', key: 'train.n_est', value: 100 }],
    ['2303147', { file: 'params.yaml', key: 'featurize.max_features', value: 100 }],
    ['bcfae8c', { file: 'params.yaml', key: 'featurize.max_features', value: 100 }],
    ['f24d58a', { file: 'params.yaml', key: 'featurize.ngrams', value: 3 }],
  ])('%s: same file bytes (blob oid) and same message', async (sha, edit) => {
    const studio = studioCommit(`${EGS}/studio-commits/${sha}.txt`);
    const [diff] = studio.files;
    expect(blobOid(mainParams).startsWith(diff!.beforeOid)).toBe(true);
    const plan = await planExperiment(await commitOf(`${EGS}/main-06ea489`), { paramEdits: [edit] });
    expect(plan.files.map((f) => f.path)).toEqual(['params.yaml']);
    expect(blobOid(decode(plan.files[0]!.base64)).startsWith(diff!.afterOid)).toBe(true);
    expect(plan.message).toEqual({ subject: studio.subject, body: studio.body });
  });

  // 5f02cf9 and 4579bbc start from blob 50bc980, which has a stray CRLF on `base_lr: 0.01`; Studio
  // rewrote that neighbouring line without its CR (dvc-studio-cml.md §1.2). We keep every byte we do
  // not edit, so our file is Studio's with that one CR kept.
  const parentOf5f02cf9 = () => {
    const studio = studioCommit(`${EGSX}/commits/5f02cf9-studio-params-commit.txt`);
    const after = fixture(`${EGSX}/studio-commit-5f02cf9/params.yaml`);
    expect(blobOid(after).startsWith(studio.files[0]!.afterOid)).toBe(true);
    const before = applyDiff(after, studio.files[0]!, 'reverse');
    expect(blobOid(before).startsWith(studio.files[0]!.beforeOid)).toBe(true);
    expect(before.match(/\r/g)).toEqual(['\r']);
    return before;
  };
  /** Our file without the one CR Studio dropped. */
  const withoutStrayCr = (text: string) => {
    expect(text.match(/\r\n/g)).toEqual(['\r\n']);
    return text.replace('\r\n', '\n');
  };

  it('5f02cf9: train.img_size 256 → 384', async () => {
    const studio = studioCommit(`${EGSX}/commits/5f02cf9-studio-params-commit.txt`);
    const base = await commitOf(`${EGSX}/main-afdf89b`, { 'params.yaml': parentOf5f02cf9() });
    const plan = await planExperiment(base, { paramEdits: [{ file: 'params.yaml', key: 'train.img_size', value: 384 }] });
    const ours = decode(plan.files[0]!.base64);
    expect(ours).toContain('base_lr: 0.01\r\n');
    expect(blobOid(withoutStrayCr(ours)).startsWith(studio.files[0]!.afterOid)).toBe(true);
    expect(plan.message).toEqual({ subject: 'Update params.yaml:train.img_size', body: '' });
    expect(plan.params).toEqual([{ file: 'params.yaml', key: 'train.img_size', before: '256', after: '384' }]);
  });

  it('4579bbc: three params, a subject over 45 characters cut with ... and carried into the body', async () => {
    const studio = studioCommit(`${EGSX}/commits/4579bbc-studio-multi-param-commit.txt`);
    expect(studio.files[0]!.beforeOid).toBe(studioCommit(`${EGSX}/commits/5f02cf9-studio-params-commit.txt`).files[0]!.beforeOid);
    const base = await commitOf(`${EGSX}/main-afdf89b`, { 'params.yaml': parentOf5f02cf9() });
    const changes: ExperimentChanges = {
      paramEdits: [
        { file: 'params.yaml', key: 'train.arch', value: 'resnet34' },
        { file: 'params.yaml', key: 'train.fine_tune_args.epochs', value: 10 },
        { file: 'params.yaml', key: 'train.fine_tune_args.base_lr', value: 0.003 },
      ],
    };
    const plan = await planExperiment(base, changes);
    expect(blobOid(withoutStrayCr(decode(plan.files[0]!.base64))).startsWith(studio.files[0]!.afterOid)).toBe(true);
    expect(plan.message).toEqual({ subject: studio.subject, body: studio.body });
    expect(plan.message.subject).toBe('Update params.yaml:train.arch, params.yaml:tr...');
  });

  it('564bf6d: our diff is the one edited line (Studio also re-dumped a list and a CRLF)', async () => {
    const studio = studioCommit(`${EGSX}/commits/564bf6d-studio-commit-branch-main-15dd333.txt`);
    const before = fixture(`${EGSX}/main-afdf89b/params.yaml`);
    expect(blobOid(before).startsWith(studio.files[0]!.beforeOid)).toBe(true);
    const plan = await planExperiment(await commitOf(`${EGSX}/main-afdf89b`), { paramEdits: [{ file: 'params.yaml', key: 'train.img_size', value: 512 }] });
    expect(decode(plan.files[0]!.base64)).toBe(before.replace('img_size: 256\n', 'img_size: 512\n'));
    expect(plan.message).toEqual({ subject: studio.subject, body: studio.body });
  });

  // Data commits: Studio pointed data/data.xml.dvc at another existing version and dropped `size`;
  // we write the version's size too (DVC records it; the sizes come from the fixtures' own .dvc files).
  const SIZES: Record<string, number> = {
    a304afb96060aad90176268345e10355: 37891850, // legacy-2021-pr16-82cb5d1/data/data.xml.dvc
    c1fa36d90caa8489a317eee917d8bf03: 152077443, // the pre-image of d43fbfc
  };
  it.each(['d43fbfc', '386fa79', '7b40b60'])('%s: Update data/data.xml, the md5 swapped, the size kept true', async (sha) => {
    const studio = studioCommit(`${EGS}/studio-commits/${sha}.txt`);
    const [diff] = studio.files;
    // Each hunk covers the whole small file, so the pre-image is the hunk's old side.
    const dvcFile = oldSide(diff!);
    expect(blobOid(dvcFile).startsWith(diff!.beforeOid)).toBe(true);
    const studioAfter = applyDiff(dvcFile, diff!, 'forward');
    expect(blobOid(studioAfter).startsWith(diff!.afterOid)).toBe(true);
    const md5 = /md5: (\w+)/.exec(studioAfter)![1]!;
    const base = await commitOf(null, { 'data/data.xml.dvc': dvcFile });
    const plan = await planExperiment(base, { paramEdits: [], fileChanges: [{ kind: 'data', path: 'data/data.xml', hash: { md5, size: SIZES[md5]! } }] });
    expect(plan.files.map((f) => [f.path, decode(f.base64)])).toEqual([
      ['data/data.xml.dvc', studioAfter.replace(`- md5: ${md5}\n`, `- md5: ${md5}\n  size: ${SIZES[md5]}\n`)],
    ]);
    expect(plan.message).toEqual({ subject: studio.subject, body: '' });
    expect(plan.data).toEqual([{ path: 'data/data.xml', dvcFile: 'data/data.xml.dvc', before: expect.any(Object), after: { md5, size: SIZES[md5] } }]);
  });
});

describe('planExperiment: the default message for every Studio default-message commit in the fixtures', () => {
  // Their parent files are not in the fixtures: the params file is the hunk's old side (valid YAML
  // on its own), the key and value those of the changed line, the expected message the dump's.
  it.each([
    [`${EGS}/studio-commits/896118a.txt`, [{ file: 'params.yaml', key: 'featurize.ngrams', value: 3 }]],
    [`${EGSX}/commits/7c43ecb-studio-edits-dvclive-params.txt`, [{ file: 'results/train/params.yaml', key: 'batch_size', value: 4 }]],
  ])('%s', async (dump, paramEdits) => {
    const studio = studioCommit(dump);
    const files = Object.fromEntries(studio.files.map((f) => [f.path, oldSide(f)]));
    const dvcYaml = `stages:\n  s:\n    cmd: run\n    params:\n      - ${paramEdits[0]!.file}:\n`;
    const plan = await planExperiment(await commitOf(null, { 'dvc.yaml': dvcYaml, ...files }), { paramEdits });
    expect(plan.message).toEqual({ subject: studio.subject, body: studio.body });
  });
});

describe('planExperiment: what it leaves out and what it refuses', () => {
  const main = () => commitOf(`${EGS}/main-06ea489`);

  it('two params of one file: one file, each key in edit order, no other byte changed', async () => {
    const base = await main();
    const plan = await planExperiment(base, {
      paramEdits: [
        { file: 'params.yaml', key: 'train.min_split', value: 0.02 },
        { file: 'params.yaml', key: 'train.n_est', value: 120 },
      ],
    });
    expect(plan.message.subject).toBe('Update params.yaml:train.min_split, params.ya...');
    expect(plan.message.body).toBe('...ml:train.n_est');
    expect(decode(plan.files[0]!.base64)).toBe(base.files.get('params.yaml')!.replace('n_est: 50', 'n_est: 120').replace('min_split: 0.01', 'min_split: 0.02'));
  });

  it('a value written back as it is: no file, no name, no row', async () => {
    const plan = await planExperiment(await main(), {
      paramEdits: [
        { file: 'params.yaml', key: 'prepare.split', value: 0.2 },
        { file: 'params.yaml', key: 'train.n_est', value: 60 },
      ],
    });
    // `split: 0.20` reads as 0.2: writing 0.2 would only respell it, which DVC does not see as a change.
    expect(plan.message.subject).toBe('Update params.yaml:train.n_est');
    expect(plan.params.map((p) => p.key)).toEqual(['train.n_est']);
    const none = await planExperiment(await main(), { paramEdits: [{ file: 'params.yaml', key: 'train.n_est', value: 50 }] });
    expect(none).toEqual({ files: [], replaced: [], params: [], data: [], message: { subject: '', body: '' } });
  });

  it('a file kept in git replaced: named in the message, its bytes left to the run (never in the plan)', async () => {
    const base = await main();
    const plan = await planExperiment(base, {
      paramEdits: [{ file: 'params.yaml', key: 'train.n_est', value: 60 }],
      fileChanges: [{ kind: 'git', path: 'src/train.py', size: 1666 }],
    });
    expect(plan.files.map((f) => f.path)).toEqual(['params.yaml']);
    expect(plan.replaced).toEqual([{ path: 'src/train.py', size: 1666 }]);
    expect(plan.message.subject).toBe('Update params.yaml:train.n_est, src/train.py');
  });

  it("GitHub's file size limit: 100 MB (1024² bytes each) passes, one byte more is refused in words", async () => {
    const base = await main();
    const limit = 100 * 1024 * 1024;
    const at = await planExperiment(base, { paramEdits: [], fileChanges: [{ kind: 'git', path: 'model/weights.bin', size: limit }] });
    expect(at.replaced).toEqual([{ path: 'model/weights.bin', size: limit }]);
    await expect(planExperiment(base, { paramEdits: [], fileChanges: [{ kind: 'git', path: 'model/weights.bin', size: limit + 1 }] })).rejects.toThrow(
      'model/weights.bin is 100.0 MiB (104,857,601 bytes): GitHub refuses files larger than 100 MB (104,857,600 bytes), so it cannot be committed.',
    );
  });

  it('refuses a key that is not a param, a data file DVC does not track, a DVC-tracked file as git, and one file written twice', async () => {
    const base = await main();
    await expect(planExperiment(base, { paramEdits: [{ file: 'params.yaml', key: 'train.nope', value: 1 }] })).rejects.toThrow(
      'params.yaml:train.nope is not a param of this project',
    );
    await expect(
      planExperiment(base, { paramEdits: [], fileChanges: [{ kind: 'data', path: 'src/x.csv', hash: { md5: 'a'.repeat(32), size: 1 } }] }),
    ).rejects.toThrow('src/x.csv is not a data file DVC tracks');
    await expect(planExperiment(base, { paramEdits: [], fileChanges: [{ kind: 'git', path: 'data/data.xml', size: 4 }] })).rejects.toThrow(
      'data/data.xml is tracked by DVC (data/data.xml.dvc), not by git',
    );
    await expect(
      planExperiment(base, {
        paramEdits: [{ file: 'params.yaml', key: 'train.n_est', value: 60 }],
        fileChanges: [{ kind: 'git', path: 'params.yaml', size: 5 }],
      }),
    ).rejects.toThrow('params.yaml would be written twice: by the params edits and by the git files');
    const twice = { kind: 'git', path: 'notes.txt', size: 1 } as const;
    await expect(planExperiment(base, { paramEdits: [], fileChanges: [twice, { ...twice, size: 2 }] })).rejects.toThrow('notes.txt is given twice');
  });

  it('a stage output replaced: its dvc.lock entry rewritten, paths read against the dvc.yaml beside it', async () => {
    const base = await main();
    const model = base.project.inputs.find((i) => i.path === 'model.pkl')!;
    expect(model).toMatchObject({ dvcFile: 'dvc.lock', hidden: true });
    const hash = { md5: '0123456789abcdef0123456789abcdef', size: 1234 };
    const plan = await planExperiment(base, { paramEdits: [], fileChanges: [{ kind: 'data', path: 'model.pkl', hash }] });
    expect(plan.files.map((f) => f.path)).toEqual(['dvc.lock']);
    const lock = decode(plan.files[0]!.base64);
    const after = await readProject(async (p) => (p === 'dvc.lock' ? lock : (base.files.get(p) ?? null)), [...base.files.keys()]);
    expect(after.inputs.find((i) => i.path === 'model.pkl')).toMatchObject(hash);
    expect(plan.message.subject).toBe('Update model.pkl');
  });
});
