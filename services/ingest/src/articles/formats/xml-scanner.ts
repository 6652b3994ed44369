import { decodeHTML } from 'entities';

// A linear scanner for the few elements ingest reads from raw XML (a headline, an XHTML body, Atom
// entries): one pass, left to right, reading comments, processing instructions, CDATA and quoted values
// as fast-xml-parser does. The lazy regular expressions it replaces scanned to the end of the input for
// every unclosed tag, so a 2 MiB push with many of them held the event loop for minutes.

/** One construct of the input, by its offsets. */
export interface Token {
  kind: 'text' | 'comment' | 'pi' | 'cdata' | 'declaration' | 'open' | 'close';
  start: number;
  /** Just past the token; the input's length when it is never closed. */
  end: number;
  /** Tag name with any prefix; '' for other kinds. */
  name: string;
  /** An open tag's attributes' source, from the whitespace after its name; '' otherwise. */
  attributes: string;
  selfClosing: boolean;
}

/**
 * Where the markup opened at `from` ends, skipping quoted values as fast-xml-parser does: its reading of
 * `<?pi a="?>"?>` or `<a title="x>y">` must be ours, or the safety check and it disagree.
 */
function endOutsideQuotes(xml: string, from: number, isEnd: (at: number) => boolean): number {
  for (let at = from; at < xml.length; at++) {
    const code = xml.charCodeAt(at);
    if (code === 34 || code === 39) {
      at = xml.indexOf(xml[at], at + 1);
      if (at < 0) return -1;
    } else if (isEnd(at)) {
      return at;
    }
  }
  return -1;
}

/** `to` and what follows it, or the rest of the input when `to` is -1 (markup never closed). */
const past = (xml: string, to: number, length: number) => (to < 0 ? xml.length : to + length);

/**
 * The input as a flat run of tokens, left to right in one pass, each character read once: the
 * construct that opens first wins, as in the parser, so a comment in CDATA is text and CDATA in a
 * comment is comment.
 */
export function* tokens(xml: string): Generator<Token> {
  let at = 0;
  while (at < xml.length) {
    const token: Token = { kind: 'text', start: at, end: 0, name: '', attributes: '', selfClosing: false };
    if (xml[at] !== '<') {
      token.end = past(xml, xml.indexOf('<', at), 0);
    } else if (xml.startsWith('<!--', at)) {
      token.kind = 'comment';
      token.end = past(xml, xml.indexOf('-->', at + 4), 3);
    } else if (xml.startsWith('<![', at)) {
      // The parser takes any `<![` for CDATA.
      token.kind = 'cdata';
      token.end = past(xml, xml.indexOf(']]>', at + 3), 3);
    } else if (xml.startsWith('<?', at)) {
      token.kind = 'pi';
      // From the '?' after '<', as the parser reads it: `<?>` is a whole PI to it.
      token.end = past(xml, endOutsideQuotes(xml, at + 1, (i) => xml[i] === '?' && xml[i + 1] === '>'), 2);
    } else if (xml.startsWith('<!', at)) {
      // A DOCTYPE or one the parser reads as a tag; a subset (`[`) would end later, but is refused.
      token.kind = 'declaration';
      token.end = past(xml, endOutsideQuotes(xml, at + 2, (i) => xml[i] === '>'), 1);
    } else if (xml.startsWith('</', at)) {
      token.kind = 'close';
      const stop = xml.indexOf('>', at);
      token.end = past(xml, stop, 1);
      token.name = xml.slice(at + 2, stop < 0 ? xml.length : stop).trim();
    } else {
      token.kind = 'open';
      const stop = endOutsideQuotes(xml, at + 1, (i) => xml[i] === '>');
      const close = stop < 0 ? xml.length : stop;
      token.end = past(xml, stop, 1);
      token.selfClosing = stop > 0 && xml[stop - 1] === '/';
      const source = xml.slice(at + 1, token.selfClosing ? close - 1 : close);
      token.name = /^[^\s/>]*/.exec(source)?.[0] ?? '';
      token.attributes = source.slice(token.name.length);
    }
    yield token;
    at = token.end;
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Every `<tag …>…</tag>` (namespace prefix allowed) not inside another, in document order: attributes'
 * source and inner markup. Comments, PIs and CDATA are skipped, so a `<tag>` written in CDATA is text.
 * Linear in the input, which feeds and pushes control: searching a regex for each `<tag>` is quadratic.
 */
function* elements(xml: string, tag: string): Generator<{ attributes: string; inner: string }> {
  let depth = 0;
  let open: Token | undefined;
  for (const token of tokens(xml)) {
    if ((token.kind !== 'open' && token.kind !== 'close') || localName(token.name) !== tag) continue;
    if (token.kind === 'open' && token.selfClosing) {
      if (depth === 0) yield { attributes: token.attributes, inner: '' };
    } else if (token.kind === 'open') {
      if (depth++ === 0) open = token;
    } else if (depth > 0 && --depth === 0 && open) {
      yield { attributes: open.attributes, inner: xml.slice(open.end, token.start) };
    }
  }
}

/** Inner markup of the first `<tag …>…</tag>` (namespace prefix allowed), e.g. an XHTML body. */
export function innerXml(xml: string, tag: string): string | undefined {
  for (const element of elements(xml, tag)) return element.inner;
  return undefined;
}

/** Every `<tag …>…</tag>` (namespace prefix allowed), with its attributes' source and inner markup. */
export function elementsOf(xml: string, tag: string): Array<{ attributes: string; inner: string }> {
  return [...elements(xml, tag)];
}

/**
 * The text of an element whose content mixes text and markup (`Strong quake hits <location>Valparaiso
 * </location>, no tsunami`): the parsed tree keeps the text and the child apart and loses their order,
 * so it is read from the source, tags removed and references decoded, on one line.
 */
export function mixedText(inner: string | undefined): string | undefined {
  if (inner === undefined) return undefined;
  let text = '';
  for (const token of tokens(inner)) {
    if (token.kind === 'text') text += decodeHTML(inner.slice(token.start, token.end));
    else if (token.kind === 'cdata') text += inner.slice(token.start + 9, inner.endsWith(']]>', token.end) ? token.end - 3 : token.end);
  }
  return text.replace(/\s+/g, ' ').trim() || undefined;
}
