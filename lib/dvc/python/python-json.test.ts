import { describe, expect, it } from 'vitest';
import { jsonDumpsFloat } from './python-float';
import { pythonJsonDumps } from './python-json';

// Expected strings: Python 3 repr()/json.dumps(sort_keys=True) of the same values.
describe('jsonDumpsFloat', () => {
  it.each([
    [0.2, '0.2'],
    [1e-5, '1e-05'],
    [1e-4, '0.0001'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [123456789012345680, '1.2345678901234568e+17'],
    [-0, '-0.0'],
    [1.5e-7, '1.5e-07'],
    [3, '3.0'],
    [2.5e300, '2.5e+300'],
    [Infinity, 'Infinity'],
  ])('%s → %s', (value, repr) => {
    expect(jsonDumpsFloat(value)).toBe(repr);
  });
});

describe('pythonJsonDumps', () => {
  it('sorts keys, uses Python separators, tells int (bigint) from float (number)', () => {
    expect(pythonJsonDumps({ b: [1n, 1, true, null], a: { y: 'é', x: '' } })).toBe('{"a": {"x": "", "y": "\\u00e9"}, "b": [1, 1.0, true, null]}');
  });
});
