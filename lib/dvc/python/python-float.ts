/**
 * Every spelling of a number Python (and so DVC) writes, one module, each function named for the
 * Python function it copies. All rest on `floatRepr`: `json.dumps` (DVC's hashes), `str()` (stage
 * names, interpolation, diffs) and the params writers (YAML, JSON, TOML, Python).
 */

/**
 * Python's `repr(float)`: the shortest digits that round-trip, fixed notation for exponents
 * -4..15, otherwise `d.ddde±XX`; always a `.` or an `e`. Also what `json.dumps` and TOML writers
 * (tomli-w) produce.
 */
export function floatRepr(x: number): string {
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
 * Python's `str()` of a number, which DVC uses to write numbers into stage names, interpolated
 * strings and tables: exponent form below 1e-4 and from 1e16, with a two-digit exponent (`1e-05`).
 * (An integral float prints as `1` here where Python prints `1.0`: JSON numbers do not keep that.)
 */
export function numberStr(n: number): string {
  if (!Number.isFinite(n)) return nonFiniteStr(n);
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? String(n) : floatRepr(n);
}

/** Python's `str()` of a float: an integral float keeps its `.0`. */
export function floatStr(n: number): string {
  return Number.isFinite(n) ? floatRepr(n) : nonFiniteStr(n);
}

function nonFiniteStr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  return n > 0 ? 'inf' : '-inf';
}

/** A float as `json.dumps` writes it: its repr, and `NaN`/`Infinity` (`allow_nan=True`) for the rest. */
export function jsonDumpsFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return floatRepr(value);
}

/**
 * PyYAML's float representer (`SafeRepresenter.represent_float`): `repr(x).lower()`, with `.0`
 * put before the `e` when the mantissa has no point (`1e-07` → `1.0e-07`), because YAML 1.1's
 * float pattern requires the point. YAML 1.2 reads the same text as the same float. JavaScript's
 * `String(1e-7)` is `1e-7`, which PyYAML reads as a *string*: training scripts must read back
 * exactly what we wrote.
 */
export function representFloat(x: number): string {
  const repr = floatRepr(x);
  return !repr.includes('.') && repr.includes('e') ? repr.replace('e', '.0e') : repr;
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
