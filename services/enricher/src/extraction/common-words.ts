/**
 * Capitalised words that start sentences or headlines but never name anything on their own.
 * A sequence loses these from its front; they are not a dictionary, just the usual suspects in wire copy.
 */
export const LEADING_STOPWORDS = new Set(
  `a an the this that these those he she it they we i you his her its their our my your in on at for but and or as by
  with from to of after before during while when where if although though meanwhile however also over under about
  according since until despite amid among between into across around against without within some many most all both each
  every no not one two three four five six seven eight nine ten several few there here then thus so yet still only just
  even more less last next new former late early earlier later today yesterday tomorrow tonight now please yes
  officials police authorities government residents witnesses analysts critics experts sources shares stocks prices investors traders
  speaking highlighting presenting bringing following asked told says said meanwhile overall separately elsewhere
  mr mrs ms dr why what who how which whose whom`
    .split(/\s+/)
    .filter(Boolean),
);

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTHS_AND_WEEKDAYS = new Set([...MONTHS, ...WEEKDAYS]);
const ABBREVIATED_MONTHS = new Set(MONTH_ABBR.filter((m) => m !== 'may'));

/** Calendar words split capitalised sequences: dates are found separately. (Asked of every capitalised token.) */
export function isCalendarWord(word: string): boolean {
  const lower = word.toLowerCase();
  const w = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  return MONTHS_AND_WEEKDAYS.has(w) || (ABBREVIATED_MONTHS.has(w) && /^\p{Lu}/u.test(word));
}

/** Words that are never part of a person's name, so a sequence holding one is something else. */
export const NON_NAME_WORDS = new Set(
  `prize award awards day act bill law street avenue road airport stadium bridge river mountains mountain lake park square
  hospital station island islands valley bay coast sea ocean strait gulf desert canal dam port harbour harbor arena hall
  palace cathedral mosque church temple museum tower forest national international global security leadership world
  cup league championship championships games olympics summit conference festival open election elections week
  treaty accord agreement plan program programme project initiative vaccine report index act amendment protocol doctrine
  north south east west northern southern eastern western central middle upper lower greater new old kingdom republic
  english french spanish arabic chinese russian german data system policy fire power electric energy lines rail railway railways
  conservation county coast cove guard police bank group motors airlines airways media news storm hurricane typhoon cyclone`
    .split(/\s+/)
    .filter(Boolean),
);

/** Geographic feature words that make an unknown sequence a place even when the gazetteer lacks it. */
export const PLACE_FEATURE_WORDS = new Set(
  'river mountains mountain lake island islands valley bay cove coast sea ocean strait gulf desert canal peninsula province region county district airport falls park'.split(' '),
);
