import type { ServedOperation } from '../openapi/served';
import type { Repository, Store } from '../store';
import type { PermissionLevel, RepoPermission, TokenRecord } from '../tokens';
import { notFound, RestError } from './errors';

/**
 * Who may call what, as GitHub decides it. Sources: GitHub's docs (scopes-for-oauth-apps,
 * permissions-required-for-fine-grained-personal-access-tokens, "troubleshooting the REST API":
 * 404 instead of 403 where a 403 would reveal a private resource), the recorded
 * `x-accepted-oauth-scopes` values in tests/fixtures/github-api, and the observed answers
 * for fine-grained tokens on check runs
 * (tests/fixtures/github-api/rest-and-graphql-error-shapes.observed.json).
 */
export interface AccessRule {
  /** Role the token's user needs on the repository; absent for routes not on a repository. */
  role?: 'read' | 'write';
  /** `X-Accepted-OAuth-Scopes` as GitHub sends it for this route. */
  acceptedScopes: string;
  /** Scopes that also open a private repository for this route besides `repo`. */
  privateScopes?: string[];
  /** Fine-grained permission sets, any one of which suffices (`X-Accepted-GitHub-Permissions`). */
  permissions?: Array<[RepoPermission, PermissionLevel]>;
  /** Only GitHub App installation tokens may call it (creating and updating check runs). */
  appOnly?: boolean;
  /** Anonymous calls get 401 "Requires authentication". */
  authenticated?: boolean;
}

const read = (p: RepoPermission): Array<[RepoPermission, PermissionLevel]> => [[p, 'read']];
const write = (p: RepoPermission): Array<[RepoPermission, PermissionLevel]> => [[p, 'write']];

export const ACCESS: Record<ServedOperation, AccessRule> = {
  'GET /user': { acceptedScopes: '', authenticated: true },
  'GET /rate_limit': { acceptedScopes: '' },
  'GET /repos/{owner}/{repo}': { role: 'read', acceptedScopes: 'repo', permissions: read('metadata') },
  'GET /repos/{owner}/{repo}/git/ref/{ref}': { role: 'read', acceptedScopes: 'repo', permissions: read('contents') },
  'POST /repos/{owner}/{repo}/git/refs': { role: 'write', acceptedScopes: 'repo', permissions: write('contents') },
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}': { role: 'write', acceptedScopes: 'repo', permissions: write('contents') },
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': { role: 'read', acceptedScopes: 'repo', permissions: read('contents') },
  'GET /repos/{owner}/{repo}/contents/{path}': { role: 'read', acceptedScopes: '', permissions: read('contents') },
  'GET /repos/{owner}/{repo}/commits': { role: 'read', acceptedScopes: 'repo', permissions: read('contents') },
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/comments': { role: 'read', acceptedScopes: 'repo', permissions: read('contents') },
  'POST /repos/{owner}/{repo}/commits/{commit_sha}/comments': { role: 'read', acceptedScopes: 'repo', permissions: write('contents') },
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': { role: 'read', acceptedScopes: 'repo', permissions: read('pull_requests') },
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
    role: 'read',
    acceptedScopes: 'repo',
    permissions: [
      ['issues', 'read'],
      ['pull_requests', 'read'],
    ],
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
    role: 'read',
    acceptedScopes: 'repo',
    permissions: [
      ['issues', 'write'],
      ['pull_requests', 'write'],
    ],
  },
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
    role: 'read',
    acceptedScopes: 'repo',
    permissions: [
      ['issues', 'write'],
      ['pull_requests', 'write'],
    ],
  },
  'GET /repos/{owner}/{repo}/pulls': { role: 'read', acceptedScopes: 'repo', permissions: read('pull_requests') },
  // Opening a PR needs write access to its head branch, which here lives in the same repository.
  'POST /repos/{owner}/{repo}/pulls': { role: 'write', acceptedScopes: 'repo', permissions: write('pull_requests') },
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': { role: 'read', acceptedScopes: 'repo', permissions: read('pull_requests') },
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': { role: 'read', acceptedScopes: 'repo', permissions: read('checks') },
  'POST /repos/{owner}/{repo}/check-runs': { role: 'write', acceptedScopes: 'repo', permissions: write('checks'), appOnly: true },
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': { role: 'write', acceptedScopes: 'repo', permissions: write('checks'), appOnly: true },
  'GET /repos/{owner}/{repo}/commits/{ref}/status': {
    role: 'read',
    acceptedScopes: 'repo, repo:status',
    privateScopes: ['repo:status'],
    permissions: read('statuses'),
  },
  'GET /repos/{owner}/{repo}/commits/{ref}/statuses': {
    role: 'read',
    acceptedScopes: 'repo, repo:status',
    privateScopes: ['repo:status'],
    permissions: read('statuses'),
  },
  'GET /repos/{owner}/{repo}/actions/runs': { role: 'read', acceptedScopes: 'repo', permissions: read('actions') },
};

