import { EventSignals, sameEvent } from './same-event';
import { StoryBand } from './story-band.repository';

const reuters: EventSignals = {
  publishedAt: Date.parse('2026-11-03T05:20:00Z'),
  names: ['turkey', 'malatya'],
  headlineNames: 2,
  ledeWords: ['quake', 'magnitude', 'hit', 'eastern', 'province', 'kill', 'seven', 'people', 'building'],
};
const afp = (overrides: Partial<StoryBand> = {}): StoryBand => ({
  articleId: 'afp',
  storyClusterId: 'cluster-afp',
  minhash: [],
  publishedAt: '2026-11-03T05:35:00Z',
  names: ['turkey', 'malatya'],
  headlineNames: 2,
  ledeWords: ['turkey', 'quake', 'kill', 'seven', 'building', 'collapse', 'eastern', 'magnitude', 'region', 'scarred'],
  ...overrides,
});

describe('same event in other words', () => {
  it('joins another agency rewrite sharing two names and enough lede words, within a day', () => {
    expect(sameEvent(reuters, afp())).toBe(true);
  });

  it('keeps apart a story a day and more away', () => {
    expect(sameEvent(reuters, afp({ publishedAt: '2026-11-04T06:00:00Z' }))).toBe(false);
  });

  it('keeps apart a story sharing one name only', () => {
    expect(sameEvent(reuters, afp({ names: ['turkey', 'ankara'] }))).toBe(false);
  });

  it("keeps apart a story about the same names in other words (another story of the day)", () => {
    expect(sameEvent(reuters, afp({ ledeWords: ['president', 'visit', 'reconstruction', 'housing', 'promise', 'quake'] }))).toBe(false);
  });

  it("keeps apart a story whose headline subject the article does not name", () => {
    expect(sameEvent(reuters, afp({ names: ['elazig', 'turkey', 'malatya'], headlineNames: 1 }))).toBe(false);
    expect(sameEvent({ ...reuters, names: ['elazig', 'turkey', 'malatya'], headlineNames: 1 }, afp())).toBe(false);
  });

  it('never joins a story stored without names, words or time', () => {
    expect(sameEvent(reuters, afp({ names: undefined }))).toBe(false);
    expect(sameEvent(reuters, afp({ ledeWords: undefined }))).toBe(false);
    expect(sameEvent(reuters, afp({ publishedAt: undefined }))).toBe(false);
  });
});
