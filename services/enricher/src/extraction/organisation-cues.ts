/** Head nouns that end an organisation's name ("Royal Moroccan Police", "Bank of England" starts with one). */
const ORG_HEADS = new Set(
  `organization organisation police ministry council union bank agency association federation committee commission party
  company corporation corp corp. inc inc. ltd ltd. plc llc group university institute court army navy forces force authority
  department office service services fund foundation parliament congress senate club fc airlines airways motors bureau board
  reserve front movement alliance league network programme center centre school college academy society trust coalition
  cabinet guard guards brigade brigades tribunal secretariat assembly institution labs laboratories bureau times
  post journal news herald telegraph tribune press broadcasting media holdings industries energy petroleum oil technologies systems
  partners capital ventures exchange registry observatory commissioner power electric lines rail railways cross crescent conservation
  mitigation protection unit administration electronics co co. securities hospital records laboratory band films pictures studios
  platforms marine solutions management steelworkers`
    .split(/\s+/)
    .filter(Boolean),
);

/** Heads that begin a name when followed by "of" ("Ministry of Health", "University of Cape Town"). */
const ORG_PREFIX_HEADS = new Set(['center', 'centre', 'ministry', 'department', 'university', 'bank', 'council', 'court', 'office', 'organization', 'organisation', 'institute', 'federation', 'union', 'league', 'association', 'house', 'church', 'party', 'board', 'commission', 'agency']);

/** Words just before a name that say it is an organisation ("copper giant Codelco", "power utility Eskom"). */
export const ORG_CUES = new Set(
  `giant utility firm company carmaker automaker airline bank lender insurer retailer group agency regulator operator union startup
  miner rival broadcaster newspaper maker manufacturer conglomerate chain developer producer club team exporter shipper insurer
  planemaker chipmaker drugmaker steelmaker automaker carrier railroad operator militants`
    .split(/\s+/)
    .filter(Boolean),
);

/** After a lone name, who runs a company: "Glencore's chief executive", "Ajax chief executive Menno Geelen". */
const EXECUTIVE_AFTER = /^(?:['’]s)?\s+(?:chief executive|CEO|chief financial officer|chairman|chairwoman)\b/;
/** What a company's name does in market copy: "Ford shares fell", "Infosys rose 1.7%" (a city's shares are its market's: "Tokyo shares fell"). */
const MARKET_AFTER =
  /^(?:['’]s\s+(?:shares|share price|shareholders|profit|revenue|earnings)\b|\s+shares\s+(?:rose|fell|gained|jumped|slid|dropped|climbed|tumbled|surged|slumped|closed|ended|were|was)\b|\s+(?:rose|fell|gained|jumped|slid|dropped|climbed|added|lost|shed|tumbled|surged|slumped|advanced|declined)\s+\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b))/;
/** First letters of the words EXECUTIVE_AFTER, MARKET_AFTER and STATEMENT_AFTER accept after a space. */
const CUE_FIRST_LETTERS = new Set([...'cCsrfgjdalt'].map((ch) => ch.charCodeAt(0)));
/** "X said in a statement": companies do, and people too (the linker settles which, see personIfFullNamed). */
const STATEMENT_AFTER = /^\s+said in a statement\b/;

/**
 * What follows a lone name that says it is a company: `executive` outweighs a town of that name
 * ("Ajax chief executive"), `market` and `statement` do not.
 */
export function companyCueAfter(after: string): 'executive' | 'market' | 'statement' | undefined {
  // Asked after every lone capitalised word: the cues' first letters rule nearly all out without a pattern.
  const c = after.charCodeAt(0);
  if (c !== 0x27 && c !== 0x2019 && !(c === 0x20 && CUE_FIRST_LETTERS.has(after.charCodeAt(1)))) return undefined;
  return EXECUTIVE_AFTER.test(after) ? 'executive' : MARKET_AFTER.test(after) ? 'market' : STATEMENT_AFTER.test(after) ? 'statement' : undefined;
}

/** ", the ruling party founded by…", ", a French carmaker.": a noun phrase after a name that says what it is. */
const APPOSITIVE = /^,\s+(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}?([\p{Ll}]+)(?=[,.;]|\s+(?:founded|that|which|whose|led|based|backed|of|in|on|with)\b)/u;
/** What such a phrase ends with when it describes an organisation. */
const APPOSITIVE_NOUNS = new Set(['party', 'movement', 'coalition', 'alliance', 'company', 'firm', 'group', ...ORG_CUES]);

/** "Georgian Dream, the ruling party founded by…": the name is the party (a person is no "rival", "team" or "club"). */
export function organisationAppositive(after: string): boolean {
  if (after.charCodeAt(0) !== 0x2c) return false;
  const noun = APPOSITIVE.exec(after)?.[1];
  return noun !== undefined && APPOSITIVE_NOUNS.has(noun) && noun !== 'rival' && noun !== 'team' && noun !== 'club';
}

/** "Harvard University", "Ford Motor Company": the name ends with its head noun. */
export function endsWithOrganisationHead(words: string[]): boolean {
  return words.length >= 2 && ORG_HEADS.has(words[words.length - 1].toLowerCase());
}

/** "Bank of America", "University of Cape Town": a head, "of", and the rest; the caller checks the rest is a place. */
export function startsWithOrganisationHead(words: string[]): boolean {
  return words.length >= 3 && words[1].toLowerCase() === 'of' && ORG_PREFIX_HEADS.has(words[0].toLowerCase());
}

export function hasOrganisationHead(words: string[]): boolean {
  if (words.length === 0) return false;
  const last = words[words.length - 1].toLowerCase();
  if (ORG_HEADS.has(last) && words.length >= 2) return true;
  const ofAt = words.findIndex((w) => /^(?:of|for)$/i.test(w));
  return ofAt > 0 && ORG_PREFIX_HEADS.has(words[ofAt - 1].toLowerCase());
}
