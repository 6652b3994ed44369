import { decodeHTML } from 'entities';
import { FilterXSS, escapeHtml } from 'xss';

/**
 * Allowlist of the markup a news body needs. Scripts, iframes, styles, event-handler attributes and
 * javascript: URLs are removed (the tags with their content where the content is code).
 */
const ALLOWED: Record<string, string[]> = {
  p: [], br: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], blockquote: ['cite'], q: ['cite'],
  ul: [], ol: [], li: [], strong: [], b: [], em: [], i: [], u: [], sub: [], sup: [], span: [], div: [],
  a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], figure: [], figcaption: [],
  table: [], thead: [], tbody: [], tr: [], th: [], td: [], hr: [], pre: [], code: [],
};

const sanitizer = new FilterXSS({
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template'],
  allowCommentTag: false,
});

export function sanitizeHtml(html: string): string {
  return sanitizer.process(html).trim();
}

const BLOCK_END = /<\/(p|h[1-6]|li|blockquote|div|tr|figure|figcaption|pre|table)>|<br\s*\/?>/gi;

/** Plain text of sanitised HTML: paragraphs become blank-line separated, entities decoded. */
export function htmlToText(html: string): string {
  return html
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
