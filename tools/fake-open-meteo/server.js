'use strict';
// A local stand-in for Open-Meteo (forecast and archive APIs) that speaks its documented request and
// response format, for tests and the offline demo. Also answers MET Norway's Locationforecast
// `compact` route, so the second provider can be exercised offline too.
//
//   node tools/fake-open-meteo/server.js --port 8090 [--failure http-500|malformed|missing-fields|slow] [--delay-ms 5000]
//   const { start } = require('tools/fake-open-meteo/server'); const fake = await start({ port: 0 });
//
// Failure modes (also FAKE_OPEN_METEO_FAILURE / FAKE_OPEN_METEO_DELAY_MS, or at run time
// POST /__fake/failure?mode=..&delayMs=..&times=..): `http-500`, `malformed` (truncated JSON),
// `missing-fields` (a 200 without `current` and the daily maxima), `slow` (answer after delayMs).
// `times` limits a failure to the next N requests, to test retries. A fixture answers only for what it
// was recorded for (fixtures/README.md), and the archive refuses days outside its real range. GET /__fake/requests shows the
// request log; POST /__fake/reset clears it and the failure.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { days, current } = require('./generate');
const { compact } = require('./met-norway');
const { zoneOf, wallClock } = require('./zone');

const FAILURES = ['none', 'http-500', 'malformed', 'missing-fields', 'slow'];
const FIXTURES = [
  {
    lat: 31.63,
    lon: -8.01,
    forecast: JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'marrakech.forecast.json'), 'utf8')),
    archive: JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'marrakech.archive.json'), 'utf8')),
  },
];
const DAILY_UNITS = { time: 'iso8601', weather_code: 'wmo code', temperature_2m_max: '°C', temperature_2m_min: '°C' };
const CURRENT_UNITS = { time: 'iso8601', interval: 'seconds', temperature_2m: '°C', weather_code: 'wmo code', is_day: '' };

function fixtureFor(lat, lon) {
  return FIXTURES.find((f) => Math.abs(f.lat - lat) <= 0.05 && Math.abs(f.lon - lon) <= 0.05);
}

/**
 * A recorded forecast answers only at the time it was recorded (its `current.time`, local): served
 * on any other day it would be a stale answer the real API never gives. Other days are generated.
 */
function recordedForecast(fixture, now) {
  if (!fixture) return undefined;
  const localToday = isoDay(new Date(now.getTime() + fixture.utc_offset_seconds * 1000));
  return localToday === fixture.current.time.slice(0, 10) ? fixture : undefined;
}

function list(value) {
  return value ? value.split(',').map((v) => v.trim()).filter(Boolean) : [];
}

function pick(object, keys) {
  return Object.fromEntries(keys.filter((k) => k in object).map((k) => [k, object[k]]));
}

/** Open-Meteo answers bad requests with 400 and `{"error": true, "reason": "..."}`. */
class BadRequest extends Error {}

function coordinates(query) {
  const lat = Number(query.get('latitude'));
  const lon = Number(query.get('longitude'));
  if (!query.has('latitude') || !query.has('longitude') || Number.isNaN(lat) || Number.isNaN(lon)) {
    throw new BadRequest('Parameter latitude and longitude must be set');
  }
  if (lat < -90 || lat > 90) throw new BadRequest(`Latitude must be in range of -90 to 90°. Given: ${lat}.`);
  if (lon < -180 || lon > 180) throw new BadRequest(`Longitude must be in range of -180 to 180°. Given: ${lon}.`);
  return { lat, lon };
}

/** The answer's zone: the fixture's own for `timezone=auto` at a fixture place, else as Open-Meteo would. */
function zoneFor(query, lat, lon, fixture, now) {
  const requested = query.get('timezone') ?? undefined;
  if (requested === 'auto' && fixture) return fixture;
  const zone = zoneOf(requested, lat, lon, now);
  if (!zone) throw new BadRequest(`Invalid timezone: ${requested}`);
  return zone;
}

function header(lat, lon, zone, fixture) {
  return {
    latitude: fixture ? fixture.latitude : Math.round(lat * 40) / 40,
    longitude: fixture ? fixture.longitude : Math.round(lon * 40) / 40,
    generationtime_ms: 0.05,
    utc_offset_seconds: zone.utc_offset_seconds,
    timezone: zone.timezone,
    timezone_abbreviation: zone.timezone_abbreviation,
    elevation: fixture ? fixture.elevation : 100,
  };
}

/** Columns of the requested daily variables, from fixture days or generated ones. */
function dailyColumns(rows, variables) {
  const daily = { time: rows.map((r) => r.date) };
  for (const v of variables) daily[v] = rows.map((r) => (v in r ? r[v] : null));
  return daily;
}

