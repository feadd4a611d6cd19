/**
 * Values an edit can write, their kinds, and the checks every format shares. A params value
 * "keeps its kind" across an edit: an int stays an int, a float stays a float (`1` where a float
 * stood is written `1.0`), unless the edit says `retype: true`.
 */

import { deepEqual } from '../python/compare';

/**
 * A value an edit writes: what readProject reports, plus bigint to write an integer beyond 2^53
 * exactly (readProject reports such integers as the nearest number, which edits refuse).
 */
export type ParamValue = null | boolean | number | bigint | string | ParamValue[] | { [key: string]: ParamValue };

export type ValueKind = 'int' | 'float' | 'string' | 'bool' | 'null' | 'list' | 'object' | 'date';

/** The kind a value is written as in a place whose current kind is `old`. */
export function writtenKind(value: ParamValue, old: ValueKind, retype: boolean): ValueKind {
  const kinds = possibleKinds(value);
  if (kinds.includes(old)) return old;
  if (!retype) {
    throw new Error(`it holds ${describeKind(old)}, not ${describeKind(kinds[0]!)} (pass retype: true to change its type)`);
  }
  return kinds[0]!;
}

/** The kinds a value can be written as, the natural one first. */
function possibleKinds(value: ParamValue): ValueKind[] {
  if (value === null) return ['null'];
  if (typeof value === 'boolean') return ['bool'];
  if (typeof value === 'string') return ['string'];
  if (typeof value === 'bigint') return isExactDouble(value) ? ['int', 'float'] : ['int'];
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return ['float', 'int'];
    return Number.isInteger(value) ? ['int', 'float'] : ['float'];
  }
  if (Array.isArray(value)) return ['list'];
  return ['object'];
}

function describeKind(kind: ValueKind): string {
  const names: Record<ValueKind, string> = {
    int: 'an integer',
    float: 'a float',
    string: 'a string',
    bool: 'a boolean',
    null: 'null',
    list: 'a list',
    object: 'a mapping',
    date: 'a date',
  };
  return names[kind];
}

/** For list elements: the kind a nested value takes, preferring the kind the old elements had. */
export function elementKind(value: ParamValue, preferred: ValueKind | undefined): ValueKind {
  const kinds = possibleKinds(value);
  return preferred && kinds.includes(preferred) ? preferred : kinds[0]!;
}

/** The one value all entries share, if they share one. */
export function common<T>(values: T[]): T | undefined {
  return values.length > 0 && values.every((v) => v === values[0]) ? values[0] : undefined;
}

/** Integral numbers written into a list of floats stay floats (and into a list of ints, ints). */
export function commonNumberKind(kinds: ValueKind[]): ValueKind | undefined {
  return common(kinds.filter((k) => k === 'int' || k === 'float'));
}

const TWO_53 = 2n ** 53n;

function isExactDouble(n: bigint): boolean {
  return n <= TWO_53 && n >= -TWO_53;
}

/** Decimal digits of an integer; refuses a number that may already have been rounded. */
export function intDigits(value: number | bigint): string {
  if (typeof value === 'bigint') return value.toString();
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${value} is beyond 2^53 and may have been rounded; pass it as a bigint to write it exactly`);
  }
  return String(value);
}

/** A value as a double, refusing an integer a double would round. */
export function floatValue(value: number | bigint): number {
  if (typeof value === 'number') return value;
  if (!isExactDouble(value)) throw new Error(`${value} cannot be written as a float without rounding`);
  return Number(value);
}

/** Throws for what no format can carry: non-finite numbers, strings that are not valid Unicode. */
export function checkWritable(value: ParamValue): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`${value} is not a finite number`);
  }
  if (typeof value === 'string' && /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) {
    throw new Error('the string is not valid Unicode (it holds a lone surrogate)');
  }
  if (Array.isArray(value)) value.forEach(checkWritable);
  else if (value !== null && typeof value === 'object') Object.values(value).forEach(checkWritable);
}

/** `true` when two values are the same params value (numbers compare exactly across number/bigint). */
export function sameValue(a: unknown, b: unknown): boolean {
  return deepEqual(a, b, sameScalar);
}

function sameScalar(a: unknown, b: unknown): boolean {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    // Loose equality between a number and a bigint compares their exact mathematical values.
    return a == b;
  }
  return Object.is(a, b);
}
