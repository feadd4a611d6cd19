import type { CiOptions, ResultsMode } from './runner';

/** `--ci`, `--ci-results pr|commit`, `--ci-timing <queuedMs>,<runMs>` of the fake's command, as startFakeGitHub's `ci` option. */
export function ciOptionsFromFlags(flags: { ci: boolean; 'ci-results'?: string; 'ci-timing'?: string }): CiOptions | false {
  if (!flags.ci) {
    if (flags['ci-results'] !== undefined || flags['ci-timing'] !== undefined) throw new Error('--ci-results and --ci-timing need --ci');
    return false;
  }
  const options: CiOptions = {};
  const results = flags['ci-results'];
  if (results !== undefined) {
    if (results !== 'pr' && results !== 'commit') throw new Error(`--ci-results is pr or commit, got '${results}'`);
    options.results = results satisfies ResultsMode;
  }
  const timing = flags['ci-timing'];
  if (timing !== undefined) {
    const m = /^(\d+),(\d+)$/.exec(timing);
    if (!m) throw new Error(`--ci-timing is <queuedMs>,<runMs>, got '${timing}'`);
    options.timing = { queuedMs: Number(m[1]), runMs: Number(m[2]) };
  }
  return options;
}
