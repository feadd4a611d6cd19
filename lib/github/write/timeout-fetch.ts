/**
 * A fetch that gives up after `ms` (a request that also carries its own signal ends at whichever
 * comes first). A write whose answer is that late has an unknown outcome, which the write
 * protocol settles by reading back; waiting on indefinitely would only leave the user hanging.
 */
export function fetchWithTimeout(base: typeof fetch, ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    return base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
