/** A queue member: one version of one article (`<id>:<version>`). */
export function backfillMember(articleId: string, version: number): string {
  return `${articleId}:${version}`;
}

/**
 * The members a version of an article makes obsolete: every earlier version's (a correction took
 * their text out), and for a kill every version's, its own included (nothing of a killed story may
 * be sent again). Versions count from 1 without gaps: ingest keeps each number, also when a purge
 * erases the copy of earlier versions.
 */
export function supersededMembers(articleId: string, version: number, canceled: boolean): string[] {
  const through = canceled ? version : version - 1;
  return Array.from({ length: Math.max(0, through) }, (_, i) => backfillMember(articleId, i + 1));
}
