import { aheadBefore, ATTRIBUTION_REACH, directionBefore, pastPerfectBefore } from './date-tense';

describe('directionBefore', () => {
  it('lets the nearer of the last future and the last past verb govern', () => {
    expect(directionBefore('Prices will fall next month, the minister said ')).toBe('back');
    expect(directionBefore('The minister said talks would resume ')).toBe('ahead');
    expect(directionBefore('The trial begins ')).toBe('ahead');
    expect(directionBefore('Talks ')).toBeUndefined();
  });
  it('does not count a past verb behind a comma against an earlier future one, nor a participle after "be"', () => {
    expect(directionBefore('The president will sign the bill, which was passed by Congress, ')).toBe('ahead');
    expect(directionBefore('The summit will be held ')).toBe('ahead');
    expect(directionBefore('The delayed vote ')).toBeUndefined();
  });
  it('counts a reporting verb only within reach when asked to', () => {
    expect(directionBefore('The minister said the law takes effect ', ATTRIBUTION_REACH)).toBeUndefined();
    expect(directionBefore('The minister said in a statement ', ATTRIBUTION_REACH)).toBe('back');
  });
});

describe('aheadBefore and pastPerfectBefore', () => {
  it('answers the cheaper questions the same way', () => {
    expect(aheadBefore('The minister said talks would resume ')).toBe(true);
    expect(aheadBefore('Prices will fall, the minister said ')).toBe(false);
    expect(pastPerfectBefore('The votes had been counted ')).toBe(true);
    expect(pastPerfectBefore('The report must be filed ')).toBe(false);
  });
});
