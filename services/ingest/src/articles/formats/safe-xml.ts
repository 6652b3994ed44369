import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputProblem } from './input-problem';

/**
 * Entity declarations are where external entities and entity expansion ("billion laughs") live, and
 * they sit in a DOCTYPE's internal subset (`[ … ]`). Those are refused before parsing. A DOCTYPE that
 * only names its DTD, as NITF's standard `<!DOCTYPE nitf PUBLIC "…" "…dtd">` line does, is let through:
 * the parser never fetches or reads the DTD.
 */
const FORBIDDEN = /<!ENTITY|<!DOCTYPE[^>[]*\[/i;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: true,
  // Numeric references (&#x2019;) are XML's own and must be decoded; this option is what decodes them.
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  preserveOrder: false,
});

export function assertSafeXml(xml: string): void {
  // Inside CDATA a "<!DOCTYPE html>" is text (a feed item's embedded page), not a declaration.
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  if (FORBIDDEN.test(markup)) {
    throw new InputProblem(400, 'xml-doctype-forbidden', 'XML documents declaring entities (an ENTITY, or a DOCTYPE with an internal subset) are refused');
  }
  if ((markup.match(/<!DOCTYPE/gi) ?? []).length > 1) throw new InputProblem(400, 'xml-doctype-forbidden', 'an XML document has at most one DOCTYPE');
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

/** `<tag …>…</tag>` with any namespace prefix: group 1 the attributes' source, group 2 the inner markup. */
function elementPattern(tag: string, flags = ''): RegExp {
  const escaped = tag.replace(/\./g, '\\.');
  return new RegExp(`<(?:[\\w-]+:)?${escaped}(\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${escaped}>`, flags);
}

/** Inner markup of the first `<tag …>…</tag>` (namespace prefix allowed), e.g. an XHTML body. */
export function innerXml(xml: string, tag: string): string | undefined {
  return elementPattern(tag).exec(xml)?.[2];
}

/** Every `<tag …>…</tag>` (namespace prefix allowed), with its attributes' source and inner markup. */
export function elementsOf(xml: string, tag: string): Array<{ attributes: string; inner: string }> {
  return [...xml.matchAll(elementPattern(tag, 'g'))].map((m) => ({ attributes: m[1] ?? '', inner: m[2] }));
}

/**
 * The text of an element whose content mixes text and markup (`Strong quake hits <location>Valparaiso
 * </location>, no tsunami`): the parsed tree keeps the text and the child apart and loses their order,
 * so it is read from the source, tags removed and references decoded, on one line.
 */
export function mixedText(inner: string | undefined): string | undefined {
  if (inner === undefined) return undefined;
  const cdata = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  return decodeHTML(cdata.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() || undefined;
}

/** The encoding an XML document declares: its Content-Type charset, else its XML declaration's. */
export function declaredEncoding(bytes: Buffer, contentType: string | null | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]
    ?? /^(?:\uFEFF)?<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
}
