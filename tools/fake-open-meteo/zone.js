'use strict';
// The zone Open-Meteo answers in: `timezone=auto` is the zone at the coordinates (looked up offline,
// as the enricher does), an IANA name is that zone, and no `timezone` is GMT. Answering GMT for
// every place hid the services' local-day logic from the end-to-end tests: Sydney's "today" starts
// eleven hours before London's, and a story filed there late in the evening is already tomorrow.
const tzLookup = require('@photostructure/tz-lookup');

const GMT = { timezone: 'GMT', timezone_abbreviation: 'GMT', utc_offset_seconds: 0 };

/** Seconds `zone` is ahead of UTC at `now`. */
function offsetSeconds(zone, now) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((local - Math.floor(now.getTime() / 1000) * 1000) / 1000);
}

/** Open-Meteo's abbreviations are the zone's own where it has one ("CET"), else the offset ("GMT+11"). */
function abbreviation(zone, now) {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(now).find((p) => p.type === 'timeZoneName');
  return part ? part.value : 'GMT';
}

/**
 * `{ timezone, timezone_abbreviation, utc_offset_seconds }` for a request's `timezone` parameter at
 * `now`, or undefined when the name is not a zone (Open-Meteo answers that with a 400).
 */
function zoneOf(requested, lat, lon, now) {
  if (!requested || requested === 'GMT' || requested === 'UTC') return GMT;
  let zone = requested;
  if (requested === 'auto') {
    try {
      zone = tzLookup(lat, lon);
    } catch {
      return GMT;
    }
  }
  try {
    return { timezone: zone, timezone_abbreviation: abbreviation(zone, now), utc_offset_seconds: offsetSeconds(zone, now) };
  } catch {
    return undefined;
  }
}

/** The wall clock in a zone, as a Date whose UTC fields read as local time. */
function wallClock(now, zone) {
  return new Date(now.getTime() + zone.utc_offset_seconds * 1000);
}

module.exports = { zoneOf, wallClock };
