/**
 * Characters of a kill's reason that go into the logs: room for a court's or a ticket's reference,
 * which operators look the kill up by, and not for the grounds (or a name) written out after it.
 * The whole reason stays in the kill and on the takedown list.
 */
export const LOGGED_KILL_REASON_CHARS = 48;

/** The reason as logged: its start, cut at a character (never inside a surrogate pair) and marked when cut; null for none. */
export function killReasonForLog(reason: string | undefined): string | null {
  if (!reason) return null;
  const characters = Array.from(reason);
  return characters.length <= LOGGED_KILL_REASON_CHARS ? reason : `${characters.slice(0, LOGGED_KILL_REASON_CHARS).join('')}…`;
}
