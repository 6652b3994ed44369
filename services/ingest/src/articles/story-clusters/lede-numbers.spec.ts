import { ledeNumbers, numbersAgree } from './lede-numbers';

describe('lede numbers', () => {
  it('reads the distinct numbers of the headline and first paragraph only, full-width digits folded', () => {
    expect(ledeNumbers('Magnitude 3.8 quake strikes near Ridgecrest', 'Reported at 6:41 a.m. at a depth of 4.3 miles, 3.8 again.\n\nAn average of 234 a year.'))
      .toEqual(['3.8', '6:41', '4.3']);
    expect(ledeNumbers('见面', '新华社北京１２月７日电')).toEqual(['12', '7']);
  });

  it('tells a template with other numbers from the same story with a new figure', () => {
    const bulletin = ['3.8', '11', '6:41', '4.3'];
    expect(numbersAgree(bulletin, ['3.6', '10', '1:09', '3.7'])).toBe(false);
    expect(numbersAgree(['6.1', '7'], ['19', '6.1'])).toBe(true);
  });

  it('lets a lede without numbers, or a story stored without them, be compared as before', () => {
    expect(numbersAgree([], ['3.8'])).toBe(true);
    expect(numbersAgree(['3.8'], [])).toBe(true);
  });
});
