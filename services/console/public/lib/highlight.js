import { escapeHtml, trusted } from './html.js';

/**
 * Marks every entity mention of one field (`headline` or `body`) by its exact character offsets from
 * the enrichment, each linked to a search for that entity. Text is escaped piece by piece; where
 * mentions overlap ("93rd INTERPOL General Assembly" holds "INTERPOL") the longer one wins.
 * In the body, blank lines become paragraphs and single newlines line breaks.
 */
export function highlightField(text, entities, field) {
  const mentions = entities
    .flatMap((entity) => (entity.mentions ?? []).filter((m) => m.field === field).map((m) => ({ ...m, entity })))
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start < m.end && m.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const plain = (piece) => {
    const escaped = escapeHtml(piece);
    return field === 'body' ? escaped.replace(/\n{2,}/g, '</p><p>').replace(/\n/g, '<br>') : escaped;
  };
  let out = '';
  let at = 0;
  for (const m of mentions) {
    if (m.start < at) continue;
    out += plain(text.slice(at, m.start));
    const { entity } = m;
    const title = `${entity.name} · ${entity.type}`;
    out += `<a class="ent ent-${escapeHtml(entity.type)}" data-entity-type="${escapeHtml(entity.type)}" data-entity-id="${escapeHtml(entity.id)}"` +
      ` href="#/search?entity=${encodeURIComponent(entity.id)}" title="${escapeHtml(title)}">${escapeHtml(text.slice(m.start, m.end))}</a>`;
    at = m.end;
  }
  out += plain(text.slice(at));
  return trusted(field === 'body' ? `<p>${out}</p>` : out);
}
