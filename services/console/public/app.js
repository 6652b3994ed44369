import { renderArticle } from './views/article.js';
import { renderOverview } from './views/overview.js';
import { renderSearch } from './views/search.js';
import { navigate, routeLinkClicks } from './lib/navigate.js';

// Hash routes keep the console a set of static files: #/, #/article/<id>, #/search?<query API parameters>.
const view = document.getElementById('view');
let cleanup;
let routeId = 0;

async function route() {
  const id = ++routeId;
  cleanup?.();
  cleanup = undefined;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  const article = /^\/article\/([^/]+)$/.exec(path);
  const section = article ? 'article' : path.startsWith('/search') ? 'search' : 'overview';
  for (const link of document.querySelectorAll('[data-nav]')) link.classList.toggle('active', link.dataset.nav === section);
  document.body.dataset.view = section;
  window.scrollTo(0, 0);
  if (article) await renderArticle(view, decodeURIComponent(article[1]));
  else if (section === 'search') await renderSearch(view, new URLSearchParams(query));
  else {
    const stop = await renderOverview(view);
    // The user may have navigated away while the overview was loading: stop its refresh loop at once.
    if (id === routeId) cleanup = stop;
    else stop();
  }
  if (id === routeId) document.body.dataset.ready = section;
}

document.getElementById('topsearch').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new FormData(event.target).get('q').trim();
  navigate(q ? `#/search?${new URLSearchParams({ q })}` : '#/search');
});

routeLinkClicks(document);

window.addEventListener('hashchange', () => {
  document.body.dataset.ready = '';
  void route();
});
void route();
