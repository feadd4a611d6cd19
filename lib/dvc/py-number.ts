/**
 * Python's `str()` of a number, which DVC uses to write numbers into stage names, interpolated
 * strings and tables: exponent form below 1e-4 and from 1e16, with a two-digit exponent (`1e-05`).
 * (An integral float prints as `1` here where Python prints `1.0`: JSON numbers do not keep that.)
 */
export function pyNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return String(n);
}

/** Python's `str()` of a float: an integral float keeps its `.0`. */
export function pyFloat(n: number): string {
  const text = pyNumber(n);
  return /[.ein]/.test(text) ? text : `${text}.0`;
}
