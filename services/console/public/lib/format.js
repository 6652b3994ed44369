const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function formatRate(value) {
  if (value === null || value === undefined) return '–';
  if (value === 0) return '0';
  return value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
}

export function formatCount(value) {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat('en').format(value);
}

export function formatTime(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

/**
 * A search hit's times as the list orders them: a story released from embargo sorts at its release,
 * so that is shown first, with its publication time; an expiry says until when it is served.
 */
export function formatHitTime(item) {
  const released = item.releasedAt && item.releasedAt !== item.publishedAt ? `released ${formatTime(item.releasedAt)} · published ${formatTime(item.publishedAt)}` : formatTime(item.publishedAt);
  return item.expiresAt ? `${released} · expires ${formatTime(item.expiresAt)}` : released;
}

export function timeAgo(iso) {
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.max(seconds, 0)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

/** The provider's local wall-clock time (`2025-11-24T06:00`, no offset) as a weather strip shows it: `Mon 6:00`. */
export function localWeekdayTime(localTime) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(localTime ?? '');
  if (!match) return localTime ?? '';
  const [, y, m, d, hh, mm] = match;
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay()];
  return `${weekday} ${Number(hh)}:${mm}`;
}

/** Temperatures as the provider gave them (the seed page shows 13.01), without trailing zeros. */
export function formatTemperature(value) {
  return typeof value === 'number' ? String(Math.round(value * 100) / 100) : '–';
}
