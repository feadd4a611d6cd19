/**
 * An integer as readers report it: a number while a double holds it exactly, a bigint beyond
 * 2^53 (Python's ints, JSON and TOML integers are exact; a rounded value would be a different param).
 */
export function exactInt(n: bigint): number | bigint {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}
