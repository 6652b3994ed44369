import { renderArticle } from './views/article.js';
import { renderOverview } from './views/overview.js';
import { renderSearch } from './views/search.js';
import { renderSignIn } from './views/sign-in.js';
import { getJson } from './lib/api.js';
import { html, mount } from './lib/html.js';
import { navigate, routeLinkClicks } from './lib/navigate.js';
import { signInHash, signOut, storedKey } from './lib/session.js';

// Hash routes keep the console a set of static files: #/, #/article/<id>, #/search?<query API parameters>, #/sign-in?then=<route>.
const view = document.getElementById('view');
const session = document.getElementById('session');
let cleanup;
let routeId = 0;

async function route() {
  const id = ++routeId;
  cleanup?.();
  cleanup = undefined;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  const article = /^\/article\/([^/]+)$/.exec(path);
  const section = article ? 'article' : path.startsWith('/search') ? 'search' : path === '/sign-in' ? 'sign-in' : 'overview';
  for (const link of document.querySelectorAll('[data-nav]')) link.classList.toggle('active', link.dataset.nav === section);
  document.body.dataset.view = section;
  window.scrollTo(0, 0);
  if (article) await renderArticle(view, decodeURIComponent(article[1]));
  else if (section === 'search') await renderSearch(view, new URLSearchParams(query));
  else if (section === 'sign-in') renderSignIn(view, new URLSearchParams(query));
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

/** True when the services will not let anyone without a key read articles (READ_API_KEYS is set). */
async function keyNeeded() {
  const access = await getJson('/api/access', { key: '' }).catch(() => undefined);
  return access?.articles === false;
}

function showSession() {
  mount(session, storedKey()
    ? html`<span class="muted">Signed in</span> <button type="button" class="link" id="sign-out">Sign out</button>`
    : html`<a href="${signInHash()}" id="sign-in-link">Sign in</a>`);
}

session.addEventListener('click', async (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('#sign-out')) return;
  signOut();
  // What is shown was read with the key: not ready until it is drawn again without.
  document.body.dataset.ready = '';
  showSession();
  // The button is gone: keep keyboard focus in the same place, on the link that replaced it.
  session.querySelector('#sign-in-link')?.focus();
  navigate((await keyNeeded()) ? signInHash('#/') : '#/');
});

window.addEventListener('newsflow:session', showSession);
routeLinkClicks(document);

window.addEventListener('hashchange', () => {
  document.body.dataset.ready = '';
  showSession();
  void route();
});

// Asked once per tab: a deployment whose reads need a key opens on the sign-in form.
void (async () => {
  showSession();
  if (!storedKey() && !location.hash.startsWith('#/sign-in') && (await keyNeeded())) navigate(signInHash());
  else await route();
})();
