'use strict';
// Deterministic weather for places without a fixture: the same coordinates and date always give the
// same answer, so tests and demos are repeatable without storing data for every place.

const CODES = [0, 1, 2, 3, 3, 45, 51, 61, 63, 80, 3, 2];

/** A small seeded PRNG (mulberry32); good enough for plausible numbers, and dependency-free. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(lat, lon, date) {
  let h = 2166136261;
  for (const ch of `${lat.toFixed(2)},${lon.toFixed(2)},${date}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h;
}

const round2 = (n) => Math.round(n * 100) / 100;

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Warmer near the equator, colder towards the poles. */
function day(lat, lon, date) {
  const random = rng(seedOf(lat, lon, date));
  const base = 28 - Math.abs(lat) * 0.45;
  const max = round2(base + random() * 8 - 2);
  return { date, weather_code: CODES[Math.floor(random() * CODES.length)], temperature_2m_max: max, temperature_2m_min: round2(max - 4 - random() * 6) };
}

function days(lat, lon, startDate, count) {
  return Array.from({ length: count }, (_, i) => day(lat, lon, addDays(startDate, i)));
}

/** `now` is the place's wall clock: its UTC fields read as local time, as Open-Meteo's `current.time` is. */
function current(lat, lon, now) {
  const time = `${now.toISOString().slice(0, 14)}${String(Math.floor(now.getUTCMinutes() / 15) * 15).padStart(2, '0')}`;
  const random = rng(seedOf(lat, lon, time));
  const today = day(lat, lon, time.slice(0, 10));
  const hour = now.getUTCHours();
  return {
    time,
    temperature_2m: round2(today.temperature_2m_min + (today.temperature_2m_max - today.temperature_2m_min) * random()),
    weather_code: today.weather_code,
    is_day: hour >= 7 && hour < 19 ? 1 : 0,
  };
}

module.exports = { days, current, addDays, rng, seedOf, round2 };
