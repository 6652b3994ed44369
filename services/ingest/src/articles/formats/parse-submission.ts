import { ArticleDraft } from './article-draft';
import { InputProblem } from './input-problem';
import { parseNativeJson } from './native-json.format';
import { parseNewsMlG2 } from './newsml-g2.format';
import { looksLikeNinjs, parseNinjs } from './ninjs.format';
import { parseNitf } from './nitf.format';
import { asArray, declaredEncoding, parseXml } from './safe-xml';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(body: Buffer): string {
  try {
    return utf8.decode(body).replace(/^\uFEFF/, '');
  } catch {
    throw new InputProblem(400, 'invalid-utf8', 'the body is not valid UTF-8');
  }
}

/** XML may declare another encoding (ISO-8859-1 is common in wire systems); JSON is always UTF-8. */
function decodeXml(body: Buffer, contentType: string | undefined): string {
  // UTF-16, as XML 1.0 (appendix F) tells it: by its byte order mark, else by how `<?` is written.
  const utf16 = utf16Of(body);
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(body).replace(/^\uFEFF/, '');
    } catch {
      throw new InputProblem(400, 'invalid-encoding', `the body starts as ${utf16.toUpperCase()} but is not valid ${utf16.toUpperCase()}`);
    }
  }
  const encoding = declaredEncoding(body, contentType);
  if (!encoding || /^utf-?8$/i.test(encoding)) return decode(body);
  const decoder = decoderFor(encoding);
  try {
    return decoder.decode(body);
  } catch {
    throw new InputProblem(400, 'invalid-encoding', `the body is not valid ${encoding.slice(0, 40)}`);
  }
}

function utf16Of(body: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (body.length < 4) return undefined;
  const [b0, b1, b2, b3] = body;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0)) return 'utf-16le';
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f)) return 'utf-16be';
  return undefined;
}

function decoderFor(encoding: string) {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new InputProblem(415, 'unsupported-encoding', `the document declares the encoding "${encoding.slice(0, 40)}", which is not supported: send UTF-8`);
  }
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputProblem(400, 'json-malformed', `malformed JSON: ${(error as Error).message}`);
  }
}

/** One JSON article, native or ninjs (also each item of a batch). */
export function draftFromJson(doc: unknown): ArticleDraft {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new InputProblem(400, 'json-not-object', 'an article must be a JSON object');
  const obj = doc as Record<string, unknown>;
  return looksLikeNinjs(obj) ? parseNinjs(obj) : parseNativeJson(obj);
}

function parseJson(text: string): ArticleDraft {
  return draftFromJson(parseJsonText(text));
}

function parseXmlDocument(text: string): ArticleDraft {
  const root = parseXml(text);
  if (root.newsItem) return parseNewsMlG2(root, text);
  // A newsMessage wraps items for transport; one item is that item, several are a batch to split.
  const items = asArray(((root.newsMessage as Record<string, unknown> | undefined)?.itemSet as Record<string, unknown> | undefined)?.newsItem);
  if (root.newsMessage && items.length === 1) return parseNewsMlG2({ newsItem: items[0] }, text);
  if (root.newsMessage) {
    throw new InputProblem(422, 'news-message-items', `a newsMessage must carry exactly one newsItem here, it carries ${items.length}: send each item on its own`, 'itemSet');
  }
  if (root.nitf) return parseNitf(root, text);
  const name = Object.keys(root).find((k) => !k.startsWith('?'));
  throw new InputProblem(415, 'unsupported-xml', `unsupported XML document <${name ?? '?'}>: expected a NewsML-G2 newsItem or NITF`);
}

/** Picks the parser from the content type; JSON flavours by content, XML flavours by root element. */
export function parseSubmission(contentType: string | undefined, body: Buffer): ArticleDraft {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (body.length === 0) throw new InputProblem(400, 'empty-body', 'the request body is empty');
  const xml = type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml');
  const text = xml ? decodeXml(body, contentType) : decode(body);
  if (type === 'application/ninjs+json') {
    const draft = parseJson(text);
    return draft.format === 'ninjs' ? draft : parseNinjs(JSON.parse(text));
  }
  if (type === 'application/json' || type.endsWith('+json')) return parseJson(text);
  if (xml) return parseXmlDocument(text);
  throw new InputProblem(415, 'unsupported-media-type', `content type "${type || '(none)'}" is not accepted: send application/json, application/ninjs+json or XML (NewsML-G2, NITF)`);
}
