/**
 * Concurrent callers asking for the same key share one pending promise; once it settles the key
 * is free again (a failure is not remembered, so the next caller tries afresh).
 */
export class SingleFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  run(key: string, start: () => Promise<T>): Promise<T> {
    let promise = this.pending.get(key);
    if (!promise) {
      promise = start().finally(() => this.pending.delete(key));
      this.pending.set(key, promise);
    }
    return promise;
  }
}
