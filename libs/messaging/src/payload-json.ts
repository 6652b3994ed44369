/**
 * A stage passes on what it consumed with its own section added, so most of what it publishes is
 * text it has just read: an article and the sections before its own, 10–20 KB. Serialising that
 * again cost every stage a JSON.stringify of the whole event, and the indexer two (its search
 * document keeps the same JSON). The consumed message's payload text is kept beside the payload
 * object instead, and a publish that only adds sections after it appends their JSON to that text.
 *
 * The text is kept only when it is certainly the payload's: the event passed the compiled check
 * (so every other top-level value is a string or a number, and no key is unknown), `"payload":`
 * occurs exactly once in the message (so it is that key and no duplicate), the payload is the last
 * key, and its text is an object running to the message's closing brace. Otherwise the payload is
 * serialised as before. Text from this pipeline's own producers is what JSON.stringify gives for the
 * parsed payload, byte for byte; another producer's spacing or escapes are kept as they came, the
 * same JSON values either way.
 */
const PAYLOAD_KEY = '"payload":';
const payloadTexts = new WeakMap<object, string>();

/**
 * A message value as Nest's Kafka parser decodes it (JSON when it looks like JSON, else the text,
 * and a value starting with a zero byte, a schema registry's framing, left binary), with the text
 * it was parsed from. Nest's own parser decodes the bytes twice; this once.
 */
export function decodeMessageValue(value: unknown): { value: unknown; text?: string } {
  if (value === null || value === undefined) return { value: null };
  if (!Buffer.isBuffer(value)) return { value };
  if (value.length > 0 && value[0] === 0) return { value };
  const text = value.toString('utf8');
  if (text[0] !== '{' && text[0] !== '[') return { value: text };
  try {
    return { value: JSON.parse(text), text };
  } catch {
    return { value: text };
  }
}

/** Keeps `messageText`'s payload text for `event.payload`, if it is certainly that (see above); `event` passed the compiled check. */
export function rememberPayloadText(event: { payload: unknown }, messageText: string): void {
  const payload = event.payload;
  if (typeof payload !== 'object' || payload === null) return;
  const at = messageText.indexOf(PAYLOAD_KEY);
  if (at < 0 || messageText.includes(PAYLOAD_KEY, at + PAYLOAD_KEY.length)) return;
  const keys = Object.keys(event);
  if (keys[keys.length - 1] !== 'payload' || !messageText.endsWith('}')) return;
  const text = messageText.slice(at + PAYLOAD_KEY.length, -1);
  if (text[0] === '{' && text[text.length - 1] === '}') payloadTexts.set(payload, text);
}

/** The JSON of a payload: the consumed text when there is one, else serialised. */
export function payloadJson(payload: unknown): string {
  return (typeof payload === 'object' && payload !== null && payloadTexts.get(payload)) || JSON.stringify(payload);
}

/**
 * The JSON of `payload` when it is `base`'s sections, the same objects in the same order, followed by
 * new ones, and `base`'s text is known: that text with the new sections appended. Undefined otherwise.
 */
export function extendedPayloadJson(payload: Record<string, unknown>, base: unknown): string | undefined {
  if (typeof base !== 'object' || base === null) return undefined;
  const text = payloadTexts.get(base);
  if (text === undefined) return undefined;
  const baseSections = base as Record<string, unknown>;
  const baseKeys = Object.keys(baseSections);
  const keys = Object.keys(payload);
  if (baseKeys.length === 0 || keys.length < baseKeys.length) return undefined;
  for (let i = 0; i < baseKeys.length; i += 1) {
    if (keys[i] !== baseKeys[i] || payload[keys[i]] !== baseSections[baseKeys[i]]) return undefined;
  }
  let added = '';
  for (const key of keys.slice(baseKeys.length)) {
    const json = JSON.stringify(payload[key]);
    if (json !== undefined) added += `,${JSON.stringify(key)}:${json}`;
  }
  return `${text.slice(0, -1)}${added}}`;
}

/** JSON.stringify(envelope), with the payload's JSON given; the payload is the envelope's last key. */
export function envelopeJson(envelope: { payload: unknown }, payload: string): string {
  const head = JSON.stringify({ ...envelope, payload: undefined });
  return head === '{}' ? `{"payload":${payload}}` : `${head.slice(0, -1)},"payload":${payload}}`;
}
