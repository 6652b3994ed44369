import Ajv2020, { _ } from 'ajv/dist/2020';
import { z } from 'zod';

/**
 * A compiled yes/no check of a zod schema: Ajv code generated from the JSON Schema that zod itself
 * emits for it (`z.toJSONSchema`, the same one the contract docs publish). It validates in place and
 * allocates next to nothing; a zod parse builds a copy of every object it checks, which at 10–20 KB
 * an event was a quarter to a third of what a stage allocated (bench/README.md, "Validation without
 * copies").
 *
 * Only a fast path, never the judge: `true` must imply that zod accepts the value and returns it
 * unchanged, and anything else goes to zod, which rejects with its own messages or strips what it
 * strips. So the check may be stricter than zod, never more lenient:
 * - output-mode JSON Schema closes a stripping object (`additionalProperties: false`, the envelope),
 *   so a value with a key zod would drop goes to zod; a loose object (the payload's) stays open, as
 *   zod keeps its unknown keys, but refuses an own `__proto__` key, which zod's copy loses;
 * - zod's string formats come with their own regular expression as `pattern`, which decides; the
 *   format names are accepted as such, except `uri`, which has no pattern and is checked by zod's
 *   own `z.url()`;
 * - both count a string's length in code points (a surrogate pair is one, a lone surrogate one);
 * - NaN and the infinities are numbers to Ajv unless `strictNumbers`; zod refuses them;
 * - a schema Ajv cannot compile (strict mode: an unknown keyword or format) gets no fast path at all.
 */
export type CompiledCheck = (value: unknown) => boolean;

const ZOD_URL = z.url();
const NO_FAST_PATH: CompiledCheck = () => false;
/** The one key a loose zod object does not keep: its copy assigns it, which sets the copy's prototype instead. */
export const KEY_ZOD_DROPS = '__proto__';
/**
 * Refuses an object holding KEY_ZOD_DROPS as its own key. A keyword of ours, compiled inline:
 * `propertyNames` loops over every key of every object, which more than doubled the check's time.
 */
const NO_KEY_ZOD_DROPS = 'x-newsflow-no-key-zod-drops';

/** Marks every open object of `schema` (a loose zod object's) with NO_KEY_ZOD_DROPS. */
function refuseKeyZodDrops(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(refuseKeyZodDrops);
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, refuseKeyZodDrops(value)]));
  const rest = node.additionalProperties;
  const open = node.type === 'object' && typeof rest === 'object' && rest !== null && Object.keys(rest).length === 0;
  return open ? { ...node, [NO_KEY_ZOD_DROPS]: true } : node;
}

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictNumbers: true, allErrors: false, validateSchema: false });
  for (const format of ['uuid', 'date-time', 'date']) ajv.addFormat(format, true);
  ajv.addFormat('uri', { type: 'string', validate: (value: string) => ZOD_URL.safeParse(value).success });
  ajv.addKeyword({
    keyword: NO_KEY_ZOD_DROPS,
    type: 'object',
    schemaType: 'boolean',
    code: (cxt) => cxt.fail(_`Object.prototype.hasOwnProperty.call(${cxt.data}, ${KEY_ZOD_DROPS})`),
  });
  return ajv;
}

let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<z.ZodType, CompiledCheck>();

/** The check for `schema`, compiled once on first use. */
export function compiledCheck(schema: z.ZodType): CompiledCheck {
  const known = compiled.get(schema);
  if (known) return known;
  let check = NO_FAST_PATH;
  try {
    ajv ??= createAjv();
    const validate = ajv.compile(refuseKeyZodDrops(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw' })) as object);
    check = (value) => validate(value) as boolean;
  } catch {
    // Zod alone then, as before this fast path existed; compiled-check.spec.ts checks every topic's event takes the fast path.
  }
  compiled.set(schema, check);
  return check;
}
