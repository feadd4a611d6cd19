import { describe, expect, it } from 'vitest';
import { readPythonParams } from './python-params';

// Expectations follow DVC's Python loader (iterative/dvc dvc/utils/serialize/_py.py) and
// Python's ast.literal_eval, written by hand.

const PARAMS_PY = `"""Training parameters."""
import os

THRESHOLD = 10
LR: float = 1e-3  # annotated
NAME = 'resnet' "_50"
IDS = [1, 2,
       3]  # multi-line list
SHAPE = (224, 224)
SEED = -42
RATIO = -0.0
BIG = 123456789012345678901
HEX = 0x_1F
DEBUG = False
NOTHING = None
PATH = os.path.join("a", "b")
TITLE = f"run {THRESHOLD}"
RAW = r"C:\\new"
ESC = "tab\\there\\u00e9"
a = b = 3
OPTIMIZER = {
    "name": "adam",
    "betas": [0.9, 0.999],
    "schedule": {"warmup": 5},
    7: "seven",
}
if THRESHOLD > 5:
    HIDDEN = 1


class TrainConfig:
    EPOCHS = 70
    dropout = 0.25

    def __init__(self, extra=1):
        self.layers = 5
        self.activation = (
            "relu"
        )
        local = 3
        other.x = 4

    def method(self):
        self.not_a_param = 1


@dataclass
class Data:
    split: float = 0.2

THRESHOLD = 11
`;

describe('readPythonParams', () => {
  const leaves = readPythonParams(PARAMS_PY);
  const byKey = new Map(leaves.map((l) => [l.key, l]));

  it('names and evaluates the params DVC reads, in file order', () => {
    expect(leaves.map((l) => [l.key, l.value])).toEqual([
      ['THRESHOLD', 11],
      ['LR', 0.001],
      ['NAME', 'resnet_50'],
      ['IDS', [1, 2, 3]],
      ['SHAPE', [224, 224]],
      ['SEED', -42],
      ['RATIO', -0],
      ['BIG', 123456789012345678901n],
      ['HEX', 31],
      ['DEBUG', false],
      ['NOTHING', null],
      ['RAW', 'C:\\new'],
      ['ESC', 'tab\there\u00e9'],
      ['OPTIMIZER.name', 'adam'],
      ['OPTIMIZER.betas', [0.9, 0.999]],
      ['OPTIMIZER.schedule.warmup', 5],
      ['OPTIMIZER.7', 'seven'],
      ['TrainConfig.EPOCHS', 70],
      ['TrainConfig.dropout', 0.25],
      ['TrainConfig.layers', 5],
      ['TrainConfig.activation', 'relu'],
      ['Data.split', 0.2],
    ]);
    expect(Object.is(byKey.get('RATIO')!.value, -0)).toBe(true);
  });

  it('gives the source range of each value expression', () => {
    const text = (key: string) => PARAMS_PY.slice(byKey.get(key)!.from, byKey.get(key)!.to);
    expect(text('THRESHOLD')).toBe('11');
    expect(text('LR')).toBe('1e-3');
    expect(text('NAME')).toBe(`'resnet' "_50"`);
    expect(text('IDS')).toBe('[1, 2,\n       3]');
    expect(text('SEED')).toBe('-42');
    expect(text('OPTIMIZER.betas')).toBe('[0.9, 0.999]');
    expect(text('OPTIMIZER.schedule.warmup')).toBe('5');
    expect(text('TrainConfig.activation')).toBe('(\n            "relu"\n        )');
  });

  it('treats a later assignment as replacing the earlier one, keeping its place', () => {
    expect(leaves.filter((l) => l.key === 'THRESHOLD')).toHaveLength(1);
    expect(PARAMS_PY.slice(byKey.get('THRESHOLD')!.from)).toMatch(/^11\n$/);
  });

  it('reads -0 as the int 0 and keeps ints beyond 2^53 exact', () => {
    const [zero, big, negBig] = readPythonParams('Z = -0\nB = 9007199254740993\nN = -9007199254740993\n');
    expect(Object.is(zero!.value, 0)).toBe(true);
    expect(big!.value).toBe(9007199254740993n);
    expect(negBig!.value).toBe(-9007199254740993n);
  });

  it('skips what ast.literal_eval rejects or DVC cannot name', () => {
    const src = 'S = {1, 2}\nB = b"x"\nC = 1j\nE = ...\nL = [*x]\nD = {**x}\nN = -(-1)\nT: int\nx, y = 1, 2\nK = [i for i in r]\n';
    expect(readPythonParams(src)).toEqual([]);
  });

  it('reads a bare tuple and a module-level self.x as DVC does', () => {
    expect(readPythonParams('T = 1, "a"\nself.x = 2\n').map((l) => [l.key, l.value])).toEqual([
      ['T', [1, 'a']],
      ['x', 2],
    ]);
  });

  it('ignores async __init__ and nested functions', () => {
    const src = 'class A:\n    async def __init__(self):\n        self.a = 1\n    X = 2\n';
    expect(readPythonParams(src).map((l) => l.key)).toEqual(['A.X']);
  });

  it('normalises CRLF inside triple-quoted literals', () => {
    const [leaf] = readPythonParams('DOC = """a\r\nb"""\r\n');
    expect(leaf!.value).toBe('a\nb');
  });

  it('refuses a file that is not valid Python, naming the line', () => {
    expect(() => readPythonParams('A = 1\nB = (1,\n')).toThrow(/line \d/);
    expect(() => readPythonParams('A = 1\nB = 01\n')).toThrow(/line 2/);
  });
});

describe('readPythonParams on modern Python', () => {
  it('parses match, walrus, except*, type aliases, async and f-strings without a false syntax error', () => {
    const src = [
      'import sys',
      'X = 1',
      'match sys.argv:',
      '    case [_, "a"]:',
      '        pass',
      'if (n := len(sys.argv)) > 1:',
      '    pass',
      'Y = f"{X!r:>10} {\'nested\'}"',
      'async def f():',
      '    async with a as b:',
      '        await b',
      'try:',
      '    pass',
      'except* ValueError:',
      '    pass',
      'type Alias = list[int]',
      'S = 1_000.000_1e-1_0',
      '',
    ].join('\n');
    expect(readPythonParams(src).map((l) => [l.key, l.value])).toEqual([
      ['X', 1],
      ['S', 1000.0001e-10],
    ]);
  });
});
