import { describe, expect, it } from 'vitest';
import { editParams } from '..';
import { readPythonParams } from '../files/python-params';

const edit = (text: string, ...edits: Parameters<typeof editParams>[2]) => editParams(text, 'params.py', edits);

const PARAMS_PY = `import os

THRESHOLD = 10  # keep
LR = 1e-3
NAME = 'resnet'
LAYERS = [
    64,
    128,
]
PAIR = (1,)
PATH = os.path.join("a", "b")
OPT = {"name": "adam", "betas": (0.9, 0.999)}


class TrainConfig:
    EPOCHS = 70
    DESC = (
        "a long "
        "description"
    )

    def __init__(self):
        self.layers = 5
        self.use_gpu = True
`;

describe('Python params edits', () => {
  it('edits module constants, class attributes and self.x in __init__, and nothing else', () => {
    const out = edit(
      PARAMS_PY,
      { key: 'THRESHOLD', value: 11 },
      { key: 'TrainConfig.EPOCHS', value: 80 },
      { key: 'TrainConfig.layers', value: 6 },
      { key: 'TrainConfig.use_gpu', value: false },
    );
    expect(out).toBe(
      PARAMS_PY.replace('THRESHOLD = 10', 'THRESHOLD = 11')
        .replace('EPOCHS = 70', 'EPOCHS = 80')
        .replace('self.layers = 5', 'self.layers = 6')
        .replace('self.use_gpu = True', 'self.use_gpu = False'),
    );
  });

  it('rewrites a multi-line list one item per line', () => {
    expect(edit(PARAMS_PY, { key: 'LAYERS', value: [32, 64, 128] })).toBe(PARAMS_PY.replace('    64,\n    128,\n', '    32,\n    64,\n    128,\n'));
  });

  it('replaces a multi-line string literal whole, in its quotes', () => {
    const out = edit(PARAMS_PY, { key: 'TrainConfig.DESC', value: "short, isn't it" });
    expect(out).toBe(PARAMS_PY.replace('(\n        "a long "\n        "description"\n    )', '"short, isn\'t it"'));
    expect(readPythonParams(out).find((l) => l.key === 'TrainConfig.DESC')!.value).toBe("short, isn't it");
  });

  it('keeps single quotes, float spelling and tuple syntax', () => {
    const out = edit(
      PARAMS_PY,
      { key: 'NAME', value: "o'neil" },
      { key: 'LR', value: 1e-7 },
      { key: 'PAIR', value: [2] },
      { key: 'OPT.betas', value: [0.8, 1] },
      { key: 'OPT.name', value: 'sgd' },
    );
    expect(out).toBe(
      PARAMS_PY.replace("NAME = 'resnet'", "NAME = 'o\\'neil'")
        .replace('LR = 1e-3', 'LR = 1e-07')
        .replace('PAIR = (1,)', 'PAIR = (2,)')
        .replace('(0.9, 0.999)', '(0.8, 1.0)')
        .replace('"adam"', '"sgd"'),
    );
  });

  it('writes a dict whole, in the quotes the replaced string had', () => {
    expect(edit("X = 'a'\n", { key: 'X', value: { k: 'v', n: [1, 0.5] }, retype: true })).toBe("X = {'k': 'v', 'n': [1, 0.5]}\n");
  });

  it('writes ints beyond 2^53 exactly when given as bigint, and refuses rounded ones', () => {
    expect(edit('N = 1\n', { key: 'N', value: 2n ** 64n + 1n })).toBe('N = 18446744073709551617\n');
    expect(() => edit('N = 1\n', { key: 'N', value: 2 ** 60 })).toThrow(/beyond 2\^53/);
  });

  it('refuses values that are not literals DVC reads, and missing keys', () => {
    expect(() => edit(PARAMS_PY, { key: 'PATH', value: 'x' })).toThrow(/no such param/);
    expect(() => edit(PARAMS_PY, { key: 'TrainConfig.missing', value: 1 })).toThrow(/no such param/);
    expect(() => edit(PARAMS_PY, { key: 'OPT', value: 1 })).toThrow(/group of params/);
  });

  it('keeps CRLF, also between list items it adds, and a missing final newline', () => {
    const text = 'A = 1\r\nB = [\r\n    1,\r\n]';
    expect(edit(text, { key: 'A', value: 2 }, { key: 'B', value: [1, 2] })).toBe('A = 2\r\nB = [\r\n    1,\r\n    2,\r\n]');
  });

  it('refuses a file that is not valid Python', () => {
    expect(() => edit('A = (1,\n', { key: 'A', value: 2 })).toThrow(/params\.py: Python syntax error on line/);
  });
});
