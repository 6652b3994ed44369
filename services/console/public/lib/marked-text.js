import { escapeHtml, trusted } from './html.js';

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The indexer's highlights are HTML: its escaped text with `<mark>…</mark>` around matched words. The
 * console trusts no service's markup, so the string is split at those two tags, each piece read back
 * to text and escaped again here: whatever else an answer held stays visible text, never markup.
 */
export function markedText(highlighted) {
  const pieces = String(highlighted).split(/(<\/?mark>)/);
  let open = false;
  let out = '';
  for (const piece of pieces) {
    if (piece === '<mark>' && !open) {
      out += '<mark>';
      open = true;
    } else if (piece === '</mark>' && open) {
      out += '</mark>';
      open = false;
    } else {
      out += escapeHtml(piece.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]));
    }
  }
  return trusted(open ? `${out}</mark>` : out);
}
