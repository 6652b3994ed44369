import fc from 'fast-check';
import { InputProblem } from './input-problem';
import { normalizeDraft } from './normalize-draft';
import { parseSubmission } from './parse-submission';
import { sanitizeHtml } from './html-body';

const now = new Date('2025-11-25T00:00:00Z');
const CONTENT_TYPES = ['application/json', 'application/ninjs+json', 'application/xml', 'text/xml', 'text/plain', undefined];

/** Whatever arrives, the answer is a canonical article or an InputProblem, never a crash. */
function parseOrProblem(contentType: string | undefined, body: Buffer): 'ok' | 'problem' {
  try {
    const article = normalizeDraft(parseSubmission(contentType, body), 'exw', now);
    expect(article.headline.length).toBeGreaterThan(0);
    expect(article.body.length).toBeGreaterThan(0);
    return 'ok';
  } catch (error) {
    if (error instanceof InputProblem) return 'problem';
    throw error;
  }
}

const htmlFragment = fc.oneof(
  fc.string(),
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>',
    '<iframe src="//evil"></iframe>', '<p onclick="x()">p</p>', '<svg onload=alert(1)>', '<style>*{}</style>', '<b>bold</b>', '&lt;script&gt;'),
);

describe('parsers and normaliser (property-based)', () => {
  it('answer any bytes under any content type with an article or a named problem', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONTENT_TYPES), fc.uint8Array({ maxLength: 300 }), (type, bytes) => {
        parseOrProblem(type, Buffer.from(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('answer any JSON value with an article or a named problem', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parseOrProblem('application/json', Buffer.from(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('keep headline (as one line) and body text through native JSON, whatever the characters', () => {
    const text = fc.string({ minLength: 1, maxLength: 200 }).filter((s) => /\p{L}/u.test(s) && !/[<>&]/.test(s));
    fc.assert(
      fc.property(text, text, (headline, body) => {
        const doc = { sourceItemId: 'p1', headline, body };
        const article = normalizeDraft(parseSubmission('application/json', Buffer.from(JSON.stringify(doc))), 'exw', now);
        expect(article.headline).toBe(headline.replace(/\s+/g, ' ').trim());
        expect(article.body).toBe(body.trim());
      }),
      { numRuns: 1000 },
    );
  });

  // Checked in the markup the sanitiser emits: its text has every `<` escaped, so each literal `<` opens
  // a tag, and a "javascript:" that is only text (escaped, inert) is not a link.
  const UNSAFE_MARKUP = /<script|<iframe|<style|<svg|\son\w+\s*=|javascript:/i;
  const tagsOf = (html: string) => (html.match(/<[^>]*>?/g) ?? []).join(' ');

  it('never let script, event handlers or javascript: URLs through the HTML allowlist', () => {
    fc.assert(
      fc.property(fc.array(htmlFragment, { maxLength: 8 }), (parts) => {
        const clean = sanitizeHtml(parts.join(''));
        expect(tagsOf(clean)).not.toMatch(UNSAFE_MARKUP);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps markup after a stray "<=" as inert text (a counterexample fast-check found)', () => {
    const clean = sanitizeHtml('<=\'<a href="javascript:alert(1)">x</a>');
    expect(clean).not.toContain('<');
    expect(tagsOf(clean)).toBe('');
  });
});
