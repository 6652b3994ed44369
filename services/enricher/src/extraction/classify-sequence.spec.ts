import fc from 'fast-check';
import { featureWordAfter } from './classify-sequence';
import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

describe('classifying capitalised runs', () => {
  const gazetteer = loadGazetteer();
  const names = (body: string, type: string) =>
    extractEntities({ headline: '', body, publishedAt: '2025-11-25T09:00:00Z' }, { gazetteer }).entities.filter((e) => e.type === type).map((e) => e.name);

  it('reads "the Elizabeth line" as a rail line, not the city of Elizabeth', () => {
    const body = 'LONDON — Transport for London said it would run a limited service on the Elizabeth line and the Victoria line during the strike in London.';
    expect(names(body, 'place')).toContain('London');
    expect(names(body, 'place')).not.toEqual(expect.arrayContaining([expect.stringMatching(/Elizabeth|Victoria/)]));
    expect(names(body, 'person')).not.toEqual(expect.arrayContaining([expect.stringMatching(/Elizabeth|Victoria/)]));
  });

  it('reads the titles and name shapes of US and Arab politics', () => {
    const body = 'Senate Majority Leader John Thune, R-S.D., and Sen. Chuck Schumer, D-N.Y., met Gov. Ron DeSantis. ' +
      'Levy County Sheriff Bobby McCallum said Syrian President Ahmed al-Sharaa had called.';
    expect(names(body, 'person').sort()).toEqual(['Ahmed al-Sharaa', 'Bobby McCallum', 'Chuck Schumer', 'John Thune', 'Ron DeSantis']);
    expect(names(body, 'organization')).toEqual([]);
  });

  it('reads banks and companies in business copy, at the start of a sentence too', () => {
    const body = 'Bank of Japan Governor Kazuo Ueda said rates would rise. Bank of America and Deutsche Bank agreed to settle. Ford Motor Co and Topline Securities said shares fell.';
    expect(names(body, 'organization').sort()).toEqual(['Bank of America', 'Bank of Japan', 'Deutsche Bank', 'Ford Motor Co', 'Topline Securities']);
    expect(names(body, 'place')).toEqual([]);
    expect(names(body, 'person')).toEqual(['Kazuo Ueda']);
  });

  it('reads companies and clubs named like people, later mentions of a name with a particle, and crude grades', () => {
    const body = 'Goldman Sachs and Morgan Stanley advised Manchester United. Commission President Ursula von der Leyen spoke. ' +
      'Von der Leyen said Brent crude and U.S. West Texas Intermediate fell.';
    expect(names(body, 'organization').sort()).toEqual(['Goldman Sachs', 'Manchester United', 'Morgan Stanley']);
    expect(names(body, 'person')).toEqual(['Ursula von der Leyen']);
    expect(names(body, 'place')).toEqual([]);
  });

  it('still finds the place when it is named as one', () => {
    expect(names('Firefighters in Elizabeth, New Jersey, were called to a warehouse fire on Tuesday.', 'place')).toContain('Elizabeth');
  });

  it('does not take an everyday word opening a sentence for a place (wrong weather followed)', () => {
    const opening = [
      'Mobile phones will be banned in all state schools from September, the Education Secretary said on Monday.',
      'Nice words were exchanged after the match, the coach said on Sunday.',
      'Hurricane warnings were issued for the Florida Keys on Monday as the storm strengthened, forecasters said.',
      'LONDON (Reuters) — Reading from a prepared statement, the judge said the government had acted lawfully.',
    ];
    for (const body of opening) expect(names(body, 'place')).not.toEqual(expect.arrayContaining(['Mobile', 'Nice', 'Hurricane', 'Reading']));
    const { primaryLocation } = extractEntities({ headline: 'Mobile phone ban in schools', body: opening[0], publishedAt: '2025-11-25T09:00:00Z' }, { gazetteer });
    expect(primaryLocation).toBeNull();
  });

  it('still finds such a place with a cue, inside a sentence, or when it is too big to mistake', () => {
    expect(names('Mobile, Ala., was hit by flooding on Monday, officials said.', 'place')).toContain('Mobile');
    expect(names('The festival returns to Nice in July, organisers said.', 'place')).toContain('Nice');
    expect(names('Flights from Reading were cancelled on Monday.', 'place')).toContain('Reading');
    expect(names('Phoenix recorded its hottest day on Monday, forecasters said.', 'place')).toContain('Phoenix');
  });

  it('splits two complete organisations joined by "and", but not one name that holds an "and"', () => {
    expect(names('Researchers at Harvard University and the Massachusetts Institute of Technology unveiled a battery.', 'organization'))
      .toEqual(expect.arrayContaining(['Harvard University', 'Massachusetts Institute of Technology']));
    expect(names('The Department of Health and Human Services said on Monday it would act.', 'organization')).toEqual(['Department of Health and Human Services']);
    expect(names('The Ministry of Trade and Industry said exports rose.', 'organization')).toEqual(['Ministry of Trade and Industry']);
  });

  it('does not take a storm warning for a person', () => {
    expect(names('Tropical Storm warnings were issued on Monday for the coast.', 'person')).toEqual([]);
  });

  it('reads a name holding a big place as a person when the text uses its surname alone, and a team as a team', () => {
    expect(names('Paris Hilton arrived at the gala on Monday. Hilton said she was delighted.', 'person')).toEqual(['Paris Hilton']);
    expect(names('Canadian psychologist Jordan Peterson spoke on Monday. Peterson said the lecture would go ahead.', 'person')).toEqual(['Jordan Peterson']);
    expect(names('The Atlanta Braves won on Monday. Braves fans celebrated.', 'organization')).toContain('Atlanta Braves');
    // Without the surname on its own there is no evidence either way: it stays as the rules read it.
    expect(names('Paris Hilton arrived at the gala on Monday.', 'person')).toEqual([]);
  });

  it('names a company without its legal form, so "Apple Inc" and "Apple" are one organisation', () => {
    const { entities } = extractEntities({ headline: '', body: 'Apple Inc said on Monday that sales rose. Shares in Apple climbed.', publishedAt: '2025-11-25T09:00:00Z' }, { gazetteer });
    const orgs = entities.filter((e) => e.type === 'organization');
    expect(orgs).toEqual([expect.objectContaining({ id: 'organization:apple', name: 'Apple', mentionCount: 2 })]);
    expect(orgs[0].surfaceForms).toEqual(expect.arrayContaining(['Apple Inc', 'Apple']));
    expect(names('The British Broadcasting Corporation said on Monday it would cut jobs.', 'organization')).toEqual(['British Broadcasting Corporation']);
  });

  it('keeps "Sheikh" in the names it is written with, and drops it before an Arabic patronymic as a title', () => {
    const dhaka = 'DHAKA, Bangladesh (AP) — Former Prime Minister Sheikh Hasina was sentenced in absentia on Monday. Hasina fled to India last year.';
    const { entities } = extractEntities({ headline: '', body: dhaka, publishedAt: '2025-11-25T09:00:00Z' }, { gazetteer });
    expect(entities.filter((e) => e.type === 'person')).toEqual([expect.objectContaining({ name: 'Sheikh Hasina', mentionCount: 2, titles: ['Prime Minister'] })]);
    expect(names('Sheikh Mujibur Rahman led the independence struggle.', 'person')).toEqual(['Sheikh Mujibur Rahman']);
    const doha = 'Qatar’s emir, Sheikh Tamim bin Hamad Al Thani, met the president on Monday. Sheikh Tamim said talks would continue.';
    const emir = extractEntities({ headline: '', body: doha, publishedAt: '2025-11-25T09:00:00Z' }, { gazetteer }).entities.filter((e) => e.type === 'person');
    expect(emir).toEqual([expect.objectContaining({ name: 'Tamim bin Hamad Al Thani', mentionCount: 2, titles: ['Sheikh'] })]);
    // Other titles are still split off, regnal numbers kept.
    expect(names('Pope Leo XIV met King Charles III and Prince William.', 'person').sort()).toEqual(['Charles III', 'Leo XIV', 'William']);
    expect(names('Pope Leo XIV met King Charles III and Prince William.', 'organization')).toEqual([]);
  });

  it('reads a name before a geographic feature as that place, not the company, the state or a person', () => {
    const manaus = 'MANAUS, Brazil (AP) — Drought has pushed the Amazon river to its lowest level in a century, stranding boats near Manaus.';
    expect(names(manaus, 'organization')).toEqual([]);
    expect(names(manaus, 'place')).toContain('Amazon River');
    expect(names('Water from the Colorado river and the Mekong delta was running low.', 'place').sort()).toEqual(['Colorado River', 'Mekong Delta']);
    expect(names('Ships in the Sea of Galilee and the Strait of Hormuz were delayed.', 'place').sort()).toEqual(['Sea of Galilee', 'Strait of Hormuz']);
    // Still the company alone, and still the state where a feature is a stretch of it.
    expect(names('Amazon said on Monday it would hire 10,000 workers.', 'organization')).toEqual(['Amazon']);
    expect(names('Fires burned across the California desert and the Texas coast.', 'place').sort()).toEqual(['California', 'Texas']);
  });

  it('does not split an unknown place of several words into two unrelated places, nor read it as a person', () => {
    const halls = 'HALLS GAP, Australia (AP) — Firefighters battled a blaze on Tuesday as residents of Halls Gap were told to leave.';
    expect(names(halls, 'place').sort()).toEqual(['Australia', 'Halls Gap']);
    const gap = extractEntities({ headline: '', body: halls, publishedAt: '2025-11-25T09:00:00Z' }, { gazetteer }).entities.find((e) => e.name === 'Halls Gap');
    expect(gap?.geo).toBeUndefined();
    const cedar = 'CEDAR KEY, Fla. (AP) — Residents of Cedar Key returned on Friday to find homes flooded after Hurricane Helene.';
    expect(names(cedar, 'person')).toEqual([]);
    expect(names(cedar, 'place')).toContain('Cedar Key');
    // An organisation's own dateline names the organisation.
    const un = 'UNITED NATIONS (AP) — The United Nations said on Monday that aid would flow.';
    expect(names(un, 'organization')).toEqual(['United Nations']);
    expect([...names(un, 'person'), ...names(un, 'place')]).toEqual([]);
    // Without a dateline: a state after it, or the same name read as a place elsewhere in the story.
    const { entities } = extractEntities({ headline: 'Residents return to storm-battered Cedar Key', body: 'Residents of Cedar Key, Fla., began returning home on Friday.', publishedAt: '2025-11-25T09:00:00Z' }, { gazetteer });
    expect(entities.filter((e) => e.name === 'Cedar Key')).toEqual([expect.objectContaining({ type: 'place', mentionCount: 2 })]);
    // Names that do nest still decompose.
    expect(names('Flooding hit homes in Ikeja Lagos on Monday.', 'place').sort()).toEqual(['Ikeja', 'Lagos']);
    expect(names('Police in Marrakech Morocco said on Monday the suspects were held.', 'place').sort()).toEqual(['Marrakech', 'Morocco']);
  });

  it('reads the feature word after a name by character codes exactly as its pattern does', () => {
    const pattern = /^\s+(\p{Ll}+)\b/u;
    const features = new Set('river delta lake estuary canal strait mountains range basin glacier volcano reservoir creek island islands forest rainforest jungle sea gulf bay valley desert peninsula plateau falls'.split(' '));
    const viaPattern = (after: string) => {
      const m = pattern.exec(after);
      return m && features.has(m[1]) ? { word: m[1], length: m[0].length } : undefined;
    };
    const pieces = fc.constantFrom('river', 'delta', 'bay', 'basin', 'said', 'r', 'é', 'ß', 'River', 'X', '7', '_', ' ', ' ', '\n', '\t', '\u00a0', '\u2003', ',', '.', "'", '’', '-', '(');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => expect(featureWordAfter(parts.join(''))).toEqual(viaPattern(parts.join('')))), { numRuns: 5000 });
    expect(featureWordAfter(' river, which')).toEqual({ word: 'river', length: 6 });
    expect(featureWordAfter(' riverside')).toBeUndefined();
  });
});
