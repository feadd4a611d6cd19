import { PipelineError } from './dvc-yaml-schema';
import type { DataValue } from '../types';

/**
 * Work one dvc.yaml may cost to resolve, in values produced. A 1 MiB file can still ask for far
 * more (a `foreach` of 10 000 items over a large body, a large mapping unpacked into every
 * `cmd`); DVC would grind through it, we refuse it with a problem instead of hanging a page.
 */
const RESOLVE_BUDGET = 1_000_000;

export class Budget {
  constructor(private left = RESOLVE_BUDGET) {}

  spend(units: number): void {
    this.left -= units;
    if (this.left < 0) throw new PipelineError(`resolves to more than ${RESOLVE_BUDGET} values (foreach/matrix or interpolation too large)`);
  }
}

const weights = new WeakMap<object, number>();

/** How many values a structure holds (strings weigh by length too); counted once per object. */
export function weight(value: DataValue): number {
  if (typeof value === 'string') return 1 + Math.floor(value.length / 64);
  if (value === null || typeof value !== 'object') return 1;
  const known = weights.get(value);
  if (known !== undefined) return known;
  let total = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) total += weight(child);
  weights.set(value, total);
  return total;
}
