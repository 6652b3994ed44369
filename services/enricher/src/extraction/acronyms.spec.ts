import { abbreviates, acronymParts, knownOrganisation } from './acronyms';

describe('acronyms', () => {
  it('knows organisations by acronym', () => {
    expect(knownOrganisation('INTERPOL')).toBe('INTERPOL');
    expect(knownOrganisation('UN')).toBe('United Nations');
    expect(knownOrganisation('Un')).toBeUndefined();
  });
  it('splits dashed compounds', () => {
    expect(acronymParts('ICPO–INTERPOL')).toEqual(['ICPO', 'INTERPOL']);
  });
  it('matches initials to long forms', () => {
    expect(abbreviates('ICPO–INTERPOL', 'International Criminal Police Organization')).toBe(true);
    expect(abbreviates('WHO', 'World Health Organization')).toBe(true);
    expect(abbreviates('NATO', 'European Union')).toBe(false);
  });
});
