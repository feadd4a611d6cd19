// `npm run fake-github -- <args>`: installs dependencies on a fresh clone (its output on stderr,
// so the base URL stays the first line of stdout), then runs tests/fake-github/cli.ts through
// tsx in this process; the CLI reads its arguments from process.argv as given.
import { ensureDependencies } from './env.mjs';

ensureDependencies({ toStderr: true });
const { register } = await import('tsx/esm/api');
register();
await import('../tests/fake-github/cli.ts');
