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
