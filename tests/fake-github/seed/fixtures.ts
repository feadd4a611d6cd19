import { join } from 'node:path';
import { DVC_FIXTURES } from '../../shared-fixtures';

export const EXAMPLE_GET_STARTED = join(DVC_FIXTURES, 'iterative__example-get-started');
