import type { FakeRequest, Handler } from '../server';
import { commitsPage } from './commits-page';
import { htmlResponse } from './html';
import { layout } from './layout';
import { PAGE_SIZE, positionOf } from './paging';
import { pullCommitsPage } from './pull-commits-page';
import { repoPage } from './repo-page';
import type { PageSource } from './source';

/**
 * github.com's HTML for the pages the extension works on, answered from a PageSource:
 * `/<o>/<r>`, `/<o>/<r>/commits[/<ref>[/<path>]]`, `/<o>/<r>/pull/<n>/commits`. Unknown
 * repositories, refs and pull requests get GitHub's 404; other paths are left to later handlers.
 */
export function pagesHandler(source: PageSource): Handler {
  const page = (title: string, main: string, repo?: string, status = 200) =>
    htmlResponse(layout({ title, viewerLogin: source.viewerLogin, main, ...(repo ? { repo } : {}) }), status);
  const notFound = () => page('Page not found · GitHub', '<h1>404</h1><p>This is not the web page you are looking for.</p>', undefined, 404);

  return async (req: FakeRequest) => {
    if (req.site !== 'web' || req.method !== 'GET') return undefined;
    const parts = req.path
      .split('/')
      .slice(1)
      .filter((p) => p !== '')
      .map(decodeURIComponent);
    const [owner, name, section, ...rest] = parts;
    if (!owner || !name) return undefined;
    const known = section === undefined || section === 'commits' || (section === 'pull' && rest[1] === 'commits' && rest.length === 2);
    if (!known) return undefined;
    const repo = await source.repository(owner, name);
    if (!repo) return notFound();
    const full = `${repo.owner}/${repo.name}`;

    if (section === undefined) return page(full, repoPage(repo), full);

    if (section === 'pull') {
      const pull = /^[1-9]\d*$/.test(rest[0]!) ? await source.pullRequest(repo.owner, repo.name, Number(rest[0])) : undefined;
      if (!pull) return notFound();
      return page(`${pull.title} by ${source.viewerLogin ?? 'someone'} · Pull Request #${pull.number} · ${full}`, pullCommitsPage(repo, pull), full);
    }

    const ref = await source.resolveRef(repo.owner, repo.name, rest.length ? rest.join('/') : repo.defaultBranch);
    if (!ref) return notFound();
    const position = positionOf(req.url.searchParams);
    const tip = position.tip ?? ref.oid;
    const history = await source.history({ owner: repo.owner, name: repo.name, oid: tip, path: ref.path, offset: position.offset, limit: PAGE_SIZE });
    return page(`Commits · ${full}`, commitsPage({ repo, ref, tip, offset: position.offset, history }), full);
  };
}
