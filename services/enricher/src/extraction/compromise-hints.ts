import nlp from 'compromise';
import { hintsFromSpans, NlpHints } from './nlp-hints';

interface CompromiseMatch {
  offset: { start: number; length: number };
}

/** compromise's people/organisations/places as hints for the rule layer (approach "rules+compromise"). */
export function compromiseHints(text: string): NlpHints {
  const doc = nlp(text);
  const spans = ([['person', doc.people()], ['organization', doc.organizations()], ['place', doc.places()]] as const).flatMap(([type, view]) =>
    (view.json({ offset: true }) as CompromiseMatch[]).map((m) => ({ type, start: m.offset.start, end: m.offset.start + m.offset.length })),
  );
  return hintsFromSpans(spans);
}
