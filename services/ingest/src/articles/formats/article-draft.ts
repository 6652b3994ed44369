/** What every input format is parsed into before normalisation into the canonical article. */
export interface ArticleDraft {
  format: 'native' | 'ninjs' | 'newsml-g2' | 'nitf' | 'rss' | 'rdf' | 'atom';
  /** A source id the document claims (native JSON `source`); must match the authenticated source. */
  sourceId?: string;
  sourceName?: string;
  sourceItemId?: string;
  headline?: string;
  summary?: string;
  /**
   * Whether headline and summary may carry HTML (feeds' titles and descriptions do). Elsewhere they
   * are plain text, where "<2%" or a Reuters code such as "<AAPL.O>" is text, not markup.
   */
  htmlInText?: boolean;
  /** Body as the source sent it: HTML (sanitised later) or plain text. */
  bodyHtml?: string;
  bodyText?: string;
  byline?: string;
  language?: string;
  url?: string;
  firstCreated?: string;
  /** When the content (not this item) was created: NewsML-G2 `contentCreated`, ninjs `contentcreated`. */
  contentCreated?: string;
  versionCreated?: string;
  /** The publication status as the format writes it (`usable`, `stat:withheld`, `embargoed`…). */
  pubStatus?: string;
  /** Not to be published before this time. */
  embargoedUntil?: string;
  /**
   * When the item may be released, without saying it is embargoed (NITF `date.release` with another
   * status): an embargo when it lies ahead, nothing when it has passed.
   */
  releaseAt?: string;
  /** Not to be published after this time (NITF `date.expire`, ninjs `expires`, AP's NewsML-G2 `itemMeta/expires`). */
  expires?: string;
  /**
   * The place the format's own metadata gives (NITF `dateline`/`evloc`, NewsML-G2 `dateline`/`located`,
   * ninjs `located`), as the document writes it; the dateline when the text starts with none.
   */
  dateline?: string;
  media: Array<{ url: string; type?: string; caption?: string }>;
  /**
   * Times set aside rather than refused (a feed item's unreadable or future date, a kill's times), each
   * with its reason: the item then goes with its receive time, and the feed poller counts and logs it.
   */
  timeNotes?: string[];
  /** Top-level fields we do not use; ignored, and listed back to the sender. */
  unknownFields: string[];
  /** Fields present with the wrong JSON type, e.g. a number where text belongs. */
  wrongTypes: string[];
  /** What the format calls the canonical fields, so a refusal names what the sender sent (`uri`, not `sourceItemId`). */
  fieldNames?: Partial<Record<string, string>>;
  /** What to add to a refusal of a canonical field, in the format's terms (where ninjs puts a body). */
  fieldHints?: Partial<Record<string, string>>;
}

export function emptyDraft(format: ArticleDraft['format']): ArticleDraft {
  return { format, media: [], unknownFields: [], wrongTypes: [] };
}

/** Trimmed string or undefined; a value of another type counts as missing (and is reported so). */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** Like `text`, but ids may come as numbers from some wire systems. */
export function idText(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);
}
