import { authorize, type AccessRule } from '../rest/access';
import { RestError } from '../rest/errors';
import type { Repository } from '../store';
import type { Ctx } from './context';
import { GitHubError } from './errors';
import { parseNodeId } from './ids';

/**
 * Who may read or write a repository through GraphQL: the same rules as REST (rest/access.ts —
 * the user's role, the token's scopes, fine-grained permissions and repository list, SAML SSO),
 * since GitHub applies one permission model to both APIs. A repository the caller may not see is
 * answered as missing (`hidden`: GitHub's NOT_FOUND wording), never as forbidden. Any other
 * refusal is FORBIDDEN: with REST's message where REST has one ("Resource not accessible by
 * personal access token", the SAML text), else — a visible repository the viewer may not push
 * to — a sentence NOT captured from GitHub.
 */
const READ: AccessRule = { role: 'read', acceptedScopes: 'repo', permissions: [['metadata', 'read']] };
/** createCommitOnBranch and createRef write git data: Contents write, as REST's git/refs. */
const WRITE: AccessRule = { role: 'write', acceptedScopes: 'repo', permissions: [['contents', 'write']] };

function refusal(ctx: Ctx, repo: Repository, rule: AccessRule, method: string): RestError | undefined {
  try {
    authorize(rule, method, ctx.token, repo, ctx.store);
    return undefined;
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
}

function checkRepositoryAccess(ctx: Ctx, repo: Repository, need: 'read' | 'write', hidden: () => GitHubError): void {
  const read = refusal(ctx, repo, READ, 'GET');
  if (read) throw read.status === 404 ? hidden() : new GitHubError('FORBIDDEN', read.message);
  const write = need === 'write' ? refusal(ctx, repo, WRITE, 'POST') : undefined;
  if (write) {
    throw new GitHubError(
      'FORBIDDEN',
      write.status === 404 ? `${ctx.viewer.login} does not have permission to push to ${repo.owner}/${repo.name}.` : write.message,
    );
  }
}

/** A repository the viewer may `need` (read by default); one it may not see is NOT_FOUND, as a missing one. */
export function repositoryByNameWithOwner(ctx: Ctx, nameWithOwner: string, need: 'read' | 'write' = 'read'): Repository {
  const [owner, name] = nameWithOwner.split('/');
  const repo = owner && name ? ctx.store.repository(owner, name) : undefined;
  const missing = () => new GitHubError('NOT_FOUND', `Could not resolve to a Repository with the name '${nameWithOwner}'.`);
  if (!repo) throw missing();
  checkRepositoryAccess(ctx, repo, need, missing);
  return repo;
}

export function repositoryByNodeId(ctx: Ctx, id: string, need: 'read' | 'write'): Repository {
  const parsed = parseNodeId(id);
  const repo = parsed?.kind === 'R' ? ctx.store.repository(...(parsed.key.split('/') as [string, string])) : undefined;
  const missing = () => new GitHubError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  if (!repo) throw missing();
  checkRepositoryAccess(ctx, repo, need, missing);
  return repo;
}
