import { getJson } from '../lib/api.js';
import { formatCount, formatRate, formatTime, timeAgo } from '../lib/format.js';
import { html, mount } from '../lib/html.js';
import { navigate } from '../lib/navigate.js';
import { signInHint } from '../lib/session.js';
import { chartData, createLiveChart } from './live-chart.js';
import { stageChips } from './stage-chips.js';
import { STAGE_ROLES } from './stage-colors.js';

function serviceCard(s) {
  const health = s.health?.status ?? 'unknown';
  const checks = Object.entries(s.health?.checks ?? {});
  const t = s.totals;
  return html`
    <article class="card service stage-${s.stage}" data-service="${s.stage}" data-health="${health}">
      <header class="service-head">
        <div><h3>${s.stage}</h3><p class="muted small">${STAGE_ROLES[s.stage]}</p></div>
        <span class="badge badge-${health}" data-testid="health">${health === 'up' ? 'healthy' : health}</span>
      </header>
      <div class="service-rate"><span class="big" data-testid="throughput">${formatRate(s.throughputPerSecond)}</span><span class="unit">msg/s now</span>
        <span class="muted small">peak <span data-testid="peak">${formatRate(s.peakPerSecond)}</span></span></div>
      <dl class="stats">
        <div><dt>published</dt><dd data-testid="produced">${formatCount(t?.produced)}</dd></div>
        <div><dt>handled</dt><dd>${formatCount(t?.consumed)}</dd></div>
        <div><dt>lag</dt><dd data-testid="lag">${formatCount(t?.lag)}</dd></div>
        <div class="${t?.parked ? 'alert' : ''}"><dt title="messages on the dead-letter topic now">parked</dt><dd data-testid="dead-letters">${formatCount(t?.parked)}</dd></div>
      </dl>
      <div class="checks">${checks.map(([name, status]) => html`<span class="check check-${status}">${name}</span>`)}</div>
      ${s.health?.error ? html`<p class="error small">${s.health.error}</p>` : ''}
      ${s.health?.metricsError ? html`<p class="error small">metrics: ${s.health.metricsError}</p>` : ''}
    </article>`;
}

