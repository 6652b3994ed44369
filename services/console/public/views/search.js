import { getJson } from '../lib/api.js';
import { formatHitTime } from '../lib/format.js';
import { html, mount } from '../lib/html.js';
import { markedText } from '../lib/marked-text.js';
import { navigate } from '../lib/navigate.js';
import { signInHint } from '../lib/session.js';

const FILTERS = ['entity', 'entityType', 'place', 'near', 'radiusKm', 'country', 'from', 'to', 'source', 'lang', 'weather', 'cluster'];
const ENTITY_TYPES = ['', 'person', 'organization', 'place', 'event', 'date'];

function linkWith(params, changes) {
  const next = new URLSearchParams(params);
  next.delete('cursor');
  for (const [name, value] of Object.entries(changes)) (value === undefined ? next.delete(name) : next.set(name, value));
  return `#/search?${next}`;
}

function facetList(title, items, param, params, testid) {
  if (!items?.length) return '';
  return html`
    <div class="facet" data-testid="${testid}"><h3>${title}</h3><ul>${items.map((f) => html`
      <li class="${params.get(param) === f.id ? 'active' : ''}"><a href="${linkWith(params, { [param]: f.id })}" data-facet-id="${f.id}">
        ${f.type || param === 'place' ? html`<span class="swatch ent-${f.type ?? 'place'}"></span>` : ''}${f.name ?? f.id}</a><span class="count">${f.count}</span></li>`)}
    </ul></div>`;
}

/** Active filters as removable chips; once facets are known, an id is shown by its name ("Valdecy Urquiza", not person:valdecy-urquiza). */
function filterChips(params, active, facets) {
  const named = new Map(facets ? [...facets.entities, ...facets.places, ...facets.sources].map((f) => [f.id, f.name ?? f.id]) : []);
  return active.map((name) => html`<a class="chip" href="${linkWith(params, { [name]: undefined })}" title="remove this filter">${name}: ${named.get(params.get(name)) ?? params.get(name)} ✕</a>`);
}

const text = (value) => (typeof value === 'string' ? value : undefined);

/**
 * With `q`, the indexer marks the words that matched: in the headline, the summary and a few body
 * passages. Each piece is isolated (<bdi>) so right-to-left text, or a stray direction override in
 * a story, cannot reorder what surrounds it; a field of the wrong type is left out, not fatal.
 */
function resultItem(item) {
  const marks = item.highlights && typeof item.highlights === 'object' ? item.highlights : {};
  const fragments = Array.isArray(marks.body) ? marks.body.filter((f) => typeof f === 'string') : [];
  return html`
    <li class="result" data-article-id="${item.id}">
      <a class="result-title" href="#/article/${encodeURIComponent(item.id)}"><bdi>${text(marks.headline) ? markedText(marks.headline) : item.headline}</bdi></a>
      ${text(marks.summary) ? html`<p><bdi>${markedText(marks.summary)}</bdi></p>` : item.summary ? html`<p><bdi>${item.summary}</bdi></p>` : ''}
      ${fragments.length ? html`<p class="snippet" data-testid="snippet">${fragments.map((fragment, i) => html`${i ? ' · ' : ''}<bdi>${markedText(fragment)}</bdi>`)}</p>` : ''}
      <p class="muted small">${item.sourceId} · ${formatHitTime(item)}${item.primaryLocation ? html` · ${item.primaryLocation.name}` : ''} · weather ${item.weatherStatus}${typeof item.score === 'number' ? html` · score ${item.score.toFixed(2)}` : ''}</p>
    </li>`;
}

export async function renderSearch(view, params) {
  const active = FILTERS.filter((name) => params.has(name));
  mount(view, html`
    <section class="page-head"><div><h1>Search</h1><p class="muted">BM25 over headline, summary and body, filtered and faceted by the indexer.</p></div></section>
    <form class="card search-form" id="search-form">
      <input type="search" name="q" value="${params.get('q') ?? ''}" placeholder="Words to find" aria-label="Words to find">
      <select name="entityType" aria-label="Entity type">${ENTITY_TYPES.map((t) => html`<option value="${t}" ${params.get('entityType') === t ? 'selected' : ''}>${t || 'any entity type'}</option>`)}</select>
      <select name="sort" aria-label="Sort">${['', 'relevance', 'time'].map((s) => html`<option value="${s}" ${params.get('sort') === s ? 'selected' : ''}>${s ? `by ${s}` : 'best order'}</option>`)}</select>
      <button>Search</button>
    </form>
    <p class="filters" id="filters">${filterChips(params, active)}</p>
    <div class="search-layout"><div id="results"><p class="muted">Searching…</p></div><aside class="card facets" id="facets"></aside></div>`);
  view.querySelector('#search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const changes = Object.fromEntries(['q', 'entityType', 'sort'].map((name) => [name, String(form.get(name) ?? '').trim() || undefined]));
    navigate(linkWith(params, changes));
  });
  const query = new URLSearchParams(params);
  if (!query.has('limit')) query.set('limit', '20');
  if (query.get('q') && !query.has('highlight')) query.set('highlight', 'true');
  let page;
  try {
    page = await getJson(`/api/search?${query}`);
  } catch (error) {
    mount(view.querySelector('#results'), html`<div class="card"><p class="error" data-testid="search-error">${error.parameter && !error.message.startsWith(`${error.parameter}:`) ? html`<strong>${error.parameter}</strong>: ` : ''}${error.message}${signInHint(error)}</p></div>`);
    return;
  }
  mount(view.querySelector('#results'), html`
    <div class="card"><p class="muted small" data-testid="result-count">${page.total} ${page.total === 1 ? 'article' : 'articles'}</p>
      ${page.items.length ? html`<ol class="results" data-testid="results">${page.items.map(resultItem)}</ol>` : html`<p class="empty">Nothing matches.</p>`}
      ${page.nextCursor ? html`<p><a class="button" href="${`#/search?${new URLSearchParams({ ...Object.fromEntries(params), cursor: page.nextCursor })}`}">Next page →</a></p>` : ''}
    </div>`);
  mount(view.querySelector('#filters'), filterChips(params, active, page.facets));
  mount(view.querySelector('#facets'), html`
    ${facetList('People, organisations, events', page.facets.entities, 'entity', params, 'facet-entities')}
    ${facetList('Places', page.facets.places, 'place', params, 'facet-places')}
    ${facetList('Sources', page.facets.sources, 'source', params, 'facet-sources')}`);
}
