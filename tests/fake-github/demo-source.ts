import { memorySource } from './pages/memory-source';
import type { PageSource } from './pages/source';
import { sampleMemoryRepo } from './sample-repo';

export const DEMO_OWNER = 'commit-lab';
export const DEMO_REPO = 'iris-lab';

/**
 * The PageSource behind `npm run demo`: the sample project of `sample/`. This is the one place
 * to swap in the git-backed source once the seeder turns `sample/` into a real repository.
 */
export async function demoSource(): Promise<PageSource> {
  return memorySource([sampleMemoryRepo(DEMO_OWNER, DEMO_REPO)], 'dana-ml');
}
