import { storage } from 'wxt/utils/storage';
import type { RunLedger } from '../../lib/experiments/write/run-ledger';

/**
 * The branches commit runs created, in `storage.session`: it outlives the service worker being
 * stopped and woken between a run and its retry, and ends with the browser session.
 */
const branches = storage.defineItem<Record<string, string>>('session:commitRunBranches', { fallback: {} });

export const sessionRunLedger: RunLedger = {
  branchOf: async (runId) => {
    const all = await branches.getValue();
    return Object.hasOwn(all, runId) ? all[runId] : undefined;
  },
  recordBranch: async (runId, branch) => branches.setValue({ ...(await branches.getValue()), [runId]: branch }),
};
