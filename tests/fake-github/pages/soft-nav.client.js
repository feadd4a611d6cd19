// Served inline at the end of every fake GitHub page. It plays the two ways github.com moves
// between pages without a reload, firing the same document events GitHub does:
// - React navigation inside one app (the commit list's Newer/Older): URL pushed, the app's
//   rows replaced in place, then `soft-nav:start` … `soft-nav:end`, `soft-nav:react-done`;
// - Turbo visits to another page: `turbo:visit`, `turbo:before-fetch-request`, the whole
//   <body> swapped, then `turbo:render`, `turbo:load`.
// It also re-renders a row the way React does when its description is toggled: a brand-new
// <li> from the server's markup replaces the old one (so anything added to the old row is gone).
(() => {
  const ROW = 'li[data-testid="commit-row-item"]';
  const ROOT = '[data-target="react-app.reactRoot"]';
  const DATA = 'script[data-target="react-app.embeddedData"]';
  const pristine = new Map();
  const remember = (root) => root.querySelectorAll(ROW).forEach((li) => pristine.set(li.dataset.commitLink, li.outerHTML));
  const fire = (name, detail) => document.dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));
  const fetchDoc = async (url) => new DOMParser().parseFromString(await (await fetch(url, { headers: { accept: 'text/html' } })).text(), 'text/html');
  let shownPath = location.pathname;

  async function reactNavigate(url, push) {
    fire('soft-nav:start', { mechanism: 'react' });
    const doc = await fetchDoc(url);
    if (push) history.pushState({ softNav: 'react' }, '', url);
    const next = doc.querySelector(ROOT);
    remember(next);
    document.querySelector(ROOT).replaceChildren(...next.childNodes);
    document.querySelector(DATA).textContent = doc.querySelector(DATA).textContent;
    document.title = doc.title;
    shownPath = location.pathname;
    fire('soft-nav:end', { mechanism: 'react' });
    fire('soft-nav:react-done');
  }

  async function turboVisit(url, push) {
    fire('turbo:visit', { url });
    fire('turbo:before-fetch-request', { url });
    const doc = await fetchDoc(url);
    if (push) history.pushState({ softNav: 'turbo' }, '', url);
    remember(doc);
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
    shownPath = location.pathname;
    fire('turbo:render');
    fire('turbo:load');
  }

  function rerenderRow(li) {
    const template = document.createElement('template');
    template.innerHTML = pristine.get(li.dataset.commitLink);
    const fresh = template.content.firstElementChild;
    const expand = li.querySelector('[data-testid="commit-row-show-description-button"]').getAttribute('aria-expanded') !== 'true';
    fresh.querySelector('[data-testid="commit-row-show-description-button"]').setAttribute('aria-expanded', String(expand));
    fresh.querySelector('[data-testid="list-view-item-description"]').hidden = !expand;
    li.replaceWith(fresh);
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const toggle = event.target.closest('button[data-testid="commit-row-show-description-button"]');
    if (toggle) return rerenderRow(toggle.closest(ROW));
    const link = event.target.closest('a[href]');
    if (!link || link.origin !== location.origin) return;
    event.preventDefault();
    if (link.closest('nav[aria-label="Pagination"]')) void reactNavigate(link.href, true);
    else void turboVisit(link.href, true);
  });

  window.addEventListener('popstate', () => {
    if (location.pathname === shownPath && document.querySelector(ROOT)) void reactNavigate(location.href, false);
    else void turboVisit(location.href, false);
  });

  remember(document);
})();