const SSO_DOCS = 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/';

export function acceptedPermissionsHeader(rule: AccessRule): string {
  return (rule.permissions ?? []).map(([p, level]) => `${p}=${level}`).join('; ');
}

function grants(have: PermissionLevel | undefined, need: PermissionLevel): boolean {
  return have === 'write' || (have === 'read' && need === 'read');
}

/**
 * Throws the RestError GitHub would answer when `token` may not call the route on `repo`;
 * returns normally when it may. The order follows GitHub: authentication, SSO, visibility of
 * the repository to the user, then the token's own limits (scopes or permissions).
 */
export function authorize(rule: AccessRule, method: string, token: TokenRecord | null, repo: Repository | undefined, store: Store): void {
  if (!token) {
    if (rule.authenticated || rule.appOnly || (rule.role && method !== 'GET')) throw new RestError(401, 'Requires authentication');
    if (repo && store.roleOf(repo, null) === null) throw notFound();
    return;
  }
  if (!repo || !rule.role) return;

  if (token.kind === 'sso' && token.organization.toLowerCase() === repo.owner.toLowerCase()) {
    throw new RestError(403, 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.', {
      documentationUrl: SSO_DOCS,
      headers: { 'x-github-sso': `required; url=${store.webBase}/orgs/${repo.owner}/sso?authorization_request=${Buffer.from(token.login).toString('hex')}` },
    });
  }

  const role = store.roleOf(repo, token.login);
  if (role === null || (rule.role === 'write' && role === 'read')) throw notFound();

  if (token.kind === 'classic' || token.kind === 'sso') {
    if (rule.appOnly) throw new RestError(403, 'You must authenticate via a GitHub App.');
    const writes = method !== 'GET';
    const accepted = repo.isPrivate ? ['repo', ...(writes ? [] : (rule.privateScopes ?? []))] : writes ? ['repo', 'public_repo'] : null;
    // A scope missing for a private repository, or for any write, is answered 404, never 403.
    if (accepted && !accepted.some((s) => token.scopes.includes(s))) throw notFound();
    return;
  }

  if (token.kind === 'fine-grained' || token.kind === 'app-user' || token.kind === 'installation') {
    if (token.repositories && !token.repositories.some((r) => r.toLowerCase() === `${repo.owner}/${repo.name}`.toLowerCase())) throw notFound();
    const isChecks = (rule.permissions ?? []).some(([p]) => p === 'checks');
    // Public repositories are readable without a permission, except check runs for fine-grained PATs.
    if (method === 'GET' && !repo.isPrivate && !(isChecks && token.kind === 'fine-grained')) return;
    if (rule.appOnly && token.kind !== 'installation') throw new RestError(403, 'You must authenticate via a GitHub App.');
    const ok = (rule.permissions ?? []).some(([p, level]) => grants(token.permissions[p], level));
    if (!ok) {
      const who = token.kind === 'fine-grained' ? 'personal access token' : 'integration';
      throw new RestError(403, `Resource not accessible by ${who}`, { headers: { 'x-accepted-github-permissions': acceptedPermissionsHeader(rule) } });
    }
  }
}
