// The news events the relevance corpus is written about. Every generated article belongs to exactly
// one event (its `label`), and the judgments (queries.js) are defined on those labels, never on what
// the search engine returns. Names of people, parties and companies are invented; places are real.
// Templates: `{slot}` is filled from the event's slots (a person, organisation or place is recorded as
// an entity of the article), `{slot.last}` gives a person's surname, `{n}`-style slots are numbers.
const P = (name) => ({ type: 'person', name });
const O = (name) => ({ type: 'organization', name });
/** A place by its usual English name; `geoname` when GeoNames spells it differently. */
const C = (name, country, geoname = name) => ({ type: 'place', name, country, geoname });

const ELECTION = {
  sources: ['northwire', 'global-desk', 'city-herald'],
  headlines: [
    '{country} votes in tight {race} as {lead.last} and {rival.last} trade leads',
    '{lead} claims victory in {country} {race}',
    'Polls close in {place} with turnout above {pct}%',
    'Early results put {lead.last} ahead in {country} {race}',
    '{rival} concedes defeat in {race}',
    'Election officials begin count after {country} vote',
    'TV debate sharpens {country} election campaign',
    'Observers report few irregularities in {country} election',
    '{lead.last} courts undecided voters in final days of campaign',
    'What the {race} result means for {country}',
  ],
  body: [
    'Polling stations in {place} opened at 7 a.m. and queues stretched around the block by mid-morning.',
    '{lead}, the {party1} candidate, told supporters the election was a choice about the future of {country}.',
    'With {pct}% of ballots counted, {lead.last} held {pct2}% of the vote, according to the {authority}.',
    'Turnout was estimated at {pct}%, election officials said, higher than at the last vote.',
    '{rival} of the {party2} accused the government of using state resources in the campaign.',
    'Analysts said the result of the {race} would shape economic policy for years.',
    'The {authority} said voting had been largely orderly, with isolated delays in {place2}.',
    'Campaigning focused on the cost of living, crime and jobs, and both candidates promised tax cuts.',
    'Opinion polls before the vote had shown the two candidates within {n1} points of each other.',
    'International election observers will publish a preliminary report on the conduct of the vote.',
    'Voters in {place2} said rising food prices had decided how they cast their ballots.',
    '{rival.last} told reporters the {party2} would respect the final count but wanted a recount in some districts.',
    'Counting continued overnight and the {authority} expects to certify the election result within a week.',
  ],
};

const STORM = {
  sources: ['northwire', 'global-desk', 'city-herald'],
  headlines: [
    '{storm} batters {region} with winds of {speed} km/h',
    '{storm} makes landfall near {place}',
    'Thousands without power as {storm} sweeps across {region}',
    '{storm}: flooding forces evacuations in {place}',
    'Clean-up begins in {place} after {storm}',
    'Forecasters warn {storm} will strengthen before reaching {region}',
    'Insurers count the cost of {storm}',
    'Schools closed and flights cancelled as {storm} approaches',
    'Residents of {place} return to flooded homes',
    '{met} issues red warning for {region}',
  ],
  body: [
    'Gusts of up to {speed} km/h were recorded in {place}, the {met} said.',
    'Power was cut to {big} homes and businesses at the height of the storm.',
    'Emergency services rescued {n1} people from flooded homes in {place2} overnight.',
    'Rail operators suspended services across {region} and the main airport cancelled {n2} flights.',
    '{official} urged residents to stay indoors until the storm had passed.',
    'Rivers burst their banks after {n2} millimetres of rain fell in {n1} hours.',
    'The {met} issued its highest warning for wind, heavy rain and storm surge along the coast.',
    'Fallen trees blocked roads around {place2}, and fishing boats stayed in port.',
    'At least {n1} people were injured, most of them hit by flying debris, officials said.',
    'Insurers estimated the damage from {storm} at {n2} million euros, though the figure could rise.',
    'Evacuation centres in {place} took in {big} people as the storm surge reached the seafront.',
    'Scientists said warmer seas were making storms like {storm} wetter and more intense.',
    '{official} said the army had been sent to help clear debris and restore power.',
  ],
};

