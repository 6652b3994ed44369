/**
 * A stage passes on what it consumed with its own section added, so most of what it publishes is
 * what it has just read: an article and the sections before its own, 10–20 KB. Serialising that
 * again cost every stage a JSON.stringify of the whole event, and the indexer two (its search
 * document keeps the same JSON). The consumed message's payload bytes are kept beside the payload
 * object instead, and a publish that only adds sections after them appends their JSON to those bytes.
 * The bytes are a view into the batch kafkajs fetched, which it holds until the batch is done
 * anyway, where the decoded text would be a second copy on the heap for as long as the event is handled.
 *
 * They are kept only when they are certainly the payload's: the event passed the compiled check
 * (so every other top-level value is a string or a number, and no key is unknown), `"payload":`
 * occurs exactly once in the message (so it is that key and no duplicate), the payload is the last
 * key, and its bytes are an object running to the message's closing brace. Otherwise the payload is
 * serialised as before. This pipeline's own producers wrote what JSON.stringify gives for the parsed
 * payload, byte for byte; another producer's spacing or escapes are kept as they came, the same
 * JSON values either way.
 */
const PAYLOAD_KEY = '"payload":';
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
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
  const at = message.indexOf(PAYLOAD_KEY);
  if (at < 0 || message.indexOf(PAYLOAD_KEY, at + PAYLOAD_KEY.length) >= 0) return;
  const keys = Object.keys(event);
  if (keys[keys.length - 1] !== 'payload' || message[message.length - 1] !== CLOSE_BRACE) return;
  const bytes = message.subarray(at + PAYLOAD_KEY.length, message.length - 1);
  if (bytes[0] === OPEN_BRACE && bytes[bytes.length - 1] === CLOSE_BRACE) payloadBytes.set(payload, bytes);
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
