import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { hintsFromSpans, NlpHints } from './nlp-hints';

let nlp: ReturnType<typeof winkNLP> | undefined;

/**
 * wink-nlp's lite English model has no person/organisation/place entities (only dates, numbers,
 * hashtags…), so its contribution is part-of-speech: proper nouns (PROPN) it tags as such are
 * offered as "person" where the rules were unsure. It exists to compare against compromise.
 */
export function winkHints(text: string): NlpHints {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const spans: { start: number; end: number; type: 'person' }[] = [];
  let cursor = 0;
  doc.tokens().each((t: { out: (f: unknown) => unknown }) => {
    const value = t.out(its.value) as string;
    const start = text.indexOf(value, cursor);
    if (start < 0) return;
    cursor = start + value.length;
    if (t.out(its.pos) === 'PROPN') spans.push({ start, end: cursor, type: 'person' });
  });
  return hintsFromSpans(spans);
}
