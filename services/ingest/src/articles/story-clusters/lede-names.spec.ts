import { ledeNames, namePairKeys } from './lede-names';

describe('lede names', () => {
  it('reads capitalised words that do not merely start a sentence, folded, the headline first', () => {
    expect(ledeNames('Bridge collapse in Brazil kills at least four', 'BRASILIA, Nov 19 (Reuters) - At least four people were killed after a bridge over the Tocantins River collapsed in São Paulo state on Wednesday.'))
      .toEqual({ names: ['brazil', 'tocantins', 'river', 'sao', 'paulo'], headlineNames: 1 });
  });

  it("counts a sentence's first word when it is capitalised elsewhere too", () => {
    expect(ledeNames('Nordair strike: what travellers in Sweden need to know', 'Pilots at Nordair began a two-day strike on Wednesday.').names).toEqual(['nordair', 'sweden']);
  });

  it('reads no sentence end into an abbreviation or an initial', () => {
    expect(ledeNames('Kowalski dies', 'Walter J. Kowalski won a seat in the U.S. House in 1990.').names).toEqual(['kowalski', 'u.s', 'house']);
  });

  it("takes from a title-case headline only names its first paragraph has", () => {
    expect(ledeNames("Eleanor Vance Dies: Oscar-Nominated 'Long Season' Star Was 84", 'The actor Eleanor Vance, nominated for an Oscar, died Saturday in Rhinebeck.'))
      .toEqual({ names: ['eleanor', 'vance', 'oscar', 'rhinebeck'], headlineNames: 2 });
  });

  it('finds none in text without capitals or in a language that capitalises its nouns', () => {
    expect(ledeNames('补正予算案を閣議決定', '政府は27日、補正予算案を閣議決定した。').names).toEqual([]);
    expect(ledeNames('Bahn sperrt Strecke Hamburg–Berlin', 'Die Deutsche Bahn sperrt die Strecke.', 'de').names).toEqual([]);
  });

  it('keys a story by each pair of its first five names, whichever order two stories name them in', () => {
    const keys = namePairKeys(['turkey', 'malatya', 'ankara', 'afad', 'erdogan', 'istanbul']);
    expect(keys).toHaveLength(10);
    expect(keys).toContain('malatya|turkey');
    expect(keys.some((key) => key.includes('istanbul'))).toBe(false);
    expect(namePairKeys(['malatya', 'turkey'])).toEqual(['malatya|turkey']);
    expect(namePairKeys(['rotterdam'])).toEqual([]);
  });
});
