import type { RowsRequest, RowsResult } from '../../lib/experiments/types';

/**
 * TEMPORARY until part 1's `rowsFor` (issue 13) is merged: the background has no rows to give,
 * and the overlay says so in its header line. Replaced by the real wiring at that merge.
 */
export function rowsOfPage(request: RowsRequest): Promise<RowsResult> {
  return Promise.reject(new Error(`experiment rows for ${request.repo.owner}/${request.repo.name} are not built yet (part 1 pending)`));
}