const CENTRAL_BANK = {
  sources: ['business-wire', 'northwire', 'global-desk'],
  headlines: [
    '{bank} {decision} interest rates as inflation cools',
    '{head} signals caution on further rate cuts',
    'Markets price in {bank} move after inflation data',
    '{bank} minutes show policymakers split over pace of easing',
    '{bank} {decision} rates; {currency} reacts',
    'What the {bank} decision means for mortgages and savers',
    '{head.last} says {bank} will not pre-commit to a rate path',
    'Economists expect {bank} to keep monetary policy tight',
  ],
  body: [
    'The {bank} {decision} its benchmark interest rate, leaving it at {rate}%, in a decision announced in {place}.',
    '{head}, who leads the {bank}, told a news conference that inflation was moving towards the {target}% target.',
    'Policymakers voted {votes} in favour of the decision, according to a statement.',
    'Inflation eased to {infl}% in the year to last month, the slowest pace in more than a year.',
    'The {currency} {move} after the announcement, while government bond yields fell.',
    'Economists said the central bank was likely to cut rates again early next year if wage growth slows.',
    '{head.last} warned that risks to the outlook remained, including energy prices and trade tensions.',
    'Higher borrowing costs have weighed on housing and business investment over the past two years.',
    'The bank also published new forecasts showing growth of {gdp}% this year.',
    'Markets had fully priced in the move, and attention turned to the guidance on future monetary policy.',
    'Some policymakers argued that rates should fall faster to support a weakening labour market.',
    'The central bank said it would continue to reduce the size of its bond holdings.',
  ],
};

const WILDFIRE = {
  sources: ['northwire', 'global-desk', 'city-herald'],
  headlines: [
    '{fire} forces thousands to evacuate near {place}',
    'Firefighters battle {fire} as winds pick up',
    'Wildfire burns {big} hectares in {region}',
    '{fire}: homes destroyed as flames reach {place}',
    'Water-bombing planes sent to fight wildfire in {region}',
    'Wildfire smoke shrouds {place}, health warning issued',
    '{fire} contained after {n1} days, officials say',
    'Arson suspected in {region} wildfire',
  ],
  body: [
    'More than {n2} firefighters, backed by water-bombing aircraft, were fighting the wildfire near {place}.',
    'The fire has burned through {big} hectares of forest and scrubland since it broke out on {day}.',
    '{official} said strong winds and tinder-dry vegetation were driving the flames towards villages.',
    'Authorities ordered the evacuation of {n1} villages and opened shelters in {place2}.',
    'At least {n1} homes were destroyed, and a firefighter was treated for burns.',
    'Smoke from the wildfire drifted over {place2}, where officials advised residents to stay indoors.',
    'Temperatures above {temp} degrees and months without rain have left the region at extreme fire risk.',
    'Police arrested a man suspected of starting the fire, {official.last} said.',
    'Crews cut firebreaks overnight, and the blaze was {pct}% contained by the morning.',
    'Scientists say climate change is making fire seasons longer and wildfires harder to control.',
    'Roads into {place} were closed as flames jumped a highway.',
  ],
};

const QUAKE = {
  sources: ['northwire', 'global-desk'],
  headlines: [
    'Magnitude {mag} earthquake strikes {region}',
    'Earthquake near {place} kills at least {n1}',
    'Rescuers search rubble after {region} earthquake',
    'Aftershocks rattle {place} as quake survivors sleep outside',
    'Earthquake damages buildings in {place}; schools closed',
    '{agency} warns of more aftershocks after {region} quake',
  ],
  body: [
    'The magnitude {mag} earthquake struck at a depth of {n1} kilometres near {place}, the {agency} said.',
    'Buildings swayed in {place2}, and residents ran into the streets.',
    'Rescuers pulled {n1} people alive from collapsed buildings overnight.',
    '{official} said at least {n1} people had died and {n2} were injured.',
    'More than {n2} aftershocks were recorded in the hours after the quake.',
    'Engineers began inspecting bridges, schools and hospitals for damage.',
    'The region lies on an active fault line and has a history of strong earthquakes.',
    'Tents and blankets were handed out to families too afraid to return home.',
  ],
};

const STRIKE = {
  sources: ['northwire', 'business-wire', 'city-herald'],
  headlines: [
    '{workers} strike over pay, disrupting {service}',
    '{union} extends strike as talks stall',
    'Commuters face delays as {workers} walk out in {place}',
    '{union} and employers resume talks to end strike',
    'Strike enters {n1}th day with no deal in sight',
    'Government urges {union} to call off strike',
  ],
  body: [
    '{workers} walked out on {day} after talks over pay and working conditions broke down.',
    '{leader}, who leads the {union}, said members would not accept a below-inflation pay offer.',
    'Only one in {n1} services was running, and {service} was severely disrupted.',
    'Employers said the strike was costing the economy {n2} million euros a day.',
    'The {union} said the strike would continue until the government joined the negotiations.',
    'Commuters in {place2} faced long queues and crowded replacement buses.',
    'The transport minister called the walkout irresponsible and urged both sides to return to talks.',
    '{leader.last} told a rally in {place} that workers had lost {pct}% of their pay to inflation.',
  ],
};

