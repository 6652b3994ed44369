import type { EntityType } from '@newsflow/contracts';

/**
 * What a general NLP library thinks a span is. The rule layer asks only where its own cues are
 * silent (a lone capitalised word, a run with no title, head noun or gazetteer entry).
 */
export interface NlpHints {
  typeOf(start: number, end: number): EntityType | undefined;
}

export const NO_HINTS: NlpHints = { typeOf: () => undefined };

interface TaggedSpan {
  start: number;
  end: number;
  type: EntityType;
}

export function hintsFromSpans(spans: TaggedSpan[]): NlpHints {
  return {
    typeOf(start, end) {
      // Overlap is enough: libraries and rules disagree on titles and trailing punctuation.
      let best: TaggedSpan | undefined;
      for (const s of spans) {
        if (s.start < end && s.end > start && (!best || s.end - s.start > best.end - best.start)) best = s;
      }
      return best?.type;
    },
  };
}
