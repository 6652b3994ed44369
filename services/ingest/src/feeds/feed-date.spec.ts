import { feedDate, monthOf } from './feed-date';

describe('feedDate', () => {
  it.each([
    // RFC 822 as RFC 2822 writes it
    ['Wed, 31 Jan 2018 07:26:05 GMT', '2018-01-31T07:26:05.000Z'],
    ['Thu, 8 Aug 2024 15:39:03 +0000', '2024-08-08T15:39:03.000Z'],
    ['31 Jan 2018 07:26 EST', '2018-01-31T12:26:00.000Z'],
    ['Wed, 31 Jan 18 07:26:05 -0500', '2018-01-31T12:26:05.000Z'],
    ['Sun, 01 Jan 99 00:00:00 GMT', '1999-01-01T00:00:00.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['Mon, 24 Sep 2018 19:42:40 -0300 (BRT)', '2018-09-24T22:42:40.000Z'],
    ['Mon, 24 September 2018 19:42:40 +02:00', '2018-09-24T17:42:40.000Z'],
    // Portuguese (UOL, Folha)
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['Sáb, 06 Out 2018 08:00:00 -0300', '2018-10-06T11:00:00.000Z'],
    ['Ter, 25 Fev 2020 10:00:00 -0300', '2020-02-25T13:00:00.000Z'],
    ['Qua, 11 Dez 2019 10:00:00 -0200', '2019-12-11T12:00:00.000Z'],
    // Spanish
    ['Lun, 24 Sep 2018 19:42:40 +0200', '2018-09-24T17:42:40.000Z'],
    ['mié, 02 ene 2019 09:00:00 +0100', '2019-01-02T08:00:00.000Z'],
    ['Sáb, 20 Abr 2019 09:00:00 -0500', '2019-04-20T14:00:00.000Z'],
    ['dom, 10 dic 2017 23:59:59 +0100', '2017-12-10T22:59:59.000Z'],
    // French
    ['lun., 24 sept. 2018 19:42:40 +0200', '2018-09-24T17:42:40.000Z'],
    ['ven., 15 févr. 2019 08:30:00 +0100', '2019-02-15T07:30:00.000Z'],
    ['jeu, 01 août 2019 12:00:00 +0200', '2019-08-01T10:00:00.000Z'],
    ['mar, 10 déc 2019 12:00:00 CET', '2019-12-10T11:00:00.000Z'],
    ['sam., 06 juil. 2019 12:00:00 +0200', '2019-07-06T10:00:00.000Z'],
    // German
    ['Mo, 24 Sep 2018 19:42:40 +0200', '2018-09-24T17:42:40.000Z'],
    ['Di, 02 Okt 2018 10:00:00 MESZ', '2018-10-02T08:00:00.000Z'],
    ['Do, 05 Mär 2020 10:00:00 +0100', '2020-03-05T09:00:00.000Z'],
    ['Montag, 24. September 2018 19:42:40 +0200', '2018-09-24T17:42:40.000Z'],
    ['Fr, 13 Dez 2019 07:00:00 +0100', '2019-12-13T06:00:00.000Z'],
    // Italian
    ['lun, 24 set 2018 19:42:40 +0200', '2018-09-24T17:42:40.000Z'],
    ['mer, 08 mag 2019 10:00:00 +0200', '2019-05-08T08:00:00.000Z'],
    ['gio, 17 ott 2019 10:00:00 +0200', '2019-10-17T08:00:00.000Z'],
    ['sab, 15 giu 2019 10:00:00 +0200', '2019-06-15T08:00:00.000Z'],
    // ISO 8601 (Atom, dc:date); without an offset it is UTC
    ['2018-01-31T07:26:05Z', '2018-01-31T07:26:05.000Z'],
    ['2016-02-01T17:22:00+01:00', '2016-02-01T16:22:00.000Z'],
    ['2016-02-01T17:22:00+0100', '2016-02-01T16:22:00.000Z'],
    ['2016-02-01 17:22:00', '2016-02-01T17:22:00.000Z'],
    ['2016-02-01', '2016-02-01T00:00:00.000Z'],
    // What Date.parse read before, so still read: month first, a.m./p.m., no space after the weekday's comma
    ['January 31, 2018 07:26:05 GMT', '2018-01-31T07:26:05.000Z'],
    ['Wednesday, Jan 31, 2018 7:26 PM EST', '2018-02-01T00:26:00.000Z'],
    ['Wed,31 Jan 2018 07:26:05 GMT', '2018-01-31T07:26:05.000Z'],
    // JavaScript's Date#toString, which some feed generators print
    ['Mon Sep 24 2018 19:42:40 GMT-0300 (Brasilia Standard Time)', '2018-09-24T22:42:40.000Z'],
  ])('reads %s', (value, iso) => {
    expect(feedDate(value)).toBe(iso);
  });

  it.each(['', '   ', 'ontem às 19h42', '1', '07/12/2026', 'Seg, 31 Fev 2018 19:42:40 -0300', 'Mon, 24 Jui 2018 10:00:00 GMT', '24 Sep 2018 25:00:00 GMT', 'Mon, 24 Sep 2018 19:42:40 +9900'])(
    'gives undefined for %j, so the item keeps its receive time', (value) => {
      expect(feedDate(value)).toBeUndefined();
    },
  );

  it('reads month abbreviations only when they name one month', () => {
    expect([monthOf('Set'), monthOf('Okt'), monthOf('févr.'), monthOf('Mär'), monthOf('mrt'), monthOf('Ago'), monthOf('dez')]).toEqual([9, 10, 2, 3, 3, 8, 12]);
    expect([monthOf('jui'), monthOf('ma'), monthOf('xyz')]).toEqual([undefined, undefined, undefined]);
  });
});
