/**
 * What a token cannot do, in words for the options page. Classic tokens say their scopes in
 * `X-OAuth-Scopes` on every answer; fine-grained and App tokens say nothing until a 403 names the
 * permission it needed in `x-accepted-github-permissions` (GitHub's "permissions required for
 * fine-grained personal access tokens").
 */

/** Commit Lab reads and writes repositories: `repo`, or `public_repo` for public ones only. */
export function lacksOfScopes(scopesHeader: string): string[] {
  const scopes = scopesHeader
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (scopes.includes('repo')) return [];
  if (scopes.includes('public_repo')) return ['cannot read or write private repositories: the token has public_repo, not repo'];
  return ['cannot read private repositories or write to any: the token has neither repo nor public_repo'];
}

const RESOURCES: Record<string, string> = {
  checks: 'check runs',
  statuses: 'commit statuses',
  contents: 'repository contents',
  pull_requests: 'pull requests',
  actions: 'workflow runs',
  workflows: 'workflow files',
  issues: 'issues',
  metadata: 'repository metadata',
};

/** What Commit Lab does without it, where it can do without. */
const FALLBACKS: Record<string, string> = {
  checks: 'CI status comes from workflow runs',
};

/**
 * Words for the permissions a 403 named (`x-accepted-github-permissions`, e.g. `checks=read`):
 * "cannot read check runs: CI status comes from workflow runs". Any one of them would do.
 */
export function lacksOfPermissions(needed: string[]): string {
  const named = needed.map((pair) => {
    const [name = '', level = 'read'] = pair.trim().split('=');
    return { name, words: `${level === 'read' ? 'read' : 'change'} ${RESOURCES[name] ?? name.replace(/_/g, ' ')}` };
  });
  const fallbacks = named.flatMap((n) => FALLBACKS[n.name] ?? []);
  return `cannot ${named.map((n) => n.words).join(' or ') || 'do this'}${fallbacks.length ? `: ${fallbacks.join('; ')}` : ''}`;
}
