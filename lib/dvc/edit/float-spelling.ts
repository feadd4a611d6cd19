/**
 * Floats spelled as PyYAML spells them, so training scripts read back exactly what we wrote.
 * JavaScript's `String(1e-7)` is `1e-7`, which PyYAML reads as a *string* (its float pattern
 * needs a `.` and a signed exponent) — hence this.
 */
import { pythonFloat } from '../python/python-float';

/**
 * PyYAML's float representer (`SafeRepresenter.represent_float`): `repr(x).lower()`, with `.0`
 * put before the `e` when the mantissa has no point (`1e-07` → `1.0e-07`), because YAML 1.1's
 * float pattern requires the point. YAML 1.2 reads the same text as the same float.
 */
export function pyyamlFloat(x: number): string {
  const repr = pythonFloat(x);
  return !repr.includes('.') && repr.includes('e') ? repr.replace('e', '.0e') : repr;
}
