import type { EntityType } from '@newsflow/contracts';

export type Field = 'headline' | 'body';

/** A stretch of one field; `text === fieldText.slice(start, end)` always holds. */
export interface Span {
  field: Field;
  start: number;
  end: number;
  text: string;
}

/**
 * One mention before entities are merged: `key` groups mentions of the same thing
 * (e.g. `person:ahmed naser al-raisi`), `name` is the canonical name this mention suggests.
 */
export interface RawMention extends Span {
  type: EntityType;
  name: string;
  /** Places only: the country/state the text puts next to the name (`Paris, Texas`). */
  hint?: { countryCode?: string; admin1?: string };
  /** Organisations only: a team named in a match report ("Arsenal beat Newcastle 2-0"). */
  club?: boolean;
  /** Places only: the place the dateline names. */
  dateline?: boolean;
  /** Weak mentions (bare surnames, bare single words) only count when a strong mention shares the key. */
  weak?: boolean;
  /** People only: the title written before this mention ("Major General"). */
  title?: string;
  /**
   * Organisations only: a two-word name holding a big place ("Paris Hilton", "Jordan Peterson"), read
   * as a person when the text names its second word alone elsewhere, as wire copy does with surnames.
   */
  personIfSurnameRecurs?: boolean;
  /**
   * Organisations only: one word read as an organisation on evidence a person's surname has too
   * ("McIlroy" has a capital inside, "X said in a statement"): the person, when the story names someone with that surname in full.
   */
  personIfFullNamed?: boolean;
}

export interface ArticleText {
  headline: string;
  body: string;
  /** The source's own dateline, if the format carried one. */
  dateline?: string;
  publishedAt?: string;
  /** The end of the story's embargo, if any: a story released later speaks of its release day. */
  embargoedUntil?: string;
  /**
   * Only where the story was filed, from its dateline: for a language the rules cannot read, whose
   * dateline still names the place (and so its weather).
   */
  placeOnly?: boolean;
  /** The language the story is in (`fr`), when known: a dateline town in its countries is plausible. */
  language?: string;
  /** The language tag as the source gave it (`en-GB`): its region says how numeric dates are written. */
  languageTag?: string;
}
