/**
 * A stage passes on what it consumed with its own section added, so most of what it publishes is
 * what it has just read: an article and the sections before its own, 10–20 KB. Serialising that
 * again cost every stage a JSON.stringify of the whole event, and the indexer two (its search
 * document keeps the same JSON). The consumed message's payload bytes are kept beside the payload
 * object instead, and a publish that only adds sections after them appends their JSON to those bytes.
 * The bytes are a view into the batch kafkajs fetched, which it holds until the batch is done
 * anyway, where the decoded text would be a second copy on the heap for as long as the event is handled.
 *
 * They are kept only when they are certainly the parsed payload and nothing else, because every
 * stage re-emits them unchecked: a message may repeat a key, JSON.parse keeps the last copy (which
 * is what was validated), and the bytes must not carry an earlier one. So one scan of the message,
 * strings and escapes respected, must find: exactly one top-level key that decodes to `payload`,
 * written `"payload":` and followed at once by an object; no top-level key after it (its object
 * ends right before the message's closing brace); and as many keys inside that object, at every
 * level, as the parsed payload has (fewer means a key was repeated, and its first copy would be
 * re-emitted). Otherwise (say a first `"payload":{…}`, then a second `"producer"` and an escaped
 * `"pay\u006coad":{…}`) the payload is serialised as before. This pipeline's own producers
 * wrote what JSON.stringify gives for the parsed payload, byte for byte; another producer's spacing
 * or escapes are kept as they came, the same JSON values either way.
 */
const PAYLOAD = Buffer.from('payload');
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
/** The longest a key decoding to `payload` can be written: each letter as a `\uXXXX` escape. */
const LONGEST_PAYLOAD_KEY = PAYLOAD.length * 6;
const payloadBytes = new WeakMap<object, Buffer>();

/**
 * A message value as Nest's Kafka parser decodes it (JSON when it looks like JSON, else the text,
 * and a value starting with a zero byte, a schema registry's framing, left binary), with the bytes
 * when they were JSON. Nest's own parser decodes the bytes twice; this once.
 */
export function decodeMessageValue(value: unknown): { value: unknown; bytes?: Buffer } {
  if (value === null || value === undefined) return { value: null };
  if (!Buffer.isBuffer(value)) return { value };
  if (value.length > 0 && value[0] === 0) return { value };
  const text = value.toString('utf8');
  if (text[0] !== '{' && text[0] !== '[') return { value: text };
  try {
    return { value: JSON.parse(text), bytes: value };
  } catch {
    return { value: text };
  }
}

/** Keeps the message's payload bytes for `event.payload`, if they are certainly that (see above); `event` passed the compiled check. */
export function rememberPayloadBytes(event: { payload: unknown }, message: Buffer): void {
  const payload = event.payload;
  if (typeof payload !== 'object' || payload === null) return;
  const span = payloadSpan(message);
  if (span === undefined || span.keys !== keyCount(payload)) return;
  payloadBytes.set(payload, message.subarray(span.start, message.length - 1));
}

/**
 * Where the payload object starts in `message` (a JSON object: it was parsed) and how many keys it
 * holds at every level, when it is the only top-level key decoding to `payload`, written literally,
 * and its object ends right before the message's closing brace; otherwise undefined.
 */
function payloadSpan(message: Buffer): { start: number; keys: number } | undefined {
  const last = message.length - 1;
  if (message[0] !== OPEN_BRACE || message[last] !== CLOSE_BRACE) return undefined;
  let depth = 0;
  let start = -1;
  let keys = 0;
  for (let i = 0; i < last; i += 1) {
    const byte = message[i];
    if (byte === QUOTE) {
      const open = i;
      i = closingQuote(message, open);
      // In valid JSON only a key is followed by a colon.
      if (!isFollowedByColon(message, i + 1)) continue;
      if (depth > 1) {
        if (start >= 0) keys += 1;
      } else if (decodesToPayload(message, open, i)) {
        if (start >= 0 || message[i + 1] !== COLON || message[i + 2] !== OPEN_BRACE || !isLiteralPayload(message, open)) return undefined;
        start = i + 2;
      }
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
      // The payload's own closing brace: anything between it and the message's (a key, a space) declines.
      if (depth === 1 && start >= 0) return i === last - 1 ? { start, keys } : undefined;
    }
  }
  return undefined;
}

