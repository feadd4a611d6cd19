/**
 * The branches runs created, by run id. A commit is recognised on GitHub by its run trailer, but
 * a branch created at the start commit carries no mark: when a run stops after creating its
 * branch (the commit refused for a rate limit, say), its retry asks here whether that branch is
 * its own, and only then continues on it. Any other existing branch is refused.
 */
export interface RunLedger {
  branchOf(runId: string): Promise<string | undefined>;
  recordBranch(runId: string, branch: string): Promise<void>;
}

/** A ledger that lives as long as the process (tests; the background keeps its own in session storage). */
export function memoryLedger(): RunLedger {
  const branches = new Map<string, string>();
  return {
    branchOf: async (runId) => branches.get(runId),
    recordBranch: async (runId, branch) => void branches.set(runId, branch),
  };
}
