import type { DataObject, DataValue } from '../types';

/**
 * A mapping laid over another without copying it: what a generated stage adds (`item`, `key`,
 * stage `vars`) costs its own size, not the size of a large params.yaml below it.
 */
export function overlay(base: DataObject, top: DataObject = {}): DataObject {
  return Object.assign(Object.create(base) as DataObject, top);
}

/** A key of a mapping or of the layers below it; never a property of `Object.prototype`. */
export function layeredGet(obj: DataObject, key: string): DataValue | undefined {
  for (let layer: object | null = obj; layer && layer !== Object.prototype; layer = Object.getPrototypeOf(layer) as object | null) {
    if (Object.prototype.hasOwnProperty.call(layer, key)) return (layer as DataObject)[key];
  }
  return undefined;
}

/** The file each dotted leaf of a context came from, layered like the context itself. */
export class Origins {
  private readonly own = new Map<string, string>();

  constructor(private readonly below?: Origins) {}

  get(key: string): string | undefined {
    return this.own.get(key) ?? this.below?.get(key);
  }

  set(key: string, file: string): void {
    this.own.set(key, file);
  }
}
