import { pythonFloat } from './python-float';

/**
 * Python's `str()` of a number, which DVC uses to write numbers into stage names, interpolated
 * strings and tables: exponent form below 1e-4 and from 1e16, with a two-digit exponent (`1e-05`).
 * (An integral float prints as `1` here where Python prints `1.0`: JSON numbers do not keep that.)
 */
export function pyNumber(n: number): string {
  if (!Number.isFinite(n)) return nonFinite(n);
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? String(n) : pythonFloat(n);
}

/** Python's `str()` of a float: an integral float keeps its `.0`. */
export function pyFloat(n: number): string {
  return Number.isFinite(n) ? pythonFloat(n) : nonFinite(n);
}

function nonFinite(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  return n > 0 ? 'inf' : '-inf';
}
