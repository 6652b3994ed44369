// Pushes samples/articles/* through ingest, waits until each is indexed and prints what came out.
const { loadSamples } = require('../samples/load-samples');

const SOURCE = 'sample-wire';

/** The sample source and a fresh key for it (created on first run, key rotated on later runs). */
async function sampleSourceKey(ingestUrl, adminKey) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` };
  const created = await fetch(`${ingestUrl}/v1/admin/sources`, {
    method: 'POST', headers, body: JSON.stringify({ id: SOURCE, name: 'Sample Wire' }),
  });
  if (created.status === 201) return (await created.json()).apiKey;
  const rotated = await fetch(`${ingestUrl}/v1/admin/sources/${SOURCE}/rotate-key`, { method: 'POST', headers });
  if (!rotated.ok) throw new Error(`cannot get a key for source ${SOURCE}: HTTP ${rotated.status} ${await rotated.text()}`);
  return (await rotated.json()).apiKey;
}

async function waitIndexed(ingestUrl, statusUrl) {
  const deadline = Date.now() + 120_000;
  let status;
  while (Date.now() < deadline) {
    status = await fetch(`${ingestUrl}${statusUrl}`).then((r) => (r.ok ? r.json() : undefined), () => undefined);
    if (status && (status.stage === 'indexed' || status.stage === 'failed')) return status;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return status ?? { stage: 'unknown' };
}

function describe(article) {
  const { enrichment, weather } = article;
  const entities = enrichment.entities.map((e) => `${e.type}:${e.name}`).slice(0, 12);
  const place = enrichment.primaryLocation;
  const lines = [
    `  enrichment  ${enrichment.status}${enrichment.reason ? ` (${enrichment.reason})` : ''}; ${enrichment.entities.length} entities${entities.length ? `: ${entities.join(', ')}` : ''}`,
    `  location    ${place ? `${place.name} (${place.lat}, ${place.lon}) via ${place.reason}` : 'none'}`,
    `  weather     ${weather.status}${weather.reason ? ` (${weather.reason})` : ''}${weather.provider ? ` from ${weather.provider}` : ''}`,
  ];
  const days = (weather.daily ?? []).map((d) => `${d.weekday} ${d.date} ${d.temperatureMin}–${d.temperatureMax} ${d.condition}`).join(', ');
  if (weather.current) {
    lines.push(`              now ${weather.current.localTime} ${weather.current.temperature} ${weather.current.condition}; ${days}`);
  } else if (days) {
    lines.push(`              ${days}`);
  }
  return lines.join('\n');
}

async function pushSamples({ ingestUrl, indexerUrl, adminKey }) {
  const apiKey = await sampleSourceKey(ingestUrl, adminKey);
  console.log(`\n[newsflow] pushing the sample articles as source ${SOURCE}:`);
  for (const { file, request } of loadSamples()) {
    const response = await fetch(`${ingestUrl}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(request),
    });
    const body = await response.json();
    if (!response.ok) {
      console.log(`\n- ${file}: HTTP ${response.status} ${JSON.stringify(body)}`);
      continue;
    }
    const status = await waitIndexed(ingestUrl, body.statusUrl);
    console.log(`\n- ${file}: HTTP ${response.status}${body.duplicate ? ' (already accepted earlier)' : ''}, id ${body.id} v${body.version}, stage ${status.stage}`);
    console.log(`  "${request.headline}"`);
    const indexed = await fetch(`${indexerUrl}/v1/articles/${body.id}`).then((r) => (r.ok ? r.json() : undefined), () => undefined);
    if (indexed) console.log(describe(indexed));
    console.log(`  status      ${ingestUrl}${body.statusUrl}`);
    console.log(`  article     ${indexerUrl}/v1/articles/${body.id}`);
  }
}

module.exports = { pushSamples };
