/**
 * A store a service cannot reach at start, named with the variable that points at it, so the one
 * fatal line says what to fix ("Connection is closed." alone did not). Credentials are left out.
 */
export function unreachable(store: string, variable: string, url: string, error: unknown): Error {
  let where = url;
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    where = parsed.toString();
  } catch {
    where = '(unparsable URL)';
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`cannot reach ${store} at ${where} (${variable}): ${reason}`, { cause: error });
}
