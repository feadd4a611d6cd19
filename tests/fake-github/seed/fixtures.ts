import { join } from 'node:path';
import { DVC_FIXTURES } from '../../fixture-paths';

export const EXAMPLE_GET_STARTED = join(DVC_FIXTURES, 'iterative__example-get-started');
export const EXAMPLE_GET_STARTED_EXPERIMENTS = join(DVC_FIXTURES, 'iterative__example-get-started-experiments');