/** key, topic, how many articles, dates, places (first is the usual dateline), slots, templates. */
const EVENTS = [
  { key: 'br-runoff', topic: 'election', count: 56, from: '2025-10-20', to: '2025-11-04', ...ELECTION,
    places: [C('São Paulo', 'BR'), C('Brasília', 'BR'), C('Rio de Janeiro', 'BR'), C('Belo Horizonte', 'BR')],
    slots: { country: 'Brazil', race: 'presidential runoff', lead: P('Helena Prado'), rival: P('Ricardo Tavares'),
      party1: O('Social Democratic Alliance'), party2: O('Liberal Renewal Party'), authority: O('Superior Electoral Court') } },
  { key: 'ke-general', topic: 'election', count: 48, from: '2025-09-05', to: '2025-09-25', ...ELECTION,
    places: [C('Nairobi', 'KE'), C('Mombasa', 'KE'), C('Kisumu', 'KE'), C('Nakuru', 'KE')],
    slots: { country: 'Kenya', race: 'general election', lead: P('Amina Wanjiru'), rival: P('Daniel Otieno'),
      party1: O('Unity Democratic Movement'), party2: O("People's Reform Congress"), authority: O('Independent Electoral and Boundaries Commission') } },
  { key: 'de-saxony', topic: 'election', count: 40, from: '2025-09-20', to: '2025-10-06', ...ELECTION,
    places: [C('Dresden', 'DE'), C('Leipzig', 'DE'), C('Chemnitz', 'DE')],
    slots: { country: 'Germany', race: 'Saxony state election', lead: P('Katrin Vogel'), rival: P('Jonas Brandt'),
      party1: O('Christian Democratic Union'), party2: O('Green Party'), authority: O('Saxony state electoral office') } },
  { key: 'ca-toronto', topic: 'election', count: 34, from: '2025-11-10', to: '2025-11-26', ...ELECTION,
    places: [C('Toronto', 'CA'), C('Mississauga', 'CA')],
    slots: { country: 'Canada', race: 'Toronto mayoral by-election', lead: P('Sarah Whitfield'), rival: P('Omar Haddad'),
      party1: O('Progressive Toronto'), party2: O('Toronto First'), authority: O('Elections Toronto') } },

  { key: 'storm-elowen', topic: 'storm', count: 56, from: '2025-11-01', to: '2025-11-12', ...STORM,
    places: [C('Brest', 'FR'), C('Quimper', 'FR'), C('Lorient', 'FR'), C('Saint-Malo', 'FR')],
    slots: { storm: 'Storm Elowen', region: 'Brittany', official: P('Anne Le Gall'), met: O('Meteo-France') } },
  { key: 'hurricane-delia', topic: 'storm', count: 56, from: '2025-09-25', to: '2025-10-08', ...STORM,
    places: [C('Tampa', 'US'), C('Fort Myers', 'US'), C('Sarasota', 'US'), C('Orlando', 'US')],
    slots: { storm: 'Hurricane Delia', region: 'Florida', official: P('Mark Ellison'), met: O('National Hurricane Center') } },
  { key: 'typhoon-kiko', topic: 'storm', count: 48, from: '2025-10-15', to: '2025-10-26', ...STORM,
    places: [C('Manila', 'PH'), C('Tabaco', 'PH'), C('Naga', 'PH')],
    slots: { storm: 'Typhoon Kiko', region: 'Luzon', official: P('Rosa Villanueva'), met: O('PAGASA') } },
  { key: 'storm-bram', topic: 'storm', count: 42, from: '2025-12-01', to: '2025-12-10', ...STORM,
    places: [C('Plymouth', 'GB'), C('Truro', 'GB'), C('Exeter', 'GB')],
    slots: { storm: 'Storm Bram', region: 'south-west England', official: P('Ruth Penrose'), met: O('Met Office') } },

  { key: 'ecb-cut', topic: 'central-bank', count: 56, from: '2025-10-28', to: '2025-11-06', ...CENTRAL_BANK,
    places: [C('Frankfurt am Main', 'DE')],
    slots: { bank: O('European Central Bank'), head: P('Elena Marchetti'), decision: 'cuts', rate: '2.25', target: '2', currency: 'euro', move: 'slipped' } },
  { key: 'fed-hold', topic: 'central-bank', count: 56, from: '2025-09-15', to: '2025-09-26', ...CENTRAL_BANK,
    places: [C('Washington', 'US', 'Washington, D.C.')],
    slots: { bank: O('Federal Reserve'), head: P('Thomas Hale'), decision: 'holds', rate: '4.5', target: '2', currency: 'dollar', move: 'firmed' } },
  { key: 'boe-cut', topic: 'central-bank', count: 42, from: '2025-11-05', to: '2025-11-14', ...CENTRAL_BANK,
    places: [C('London', 'GB')],
    slots: { bank: O('Bank of England'), head: P('Catherine Shaw'), decision: 'cuts', rate: '3.75', target: '2', currency: 'pound', move: 'fell' } },
  { key: 'boj-hike', topic: 'central-bank', count: 42, from: '2025-12-15', to: '2025-12-22', ...CENTRAL_BANK,
    places: [C('Tokyo', 'JP')],
    slots: { bank: O('Bank of Japan'), head: P('Kenji Morita'), decision: 'raises', rate: '0.75', target: '2', currency: 'yen', move: 'rose' } },

  { key: 'ridge-fire', topic: 'wildfire', count: 48, from: '2025-09-01', to: '2025-09-14', ...WILDFIRE,
    places: [C('Santa Rosa', 'US'), C('Napa', 'US'), C('Healdsburg', 'US')],
    slots: { fire: 'the Ridge Fire', region: 'northern California', official: P('Dana Ruiz') } },
  { key: 'evia-fire', topic: 'wildfire', count: 48, from: '2025-09-10', to: '2025-09-22', ...WILDFIRE,
    places: [C('Chalkida', 'GR'), C('Athens', 'GR'), C('Marathon', 'GR', 'Marathónas')],
    slots: { fire: 'the Evia wildfire', region: 'central Greece', official: P('Nikos Karalis') } },
  { key: 'kelowna-fire', topic: 'wildfire', count: 42, from: '2025-08-20', to: '2025-09-02', ...WILDFIRE,
    places: [C('Kelowna', 'CA'), C('Vernon', 'CA'), C('Penticton', 'CA')],
    slots: { fire: 'the Bear Creek fire', region: 'British Columbia', official: P('Laura McKinnon') } },
  { key: 'leiria-fire', topic: 'wildfire', count: 34, from: '2025-08-25', to: '2025-09-05', ...WILDFIRE,
    places: [C('Leiria', 'PT'), C('Coimbra', 'PT')],
    slots: { fire: 'the Leiria fire', region: 'central Portugal', official: P('João Matos') } },

  { key: 'izmir-quake', topic: 'earthquake', count: 42, from: '2025-10-03', to: '2025-10-12', ...QUAKE,
    places: [C('Izmir', 'TR'), C('Manisa', 'TR')],
    slots: { region: 'western Turkey', mag: '6.4', agency: O('AFAD'), official: P('Mehmet Yilmaz') } },
  { key: 'hualien-quake', topic: 'earthquake', count: 34, from: '2025-11-18', to: '2025-11-25', ...QUAKE,
    places: [C('Hualien City', 'TW'), C('Taipei', 'TW')],
    slots: { region: 'eastern Taiwan', mag: '6.8', agency: O('Central Weather Administration'), official: P('Chen Wei-ling') } },

  { key: 'rail-strike', topic: 'strike', count: 42, from: '2025-10-01', to: '2025-10-20', ...STRIKE,
    places: [C('Paris', 'FR'), C('Lyon', 'FR'), C('Marseille', 'FR')],
    slots: { workers: 'Rail workers', union: O('National Rail Workers Union'), leader: P('Philippe Garnier'), service: 'rail traffic' } },
  { key: 'port-strike', topic: 'strike', count: 34, from: '2025-10-20', to: '2025-11-08', ...STRIKE,
    places: [C('Rotterdam', 'NL'), C('Amsterdam', 'NL')],
    slots: { workers: 'Dockworkers', union: O('Dutch Port Workers Federation'), leader: P('Pieter de Groot'), service: 'container shipping' } },
];

module.exports = { EVENTS, P, O, C };
