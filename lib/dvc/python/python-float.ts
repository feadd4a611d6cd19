/**
 * Python's float repr, the one spelling behind `json.dumps` (DVC's hashes), `str()` (stage names,
 * interpolation, diffs) and the params writers (YAML, JSON, TOML, Python).
 */

/**
 * Python's `repr(float)`: the shortest digits that round-trip, fixed notation for exponents
 * -4..15, otherwise `d.ddde±XX`; always a `.` or an `e`. Also what `json.dumps` and TOML writers
 * (tomli-w) produce.
 */
export function pythonFloat(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`${x} is not a finite number`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(Math.abs(x));
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${mantissa}e${e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
}

/**
 * The shortest round-trip decimal digits of a positive finite double and the decimal exponent
 * of the first digit. JavaScript's `Number.prototype.toString` already picks the shortest
 * digits (closest to the value on ties), as Python's repr does; only its layout differs.
 */
function shortestDigits(x: number): { digits: string; exponent: number } {
  const [mantissa, exp = '0'] = String(x).split('e');
  const [whole = '', fraction = ''] = mantissa!.split('.');
  const all = whole + fraction;
  const firstNonZero = all.search(/[1-9]/);
  const digits = all.slice(firstNonZero).replace(/0+$/, '');
  return { digits, exponent: Number(exp) + whole.length - 1 - firstNonZero };
}
