import { fileURLToPath } from 'node:url';

/** The shared real-project fixtures (`/work/shared/fixtures` beside every worktree). */
export const FIXTURES_DVC = fileURLToPath(new URL('../../../../shared/fixtures/dvc/', import.meta.url));
export const EXAMPLE_GET_STARTED = `${FIXTURES_DVC}iterative__example-get-started`;
