import { Area, Gazetteer } from './gazetteer';

/** The longest leading words of a capitalised run that name a country, region or US state, as named. */
export interface LeadingArea {
  name: string;
  area: Area;
}

/**
 * "Texas Gov. Greg", "Vietnam.", "Morocco's": the longest leading words of the run (split at spaces) that
 * `area` knows, first with a possessive "'s" dropped, then also with a trailing full stop ("…in Vietnam."
 * ends a sentence; "Fla." is an abbreviation, so the name with its full stop is asked first).
 */
export function leadingArea(run: string, g: Gazetteer): LeadingArea | undefined {
  // Most runs are people and organisations ("Emma Kowalski", "Atlantic Bank"): up to six `area` calls each.
  if (plainWordsStartingNoArea(run, g)) return undefined;
  // The run's first n words joined by spaces are the run up to its n-th space.
  for (let cut = run.length; cut > 0; cut = run.lastIndexOf(' ', cut - 1)) {
    let name = withoutPossessive(run.slice(0, cut));
    let area = g.area(name);
    if (!area && name.endsWith('.')) area = g.area((name = name.slice(0, -1)));
    if (area) return { name, area };
  }
  return undefined;
}

/**
 * A run of ASCII letters in words joined by single spaces, whose first word starts no area name. Such
 * a run's leading words fold to themselves in lower case (see normaliseName), so each starts with the
 * folded first word, and none is an area; nor is the run with a possessive or a full stop dropped, as
 * it has neither.
 */
function plainWordsStartingNoArea(run: string, g: Gazetteer): boolean {
  if (run.length === 0) return false;
  let firstSpace = -1;
  for (let i = 0; i < run.length; i += 1) {
    const c = run.charCodeAt(i);
    if (c === 0x20) {
      if (i === 0 || run.charCodeAt(i - 1) === 0x20 || i === run.length - 1) return false;
      if (firstSpace < 0) firstSpace = i;
    } else if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return !g.startsAreaName((firstSpace < 0 ? run : run.slice(0, firstSpace)).toLowerCase());
}

/** `name.replace(/[’']s$/, '')` without a pattern. */
function withoutPossessive(name: string): string {
  const n = name.length;
  return n >= 2 && name[n - 1] === 's' && (name[n - 2] === "'" || name[n - 2] === '’') ? name.slice(0, -2) : name;
}
