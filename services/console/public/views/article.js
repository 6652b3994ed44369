import { getJson } from '../lib/api.js';
import { formatTemperature, formatTime, localWeekdayTime } from '../lib/format.js';
import { externalUrl, html, mount } from '../lib/html.js';
import { highlightField } from '../lib/highlight.js';
import { signInHint } from '../lib/session.js';
import { weatherIcon } from '../lib/weather-icons.js';
import { stageChips } from './stage-chips.js';

const TYPE_LABELS = { person: 'People', organization: 'Organisations', place: 'Places', event: 'Events', date: 'Dates' };

function weatherStrip(weather) {
  if (!weather) return '';
  if (weather.status !== 'attached') {
    return html`<aside class="card weather" data-testid="weather" data-status="${weather.status}"><h2>Weather</h2>
      <p class="muted">No weather: ${weather.status}${weather.reason ? html` (${weather.reason})` : ''}</p></aside>`;
  }
  const unit = weather.units?.temperature === 'fahrenheit' ? '°F' : '°C';
  const c = weather.current;
  return html`
    <aside class="card weather" data-testid="weather" data-status="attached">
      <header class="weather-head"><h2>${weather.location?.name ?? 'Weather'}</h2><span class="muted small">${weather.location?.timezone ?? ''}</span></header>
      ${c ? html`<div class="weather-now" data-testid="weather-current">
        ${weatherIcon(c.icon, c.condition, 56)}
        <div><div class="temp"><span data-testid="current-temperature">${formatTemperature(c.temperature)}</span><span class="deg">${unit}</span></div>
          <div class="cond" data-testid="current-condition">${c.condition}</div>
          <div class="muted small" data-testid="current-time">${localWeekdayTime(c.localTime)}</div></div>
      </div>` : ''}
      <ol class="forecast" data-testid="forecast">${(weather.daily ?? []).map((d) => html`
        <li data-date="${d.date}"><span class="wd">${d.weekday}</span>${weatherIcon(d.icon, d.condition, 30)}
          <span class="hi">${formatTemperature(d.temperatureMax)}°</span><span class="lo">${formatTemperature(d.temperatureMin)}°</span>
          <span class="cond small">${d.condition}</span></li>`)}
      </ol>
      <p class="muted tiny" data-testid="weather-credit">${weather.kind === 'observed' ? 'Observed · ' : ''}${weather.attribution
        ? html`<a href="${externalUrl(weather.attribution.url) ?? '#'}" rel="noopener" target="_blank">${weather.attribution.text}</a> (${weather.attribution.licence})`
        : (weather.provider ?? '')}${weather.fetchedAt ? html` · fetched ${formatTime(weather.fetchedAt)}` : ''}${weather.backfilledAt ? ' · backfilled' : ''}</p>
    </aside>`;
}

function locationCard(location) {
  if (!location) return html`<aside class="card"><h2>Primary location</h2><p class="muted">None found.</p></aside>`;
  return html`
    <aside class="card location" data-testid="primary-location">
      <h2>Primary location</h2>
      <p class="place"><a href="#/search?${new URLSearchParams(location.entityId ? { place: location.entityId } : { near: `${location.lat},${location.lon}` })}">${location.name}</a>${location.countryCode ? html` <span class="pill">${location.countryCode}</span>` : ''}</p>
      <p class="muted small">${location.lat.toFixed(4)}, ${location.lon.toFixed(4)} · confidence ${Math.round(location.confidence * 100)}% · from ${location.reason}</p>
    </aside>`;
}

function entityList(entities) {
  const byType = Object.keys(TYPE_LABELS).map((type) => [type, entities.filter((e) => e.type === type).sort((a, b) => b.salience - a.salience)]);
  return html`
    <aside class="card entities" data-testid="entities"><h2>In this story</h2>
      ${byType.filter(([, list]) => list.length).map(([type, list]) => html`
        <h3 class="ent-heading"><span class="swatch ent-${type}"></span>${TYPE_LABELS[type]}</h3>
        <ul class="entity-list">${list.map((e) => html`
          <li><a class="ent-link" href="#/search?entity=${encodeURIComponent(e.id)}" data-entity-id="${e.id}">${e.name}</a>
            <span class="muted small">${e.mentionCount}×${e.titles?.length ? html` · ${e.titles.join(', ')}` : ''}</span></li>`)}
        </ul>`)}
    </aside>`;
}

export async function renderArticle(view, id) {
  mount(view, html`<p class="muted">Loading article…</p>`);
  let found;
  try {
    found = await getJson(`/api/articles/${encodeURIComponent(id)}`);
  } catch (error) {
    mount(view, html`<section class="card"><h1>Article not available</h1><p class="error">${error.message}${signInHint(error)}</p><p><a href="#/">Back to the pipeline</a></p></section>`);
    return;
  }
  const { article: doc, status } = found;
  if (!doc) {
    mount(view, html`<section class="card"><h1>Not in the index yet</h1><p>Ingest has article <code>${id}</code>, version ${status.version}:</p>
      <p>${stageChips(status)}</p>${status.failure ? html`<p class="error">${status.failure.stage}: ${status.failure.code} — ${status.failure.message}</p>` : ''}</section>`);
    return;
  }
  const { article, enrichment, weather } = doc;
  const entities = enrichment?.entities ?? [];
  const legend = Object.entries(TYPE_LABELS).filter(([type]) => entities.some((e) => e.type === type));
  const url = article.url ? externalUrl(article.url) : undefined;
  mount(view, html`
    <div class="article-layout">
      <article class="story card" data-testid="article" data-article-id="${article.id}">
        <p class="kicker">${article.source?.name ?? article.source?.id}${article.dateline ? html` · ${article.dateline}` : ''}</p>
        <h1 class="headline" data-testid="headline">${highlightField(article.headline, entities, 'headline')}</h1>
        ${article.summary ? html`<p class="standfirst">${article.summary}</p>` : ''}
        <p class="byline muted small">${article.byline ? html`${article.byline} · ` : ''}Published ${formatTime(article.publishedAt)}
          · version ${doc.version} · ${article.language}${url ? html` · <a href="${url}" rel="noopener noreferrer" target="_blank">original</a>` : ''}</p>
        <div class="legend">${legend.map(([type, label]) => html`<span class="ent ent-${type}">${label}</span>`)}</div>
        <div class="body" data-testid="body">${highlightField(article.body, entities, 'body')}</div>
        <footer class="story-foot"><h2>Pipeline</h2>${stageChips(status)}
          <p class="muted small">Indexed ${formatTime(doc.indexedAt)}${article.storyClusterId && article.storyClusterId !== article.id ? html` · <a href="#/search?cluster=${encodeURIComponent(article.storyClusterId)}">same story elsewhere</a>` : ''}</p></footer>
      </article>
      <div class="rail">${weatherStrip(weather)}${locationCard(enrichment?.primaryLocation)}${entityList(entities)}</div>
    </div>`);
}
