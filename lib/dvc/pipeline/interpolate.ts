import { flattenLeaves } from '../flatten';
import { layeredGet } from './layers';
import { numberStr } from '../python/python-float';
import { isObject, type DataObject, type DataValue } from '../types';

/** A `${...}` that cannot be resolved; DVC refuses the whole dvc.yaml then. */
export class ResolveError extends Error {}

interface Span {
  start: number;
  end: number;
  inner: string;
}

/**
 * The `${...}` spans of a string as DVC's KEYCRE (`(?<!\\)\${(?P<inner>.*?)}`) finds them, found in
 * linear time: once no `}` follows a `${`, none can follow a later one.
 */
function spans(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('${', from);
    if (start < 0) return out;
    if (start > 0 && text[start - 1] === '\\') {
      from = start + 2;
      continue;
    }
    const close = text.indexOf('}', start + 2);
    if (close < 0) return out;
    out.push({ start, end: close + 1, inner: text.slice(start + 2, close) });
    from = close + 1;
  }
}

const NAME = /^[^.[\]\s${}]+$/;

/** Told of every value a `${...}` took from the context, by its dotted path (`models.0.name`). */
export type Tracker = (path: string, value: DataValue) => void;

/** Looks a key like `train.lr`, `item.x` or `models[0].name` up in the context. */
export function lookup(context: DataObject, expression: string, track?: Tracker): DataValue {
  const expr = expression.trim();
  const segments: (string | number)[] = [];
  for (const part of expr.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match || (match[1] === '' && segments.length === 0) || (match[1] !== '' && !NAME.test(match[1]!))) {
      throw new ResolveError(`invalid interpolation key '${expression}'`);
    }
    if (match[1] !== '') segments.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  let node: DataValue | undefined = context;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      node = typeof segment === 'number' || /^\d+$/.test(segment) ? node[Number(segment)] : undefined;
    } else if (isObject(node)) {
      // The context itself is layered (see layers.ts); the values in it are plain.
      node = node === context ? layeredGet(node, String(segment)) : Object.prototype.hasOwnProperty.call(node, segment) ? node[String(segment)] : undefined;
    } else {
      node = undefined;
    }
    if (node === undefined) throw new ResolveError(`could not find '${expr}'`);
  }
  track?.(segments.join('.'), node as DataValue);
  return node as DataValue;
}

/** `dvc.parsing.interpolate.to_str` for the scalar types DVC lets into a string. */
export function toStr(value: DataValue): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberStr(value);
  if (value === null) return 'None';
  if (typeof value === 'string') return value;
  throw new ResolveError(`cannot interpolate data of type '${Array.isArray(value) ? 'list' : 'dict'}'`);
}

export interface Resolution {
  track?: Tracker;
  /** In `cmd`, DVC writes a mapping as command-line options (`--lr 0.1 --flag`). */
  unpackDicts?: boolean;
}

/** `to_str` of a mapping in `cmd`: dotted leaves as options, `true` as a bare flag, lists as several values. */
function asOptions(value: DataObject): string {
  const parts: string[] = [];
  for (const { key, value: v } of flattenLeaves(value)) {
    if (v === true) parts.push(`--${key}`);
    else if (Array.isArray(v)) parts.push(`--${key}`, ...v.map(toStr));
    else if (v !== false) parts.push(`--${key}`, toStr(v));
  }
  return parts.join(' ');
}

/** A string with its `${...}` resolved: a string that is one `${...}` keeps the value's type. */
export function interpolate(text: string, context: DataObject, how: Resolution = {}): DataValue {
  const found = spans(text);
  if (found.length === 0) return text.replaceAll('\\${', '${');
  if (found.length === 1 && found[0]!.start === 0 && found[0]!.end === text.length) {
    return lookup(context, found[0]!.inner, how.track);
  }
  let out = '';
  let at = 0;
  for (const span of found) {
    const value = lookup(context, span.inner, how.track);
    const shown = how.unpackDicts && isObject(value) ? asOptions(value) : toStr(value);
    out += text.slice(at, span.start).replaceAll('\\${', '${') + shown;
    at = span.end;
  }
  return out + text.slice(at).replaceAll('\\${', '${');
}

/** Resolves every string of a structure, mapping keys included, as DVC's `Context.resolve` does. */
export function resolveDeep(value: DataValue, context: DataObject, how: Resolution = {}): DataValue {
  if (typeof value === 'string') return interpolate(value, context, how);
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, context, how));
  if (isObject(value)) {
    const out: DataObject = {};
    for (const [k, v] of Object.entries(value)) out[toStr(interpolate(k, context, how))] = resolveDeep(v, context, how);
    return out;
  }
  return value;
}
