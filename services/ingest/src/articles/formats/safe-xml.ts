import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputProblem } from './input-problem';
import { tokens } from './xml-scanner';

export { elementsOf, innerXml, mixedText } from './xml-scanner';

/**
 * Entity declarations are where external entities and entity expansion ("billion laughs") live, and
 * they sit in a DOCTYPE's internal subset (`[ … ]`). So the one declaration let through is a DOCTYPE
 * that only names its DTD, as NITF's standard `<!DOCTYPE nitf PUBLIC "…" "…dtd">` line does (the parser
 * never fetches or reads the DTD). Its literals may not hold `<`, `>` or `[`, so that where it ends is
 * the same for this check and for the parser.
 */
const LITERAL = `(?:"[^"<>[\\]]*"|'[^'<>[\\]]*')`;
const PLAIN_DOCTYPE = new RegExp(`^<!DOCTYPE\\s+[^\\s<>[\\]"']+(?:\\s+(?:PUBLIC\\s+${LITERAL}\\s+|SYSTEM\\s+)${LITERAL})?\\s*>$`, 'i');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Declared entities are refused before parsing; these limits are the backstop should one get past that
  // check: it could declare one entity of one character, no more. The expansion count also counts &amp;
  // and numeric references, so a long article would trip any finite cap on it.
  processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1, maxExpansionDepth: 1, maxExpandedLength: 10_000, maxTotalExpansions: Infinity },
  // Numeric references (&#x2019;) are XML's own and must be decoded; this option is what decodes them.
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  preserveOrder: false,
});

function forbidden(detail: string): InputProblem {
  return new InputProblem(400, 'xml-doctype-forbidden', detail);
}

export function assertSafeXml(xml: string): void {
  let doctypes = 0;
  // Comments, PIs and CDATA are read as the parser reads them, whichever opens first, so that a
  // "<![CDATA[" inside a comment cannot hide a DOCTYPE from this check while the parser reads it.
  for (const token of tokens(xml)) {
    if (token.kind !== 'declaration') continue;
    if (!PLAIN_DOCTYPE.test(xml.slice(token.start, token.end))) {
      throw forbidden('XML documents declaring entities (an ENTITY, or a DOCTYPE with an internal subset) are refused');
    }
    if (++doctypes > 1) throw forbidden('an XML document has at most one DOCTYPE');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new InputProblem(400, 'xml-malformed', `malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
}

export function parseXml(xml: string): Record<string, unknown> {
  assertSafeXml(xml);
  try {
    return parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    // fast-xml-parser's validator passes some documents its parser then rejects ("<A/": a tag never
    // closed at the end of the input); that is still malformed input, not a failure of ours.
    throw new InputProblem(400, 'xml-malformed', `malformed XML: ${(error as Error).message}`);
  }
}

/** Text of an element that may carry attributes (`{'#text': …, '@attr': …}`) or repeat (first one wins). */
export function nodeText(node: unknown): string | undefined {
  const first = Array.isArray(node) ? node[0] : node;
  if (typeof first === 'string' || typeof first === 'number') return String(first).trim() || undefined;
  if (first && typeof first === 'object' && '#text' in first) return String((first as Record<string, unknown>)['#text']).trim() || undefined;
  return undefined;
}

export function attr(node: unknown, name: string): string | undefined {
  const first = Array.isArray(node) ? node[0] : node;
  if (!first || typeof first !== 'object') return undefined;
  const value = (first as Record<string, unknown>)[`@${name}`];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function asArray<T>(node: T | T[] | undefined): T[] {
  return node === undefined ? [] : Array.isArray(node) ? node : [node];
}

/** The encoding an XML document declares: its Content-Type charset, else its XML declaration's. */
export function declaredEncoding(bytes: Buffer, contentType: string | null | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]
    ?? /^(?:\uFEFF)?<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
}