function rowsOf(daily) {
  return daily.time.map((date, i) => ({ date, weather_code: daily.weather_code[i], temperature_2m_max: daily.temperature_2m_max[i], temperature_2m_min: daily.temperature_2m_min[i] }));
}

function forecast(query, now) {
  const { lat, lon } = coordinates(query);
  const fixture = recordedForecast(fixtureFor(lat, lon)?.forecast, now);
  const zone = zoneFor(query, lat, lon, fixture, now);
  const body = header(lat, lon, zone, fixture);
  // Open-Meteo's times and days are the zone's wall clock: `current.time` local, `daily` from local today.
  const local = wallClock(now, zone);
  const currentVars = list(query.get('current'));
  if (currentVars.length) {
    const values = fixture ? fixture.current : { ...current(lat, lon, local), interval: 900 };
    body.current_units = pick(CURRENT_UNITS, ['time', 'interval', ...currentVars]);
    body.current = pick({ interval: 900, ...values }, ['time', 'interval', ...currentVars]);
  }
  const dailyVars = list(query.get('daily'));
  if (dailyVars.length) {
    // The forecast API also serves its recent past: `start_date`..`end_date` within 92 days back.
    const range = query.has('start_date') || query.has('end_date') ? dateRange(query, daysAround(local, 92, 16)) : undefined;
    const count = Math.min(16, Number(query.get('forecast_days') ?? 7));
    const rows = range
      ? rowsFor(lat, lon, range, fixtureFor(lat, lon)?.archive)
      : fixture
        ? rowsOf(fixture.daily).slice(0, count)
        : days(lat, lon, local.toISOString().slice(0, 10), count);
    body.daily_units = pick(DAILY_UNITS, ['time', ...dailyVars]);
    body.daily = dailyColumns(rows, dailyVars);
  }
  return body;
}

const isoDay = (date) => date.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** The forecast API's range: `pastDays` back and `futureDays` ahead of the local `now`. */
function daysAround(now, pastDays, futureDays) {
  return { first: isoDay(new Date(now.getTime() - pastDays * DAY_MS)), last: isoDay(new Date(now.getTime() + futureDays * DAY_MS)) };
}

/**
 * The archive's range, as the real one: its reanalysis starts on 1940-01-01 and trails real time
 * (https://open-meteo.com/en/docs/historical-weather-api: "data dating back to 1940 with a delay
 * of 2 days"). Outside it Open-Meteo answers 400 with the allowed range.
 */
const ARCHIVE_FIRST_DAY = '1940-01-01';
const ARCHIVE_DELAY_DAYS = 2;

function archiveDays(now) {
  return { first: ARCHIVE_FIRST_DAY, last: isoDay(new Date(now.getTime() - ARCHIVE_DELAY_DAYS * DAY_MS)) };
}

/** `start_date`/`end_date` checked as Open-Meteo does, within `limits` (`first`..`last`) when given. */
function dateRange(query, limits) {
  const start = query.get('start_date');
  const end = query.get('end_date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(end ?? '')) {
    throw new BadRequest('Parameter start_date and end_date must be set as yyyy-mm-dd');
  }
  if (end < start) throw new BadRequest('End-date must be larger or equals than start-date');
  if (limits) {
    for (const [name, value] of [['start_date', start], ['end_date', end]]) {
      if (value < limits.first || value > limits.last) throw new BadRequest(`Parameter '${name}' is out of allowed range from ${limits.first} to ${limits.last}`);
    }
  }
  return { start, count: Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS) + 1 };
}

/** Days of a range: the fixture's where it has them, generated ones elsewhere. */
function rowsFor(lat, lon, range, fixture) {
  const known = new Map(fixture ? rowsOf(fixture.daily).map((r) => [r.date, r]) : []);
  return days(lat, lon, range.start, range.count).map((r) => known.get(r.date) ?? r);
}

function archive(query, now) {
  const { lat, lon } = coordinates(query);
  const range = dateRange(query, archiveDays(now));
  const fixture = fixtureFor(lat, lon)?.archive;
  const dailyVars = list(query.get('daily'));
  const body = header(lat, lon, zoneFor(query, lat, lon, fixture, now), fixture);
  if (dailyVars.length) {
    body.daily_units = pick(DAILY_UNITS, ['time', ...dailyVars]);
    body.daily = dailyColumns(rowsFor(lat, lon, range, fixture), dailyVars);
  }
  return body;
}

function metNorway(query, userAgent, now) {
  if (!userAgent) return { status: 403, body: { error: 'Forbidden: identify yourself with a User-Agent (see the terms of service)' } };
  const lat = Number(query.get('lat'));
  const lon = Number(query.get('lon'));
  if (Number.isNaN(lat) || Number.isNaN(lon) || !query.has('lat') || !query.has('lon')) {
    return { status: 400, body: { error: 'lat and lon are required' } };
  }
  return { status: 200, body: compact(lat, lon, now) };
}

