import { normaliseName } from './normalise-name';

/**
 * Organisations best known by their acronym, with the canonical name used across articles.
 * Where the acronym *is* the usual name (INTERPOL, NATO, FIFA) it stays canonical.
 */
// A Map, not an object: asked with every capitalised run, and an object's inherited keys are no organisations.
const KNOWN = new Map<string, string>(Object.entries({
  INTERPOL: 'INTERPOL', NATO: 'NATO', FIFA: 'FIFA', UEFA: 'UEFA', OPEC: 'OPEC', ASEAN: 'ASEAN', UNESCO: 'UNESCO',
  UNICEF: 'UNICEF', NASA: 'NASA', EUROPOL: 'Europol', UNHCR: 'UNHCR', UNRWA: 'UNRWA', IAEA: 'IAEA', IMF: 'International Monetary Fund',
  UN: 'United Nations', 'U.N.': 'United Nations', EU: 'European Union', WHO: 'World Health Organization', WTO: 'World Trade Organization',
  ECB: 'European Central Bank', FBI: 'FBI', CIA: 'CIA', ICC: 'International Criminal Court', ICJ: 'International Court of Justice',
  IOC: 'International Olympic Committee', OECD: 'OECD', AU: 'African Union', ECOWAS: 'ECOWAS', BBC: 'BBC', AP: 'Associated Press',
  AFP: 'Agence France-Presse', IPCC: 'IPCC', WFP: 'World Food Programme', MSF: 'Doctors Without Borders', ICRC: 'International Committee of the Red Cross',
  SADC: 'SADC', APEC: 'APEC', G7: 'G7', G20: 'G20', BRICS: 'BRICS', IMO: 'International Maritime Organization', ILO: 'International Labour Organization',
  FAO: 'Food and Agriculture Organization', UNDP: 'UNDP', NHS: 'NHS', SEC: 'SEC', FDA: 'FDA', CDC: 'CDC', IEA: 'International Energy Agency',
  ESA: 'European Space Agency', SpaceX: 'SpaceX', MERCOSUR: 'Mercosur', OAS: 'Organization of American States', IOM: 'International Organization for Migration',
}));

/** Names (not acronyms) that cue no keyword but are organisations everywhere. */
const KNOWN_NAMES = ['Reuters', 'Associated Press', 'United Nations', 'White House', 'Kremlin', 'Pentagon', 'Hamas', 'Hezbollah', 'Taliban', 'Google', 'Apple',
  'Microsoft', 'Amazon', 'Meta', 'Tesla', 'Toyota', 'Samsung', 'Nvidia', 'Airbus', 'Boeing', 'Volkswagen', 'Siemens', 'Unilever', 'Nestle', 'Nestlé',
  'Interpol', 'Europol', 'Greenpeace', 'Amnesty International', 'Human Rights Watch', 'Red Cross', 'Red Crescent', 'World Bank', 'Al Jazeera',
  'Vatican', 'Mercosur', 'Downing Street', 'Bundestag', 'Knesset', 'Duma', 'Politburo', 'Congress', 'Parliament', 'Senate',
  // Companies and institutions named like people or places, which the rules would read as such.
  'Goldman Sachs', 'Morgan Stanley', 'Merrill Lynch', 'Charles Schwab', 'JPMorgan', 'JPMorgan Chase', 'Wells Fargo', 'Berkshire Hathaway',
  'Johnson & Johnson', 'Procter & Gamble', 'Ernst & Young', 'Marks & Spencer', 'Rolls-Royce', 'Mercedes-Benz', 'Harley-Davidson',
  'Louis Vuitton', 'Estee Lauder', 'Ralph Lauren', 'Levi Strauss', 'Walt Disney', 'Warner Bros', 'Thomson Reuters', 'Dow Jones',
  'Bundesbank', 'Embraer', 'Ecopetrol', 'Petrobras', 'Pemex', 'Aramco', 'Saudi Aramco', 'Gazprom', 'Rosneft', 'Aeromexico', 'Eskom',
  'Al-Shabab', 'al-Shabab', 'Houthis', 'Wagner', 'La Liga', 'Serie A', 'Bundesliga', 'Ligue 1', 'Premier League'];

const KNOWN_NAME_SET = new Map(KNOWN_NAMES.map((n) => [normaliseName(n), n]));

/** Names in market copy that are no organisation or place: crude grades ("Brent crude", "U.S. West Texas Intermediate"). */
const NOT_NAMES = new Set(['brent', 'brent crude', 'west texas intermediate', 'u.s. west texas intermediate', 'wti'].map(normaliseName));

export function isCommodityName(text: string): boolean {
  return NOT_NAMES.has(normaliseName(text));
}

/** Acronyms in wire copy that are not organisations. */
const NOT_ORGS = new Set(['CEO', 'GDP', 'AI', 'TV', 'PM', 'AM', 'COVID', 'COVID-19', 'HIV', 'AIDS', 'OK', 'USD', 'EUR', 'II', 'III', 'IV', 'VI',
  'VII', 'VIII', 'IX', 'XI', 'DNA', 'ID', 'CO2', 'LGBT', 'LGBTQ', 'MP', 'MPS', 'SUV', 'GMT', 'UTC', 'BC', 'AD', 'PHD', 'VIP', 'FC', 'Q1', 'Q2', 'Q3', 'Q4',
  // Stock indices ("Germany's DAX", "France's CAC 40").
  'DAX', 'CAC', 'FTSE', 'TOPIX', 'KOSPI', 'SENSEX', 'NIFTY', 'STOXX']);

export function knownOrganisation(text: string): string | undefined {
  return KNOWN.get(text) ?? KNOWN_NAME_SET.get(normaliseName(text));
}

export function isNonOrgAcronym(text: string): boolean {
  return NOT_ORGS.has(text.toUpperCase());
}

/**
 * Compound acronyms written with a dash (`ICPO–INTERPOL`): the part that is also written alone in
 * the text is the usual name, so `ICPO–INTERPOL` folds into INTERPOL.
 */
export function acronymParts(text: string): string[] {
  return text.split(/[-–]/).filter((p) => p.length >= 2);
}

/** Does `acronym` abbreviate `longForm`? Initials of capitalised words, in order, allowing skipped letters. */
export function abbreviates(acronym: string, longForm: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  const initials = longForm
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  if (letters.length < 2 || initials.length < 2) return false;
  let i = 0;
  for (const ch of initials) if (ch === letters[i]) i += 1;
  return i >= Math.min(letters.length, 3) || initials.startsWith(letters);
}