/** The quote closing the string opened at `open`: found natively (most of an event's bytes are strings), skipping escaped ones. */
function closingQuote(message: Buffer, open: number): number {
  let at = open;
  for (;;) {
    at = message.indexOf(QUOTE, at + 1);
    if (at < 0) return message.length;
    let backslashes = 0;
    while (message[at - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
}

function isFollowedByColon(message: Buffer, at: number): boolean {
  let i = at;
  while (message[i] === 0x20 || message[i] === 0x0a || message[i] === 0x0d || message[i] === 0x09) i += 1;
  return message[i] === COLON;
}

function isLiteralPayload(message: Buffer, open: number): boolean {
  return message[open + PAYLOAD.length + 1] === QUOTE && PAYLOAD.equals(message.subarray(open + 1, open + 1 + PAYLOAD.length));
}

/** Whether the key between the quotes at `open` and `close` decodes to `payload`, escaped or not. */
function decodesToPayload(message: Buffer, open: number, close: number): boolean {
  const length = close - open - 1;
  if (length === PAYLOAD.length) return isLiteralPayload(message, open);
  if (length < PAYLOAD.length || length > LONGEST_PAYLOAD_KEY) return false;
  const escape = message.indexOf(BACKSLASH, open);
  if (escape < 0 || escape > close) return false;
  return JSON.parse(message.toString('utf8', open, close + 1)) === 'payload';
}

/**
 * The keys of `value` and of every object in it, as JSON.parse made them. `for…in` costs half of
 * Object.keys here; an inherited enumerable key could only raise the count, which declines the bytes.
 */
function keyCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) count += keyCount(value[i]);
    return count;
  }
  for (const key in value) count += 1 + keyCount((value as Record<string, unknown>)[key]);
  return count;
}

/** The JSON of a payload: the consumed bytes when there are some, else serialised. */
export function payloadJson(payload: unknown): string {
  const bytes = typeof payload === 'object' && payload !== null ? payloadBytes.get(payload) : undefined;
  return bytes ? bytes.toString('utf8') : JSON.stringify(payload);
}

/**
 * The message value of `envelope` (whose payload is its last key): when its payload is `base`'s
 * sections, the same objects in the same order, followed by new ones, and `base`'s bytes are kept,
 * those bytes with the new sections appended; otherwise JSON.stringify(envelope).
 */
export function envelopeValue(envelope: { payload: Record<string, unknown> }, base: unknown): Buffer | string {
  const bytes = typeof base === 'object' && base !== null ? payloadBytes.get(base) : undefined;
  const added = bytes && addedSectionsJson(envelope.payload, base as Record<string, unknown>);
  if (!bytes || added === undefined) return JSON.stringify(envelope);
  const head = JSON.stringify({ ...envelope, payload: undefined });
  const prefix = head === '{}' ? '{"payload":' : `${head.slice(0, -1)},"payload":`;
  return Buffer.concat([Buffer.from(prefix), bytes.subarray(0, bytes.length - 1), Buffer.from(`${added}}}`)]);
}

/** `,"key":json` for each section of `payload` after `base`'s, or undefined unless `payload` starts with exactly `base`'s sections. */
function addedSectionsJson(payload: Record<string, unknown>, base: Record<string, unknown>): string | undefined {
  const baseKeys = Object.keys(base);
  const keys = Object.keys(payload);
  if (baseKeys.length === 0 || keys.length < baseKeys.length) return undefined;
  for (let i = 0; i < baseKeys.length; i += 1) {
    if (keys[i] !== baseKeys[i] || payload[keys[i]] !== base[baseKeys[i]]) return undefined;
  }
  let added = '';
  for (const key of keys.slice(baseKeys.length)) {
    const json = JSON.stringify(payload[key]);
    if (json !== undefined) added += `,${JSON.stringify(key)}:${json}`;
  }
  return added;
}