function sendJson(res, status, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Starts the server. Resolves to `{ url, port, requests: { count, log }, setFailure(mode, opts), reset(), close() }`.
 * `now` fixes the clock of generated answers.
 */
function start(options = {}) {
  const requests = {
    log: [],
    get count() {
      return this.log.length;
    },
  };
  let failure = { mode: options.failure ?? 'none', delayMs: options.delayMs ?? 5000, times: options.times ?? Infinity };
  const timers = new Set();
  const now = () => (options.now ? new Date(options.now) : new Date());

  function setFailure(mode, opts = {}) {
    if (!FAILURES.includes(mode)) throw new Error(`unknown failure mode ${mode}; one of ${FAILURES.join(', ')}`);
    failure = { mode, delayMs: opts.delayMs ?? failure.delayMs, times: opts.times ?? Infinity };
  }

  function reset() {
    requests.log.length = 0;
    failure = { mode: 'none', delayMs: failure.delayMs, times: Infinity };
  }

  function answer(url, req) {
    if (url.pathname === '/v1/forecast') return { status: 200, body: forecast(url.searchParams, now()) };
    if (url.pathname === '/v1/archive') return { status: 200, body: archive(url.searchParams, now()) };
    if (url.pathname === '/weatherapi/locationforecast/2.0/compact') return metNorway(url.searchParams, req.headers['user-agent'], now());
    return { status: 404, body: { error: true, reason: `Not found: ${url.pathname}` } };
  }

  function control(url, req, res) {
    if (url.pathname === '/__fake/requests') return sendJson(res, 200, { count: requests.count, log: requests.log });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' });
    if (url.pathname === '/__fake/reset') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (url.pathname === '/__fake/failure') {
      const q = url.searchParams;
      setFailure(q.get('mode') ?? 'none', { delayMs: q.has('delayMs') ? Number(q.get('delayMs')) : undefined, times: q.has('times') ? Number(q.get('times')) : undefined });
      return sendJson(res, 200, { ok: true, failure });
    }
    return sendJson(res, 404, { error: 'unknown control endpoint' });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://fake');
    if (url.pathname.startsWith('/__fake/')) {
      try {
        return control(url, req, res);
      } catch (error) {
        return sendJson(res, 400, { error: error.message });
      }
    }
    requests.log.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), userAgent: req.headers['user-agent'], at: new Date().toISOString() });
    let result;
    try {
      result = answer(url, req);
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      return sendJson(res, 400, { error: true, reason: error.message });
    }
    const mode = failure.times > 0 ? failure.mode : 'none';
    if (mode !== 'none') failure.times -= 1;
    if (mode === 'http-500') return sendJson(res, 500, { error: true, reason: 'Internal Server Error' });
    if (mode === 'malformed') return sendJson(res, 200, JSON.stringify(result.body).slice(0, 60));
    if (mode === 'missing-fields') {
      const { current: _current, ...rest } = result.body;
      if (rest.daily) rest.daily = { ...rest.daily, temperature_2m_max: undefined };
      return sendJson(res, 200, rest);
    }
    if (mode === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) sendJson(res, result.status, result.body);
      }, failure.delayMs);
      timers.add(timer);
      return undefined;
    }
    return sendJson(res, result.status, result.body);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${port}`,
        port,
        requests,
        setFailure,
        reset,
        close: () =>
          new Promise((done) => {
            for (const timer of timers) clearTimeout(timer);
            timers.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function argValue(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const port = Number(argValue(argv, '--port') ?? process.env.FAKE_OPEN_METEO_PORT ?? 8090);
  const failure = argValue(argv, '--failure') ?? process.env.FAKE_OPEN_METEO_FAILURE ?? 'none';
  const delayMs = Number(argValue(argv, '--delay-ms') ?? process.env.FAKE_OPEN_METEO_DELAY_MS ?? 5000);
  if (!FAILURES.includes(failure)) {
    console.error(`[fake-open-meteo] unknown failure mode ${failure}; one of ${FAILURES.join(', ')}`);
    process.exit(2);
  }
  start({ port, failure, delayMs }).then(
    (fake) => {
      console.log(`[fake-open-meteo] listening on ${fake.url} (failure mode: ${failure}); /v1/forecast, /v1/archive, /weatherapi/locationforecast/2.0/compact`);
      const stop = () => fake.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error) => {
      console.error(`[fake-open-meteo] cannot listen on port ${port}: ${error.message}`);
      process.exit(1);
    },
  );
}

module.exports = { start, FAILURES };
