import { decodeHTML } from 'entities';
import { FilterXSS, escapeHtml } from 'xss';

/**
 * Allowlist of the markup a news body needs. Scripts, iframes, styles, event-handler attributes and
 * javascript: URLs are removed (the tags with their content where the content is code).
 */
const TAGS: Record<string, string[]> = {
  p: [], br: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], blockquote: ['cite'], q: ['cite'],
  ul: [], ol: [], li: [], strong: [], b: [], em: [], i: [], u: [], sub: [], sup: [], span: [], div: [],
  a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], figure: [], figcaption: [],
  table: [], thead: [], tbody: [], tr: [], th: [], td: [], hr: [], pre: [], code: [],
  // Bidirectional text and ruby (furigana): Arabic and Hebrew paragraphs rendered left to right without them.
  bdi: [], bdo: [], ruby: [], rt: [], rp: [],
};

/** Direction and language, on every allowed element: an RTL paragraph needs its `dir`. */
const ALLOWED: Record<string, string[]> = Object.fromEntries(Object.entries(TAGS).map(([tag, attrs]) => [tag, [...attrs, 'dir', 'lang']]));

const DIR = /^(?:ltr|rtl|auto)$/i;
const LANG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

const sanitizer = new FilterXSS({
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  // A whole HTML document's <head> (ninjs 3.x bodies are) is not body text.
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'head', 'title'],
  allowCommentTag: false,
  // `dir` only ltr/rtl/auto, `lang` only a language tag; anything else is dropped.
  onTagAttr: (_tag, name, value) => {
    if (name === 'dir') return DIR.test(value.trim()) ? `dir="${value.trim().toLowerCase()}"` : '';
    if (name === 'lang') return LANG.test(value.trim()) ? `lang="${value.trim()}"` : '';
    return undefined;
  },
});

export function sanitizeHtml(html: string): string {
  return sanitizer.process(html).trim();
}

const BLOCK_END = /<\/(p|h[1-6]|li|blockquote|div|tr|figure|figcaption|pre|table)>|<br\s*\/?>/gi;

/** `<rt>…</rt>` or `<rp>…</rp>` holding text only: linear, one pass, whatever the input. */
const RUBY_ANNOTATION = /<(r[tp])(?:\s[^>]*)?>[^<]*<\/\1>/gi;

/** Plain text of sanitised HTML: paragraphs become blank-line separated, entities decoded. */
export function htmlToText(html: string): string {
  return html
    // Ruby annotations (furigana) and their fallback parentheses are not the text.
    .replace(RUBY_ANNOTATION, '')
    .replace(BLOCK_END, '\n\n')
    .replace(/<[^>]+>/g, '')
    // Every HTML5 reference, named (&rsquo;), decimal or hex (&#x2019;); a no-break space is a space here.
    .replace(/&[#A-Za-z0-9]+;?/g, (ref) => decodeHTML(ref))
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** HTML for a plain-text body: one paragraph per blank-line-separated block. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}
