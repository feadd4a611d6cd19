/**
 * numpy's legacy `RandomState(seed)`: MT19937 seeded with `init_genrand(seed)` (numpy's
 * `_legacy_seeding` for an int seed) and its `random_interval` draw (masked rejection on 32-bit
 * outputs). Reproducing it exactly lets the fake hold out the very rows scikit-learn's
 * `train_test_split(random_state=0)` holds out in the sample's `src/evaluate.py`.
 */
export class RandomState {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`Seed must be between 0 and 2**32 - 1, got ${seed}`);
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      // 1812433253 * prev + i, in 32 bits without losing precision to doubles.
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  /** The next 32-bit output of the generator. */
  uint32(): number {
    if (this.index >= 624) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private twist(): void {
    for (let i = 0; i < 624; i++) {
      const y = (this.mt[i]! & 0x80000000) | (this.mt[(i + 1) % 624]! & 0x7fffffff);
      this.mt[i] = this.mt[(i + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }

  /** A uniform integer in [0, max] (numpy's `random_interval`, for max < 2**32). */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    for (const shift of [1, 2, 4, 8, 16]) mask |= mask >>> shift;
    mask >>>= 0;
    let value: number;
    do value = (this.uint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  /** `permutation(n)`: `arange(n)` shuffled by Fisher-Yates from the end, as numpy's `shuffle`. */
  permutation(n: number): number[] {
    const out = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.interval(i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}
