/** A stretch of text to mark: UTF-16 offsets, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to insert as HTML, in an element or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/** Sorted ranges with those that overlap or touch joined: the bigrams of 习近平 (习近, 近平) are one mark. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const merged: Range[] = [];
  for (const { start, end } of [...ranges].sort((x, y) => x.start - y.start)) {
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/**
 * text[from, to) as HTML: every character escaped, the matches inside wrapped in <mark>…</mark> (a
 * match reaching past either end is cut there). The only tags in the result are those marks.
 */
export function markHtml(text: string, matches: readonly Range[], from = 0, to = text.length): string {
  let html = '';
  let at = from;
  for (const { start, end } of mergeRanges(matches)) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s >= e || s < at) continue;
    html += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return html + escapeHtml(text.slice(at, to));
}