function deadLetterTable(stages) {
  return html`
    <table class="table compact" data-testid="dead-letter-table">
      <thead><tr><th>stage</th><th>topic</th><th class="num" title="on the topic now, whenever parked">parked now</th><th class="num" title="since the service started">dead-lettered</th><th class="num" title="since the service started">failed attempts</th><th></th></tr></thead>
      <tbody>${stages.map((s) => html`
        <tr class="${s.totals?.parked ? 'alert' : ''}" data-stage="${s.stage}"><td>${s.stage}</td><td><code>news.deadletter.${s.stage}.v1</code></td>
          <td class="num" data-testid="parked">${formatCount(s.totals?.parked)}</td><td class="num">${formatCount(s.totals?.deadLettered)}</td><td class="num">${formatCount(s.totals?.failed)}</td>
          <td><button class="link" type="button" data-dlq-stage="${s.stage}">show</button></td></tr>`)}
      </tbody>
    </table>
    <p class="muted small">Parked now is what each dead-letter topic holds (sampled from the broker every 10 s; a purge empties it). Dead-lettered and failed attempts count since each service started. <strong>show</strong> lists them with ingest's admin key (sign in with it). Inspect and replay with <code>npm run dlq -- list --stage &lt;stage&gt;</code> or ingest's <code>/v1/admin/dead-letters/&lt;stage&gt;</code> (see docs/runbook.md).</p>`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function showDeadLetters(panel, stage) {
  mount(panel, html`<p class="muted small">Reading news.deadletter.${stage}.v1…</p>`);
  try {
    const list = await getJson(`/api/dead-letters/${encodeURIComponent(stage)}?latest=20`);
    mount(panel, html`
      <h3 class="dlq-title">Newest parked on ${stage} <span class="muted small">(${list.read}${list.truncated ? '+' : ''} on the topic)</span></h3>
      ${list.deadLetters.length ? html`<ol class="dlq-list" data-testid="dead-letter-list" data-stage="${stage}">${list.deadLetters.map((d) => html`
        <li data-key="${d.key ?? ''}"><div><span class="pill bad">${d.errorCode ?? 'unknown'}</span>
          ${d.key && UUID.test(d.key) ? html`<a href="#/article/${d.key}">${d.key}</a>` : html`<code>${d.key ?? 'no key'}</code>`}
          <span class="muted small">${d.failedAt ? timeAgo(d.failedAt) : ''} · ${d.partition}:${d.offset}</span></div>
          <p class="small clamp" title="${d.errorMessage ?? ''}">${d.errorMessage ?? ''}</p>
          <code class="small">npm run dlq -- replay --stage ${stage} --partition ${d.partition} --offset ${d.offset}</code></li>`)}</ol>`
        : html`<p class="empty">Nothing parked.</p>`}`);
  } catch (error) {
    mount(panel, html`<p class="error small" data-testid="dead-letter-error">${error.message}${signInHint(error)}</p>`);
  }
}

function recentTable(recent) {
  if (!recent.items.length) return html`<p class="empty">No article has reached the index yet.</p>`;
  return html`
    <table class="table" data-testid="recent-articles">
      <thead><tr><th>headline</th><th>source</th><th>published</th><th>place</th><th>pipeline</th></tr></thead>
      <tbody>${recent.items.map((a) => html`
        <tr data-article-id="${a.id}">
          <td><a href="#/article/${encodeURIComponent(a.id)}">${a.headline}</a>${a.version > 1 ? html` <span class="pill">v${a.version}</span>` : ''}</td>
          <td>${a.sourceId}</td>
          <td title="${formatTime(a.publishedAt)}">${timeAgo(a.publishedAt)}</td>
          <td>${a.primaryLocation?.name ?? '–'}</td>
          <td>${stageChips(a.status)}</td>
        </tr>`)}
      </tbody>
    </table>`;
}

export async function renderOverview(view) {
  mount(view, html`
    <section class="page-head">
      <div><h1>Pipeline</h1><p class="muted" id="sampled">Connecting to the services…</p></div>
      <form class="open-id" id="open-id"><input name="id" placeholder="Article id (UUID)" aria-label="Article id" pattern="[0-9a-fA-F-]{36}" required><button>Open</button></form>
    </section>
    <section class="grid services" id="services"></section>
    <section class="grid two">
      <div class="card"><div id="chart-throughput" class="chart"></div></div>
      <div class="card"><div id="chart-lag" class="chart"></div></div>
    </section>
    <section class="grid two-one">
      <div class="card"><h2>Recent articles</h2><p class="muted small">Latest in the index by publication time, with ingest's status of their latest version.</p><div id="recent"></div></div>
      <div class="card"><h2>Dead letters</h2><div id="dead-letters"></div><div id="dead-letter-detail"></div></div>
    </section>`);
  view.querySelector('#open-id').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/article/${encodeURIComponent(new FormData(event.target).get('id').trim())}`);
  });

  view.querySelector('#dead-letters').addEventListener('click', (event) => {
    const stage = event.target.closest('[data-dlq-stage]')?.dataset.dlqStage;
    if (stage) void showDeadLetters(view.querySelector('#dead-letter-detail'), stage);
  });

  let charts;
  let stopped = false;
  let timer;
  const refresh = async () => {
    try {
      const [overview, recent] = await Promise.all([getJson('/api/overview'), getJson('/api/articles/recent?limit=8').catch((e) => ({ error: e, items: [] }))]);
      if (stopped) return;
      mount(view.querySelector('#sampled'), html`Scraped every ${overview.intervalMs / 1000} s · last ${overview.sampledAt ? timeAgo(overview.sampledAt) : 'never'} · ${overview.historyMinutes} min of history`);
      mount(view.querySelector('#services'), overview.stages.map(serviceCard));
      mount(view.querySelector('#dead-letters'), deadLetterTable(overview.stages));
      mount(view.querySelector('#recent'), recent.error ? html`<p class="error">Recent articles unavailable: ${recent.error.message}${signInHint(recent.error)}</p>` : recentTable(recent));
      if (!charts) {
        charts = {
          throughput: createLiveChart(view.querySelector('#chart-throughput'), { title: 'Throughput (events published per second)', unit: 'msg/s', data: chartData(overview.series, 'throughput') }),
          lag: createLiveChart(view.querySelector('#chart-lag'), { title: 'Consumer lag (messages not yet committed)', unit: 'msgs', data: chartData(overview.series, 'lag') }),
        };
      } else {
        charts.throughput.update(chartData(overview.series, 'throughput'));
        charts.lag.update(chartData(overview.series, 'lag'));
      }
      timer = setTimeout(refresh, Math.max(overview.intervalMs, 2000));
    } catch (error) {
      if (stopped) return;
      mount(view.querySelector('#sampled'), html`<span class="error">The console API failed: ${error.message}</span>`);
      timer = setTimeout(refresh, 5000);
    }
  };
  await refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
    charts?.throughput.destroy();
    charts?.lag.destroy();
  };
}
