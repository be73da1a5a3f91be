import { describe, expect, it } from 'vitest';
import { parseDateValue, parseEpochSeconds, parseIsoDate } from '../../../src/evaluator/values/date.js';

/** Epoch milliseconds of an ISO instant, via the platform parser (a trusted oracle for the full, zoned form). */
const at = (iso: string): number => Date.parse(iso);

describe('parseIsoDate: calendar arithmetic [sheet §3.3]', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -86_400_000],
    ['1999-12-31', at('1999-12-31T00:00:00Z')],
    ['1900-03-01', at('1900-03-01T00:00:00Z')],
    ['1600-02-29', at('1600-02-29T00:00:00Z')],
    ['0000-01-01', at('0000-01-01T00:00:00Z')],
    ['9999-12-31', at('9999-12-31T00:00:00Z')],
  ])('%s is %d ms after the epoch', (text, ms) => {
    expect(parseIsoDate(text)).toBe(ms);
  });

  it('accepts year 0000 (1 BC in ISO 8601), which the legacy parser allows', () => {
    expect(parseDateValue('0000-01-01')).toBe(-62_167_219_200_000);
  });
});

describe('parseIsoDate: the last day of each month [sheet §3.3]', () => {
  const lastDay: [string, number][] = [
    ['01', 31], ['02', 28], ['03', 31], ['04', 30], ['05', 31], ['06', 30],
    ['07', 31], ['08', 31], ['09', 30], ['10', 31], ['11', 30], ['12', 31],
  ];
  it.each(lastDay)('2021-%s has %d days', (month, days) => {
    expect(parseDateValue(`2021-${month}-${days}`)).toBe(at(`2021-${month}-${days}T00:00:00Z`));
    expect(parseDateValue(`2021-${month}-${days + 1}`)).toBeNull();
  });

  it.each([
    ['2024-02-29', true, 'divisible by 4'],
    ['2023-02-29', false, 'not divisible by 4'],
    ['2100-02-29', false, 'a century not divisible by 400'],
    ['1900-02-29', false, 'a century not divisible by 400'],
    ['2000-02-29', true, 'divisible by 400'],
    ['2000-02-30', false, 'never 30 days'],
  ])('%s exists: %s (%s)', (text, exists) => {
    expect(parseDateValue(text)).toBe(exists ? at(`${text}T00:00:00Z`) : null);
  });

  it('rejects day 00 and month 00 rather than rolling back to the previous day or month', () => {
    expect(parseDateValue('2020-04-00')).toBeNull();
    expect(parseDateValue('2020-00-01')).toBeNull();
    expect(parseDateValue('2020-00')).toBeNull();
  });

  it('accepts December and rejects month 13', () => {
    expect(parseDateValue('2020-12')).toBe(at('2020-12-01T00:00:00Z'));
    expect(parseDateValue('2020-13')).toBeNull();
  });
});

describe('parseIsoDate: every field must be ASCII digits [sheet §3.3]', () => {
  it.each([
    // ':' is the character after '9', '/' the one before '0': neither counts as a digit.
    '202a-01-01', '2o20-01-01', '2020-0:-01', '2020-1/-01', '2020-ab-01', '2020-01-0:', '2020-01-/1',
    '2020-01-01T1:00Z', '2020-01-01T/9:00Z', '2020-01-01Tx0:00Z', '2020-01-01T10:/0Z', '2020-01-01T10:x0Z',
    '2020-01-01T10:00:x0Z', '2020-01-01T10:00:/0Z', '2020-01-01T10:00:0:Z',
    '2020-01-01T10:00+x2:00', '2020-01-01T10:00+/2:00', '2020-01-01T10:00+02:x0', '2020-01-01T10:00+02:/0',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
    expect(parseDateValue(text)).toBeNull();
  });

  it.each(['202', '2020-1', '2020-01-1', '2020-01-01T1', '2020-01-01T10:0', '2020-01-01T10:00:0'])(
    'rejects %j, cut short in the middle of a field',
    (text) => expect(parseIsoDate(text)).toBeNull(),
  );
});

describe('parseIsoDate: separators and structure [sheet §3.3]', () => {
  it('a year followed by anything but "-" is not a date', () => {
    expect(parseIsoDate('2020')).toBe(at('2020-01-01T00:00:00Z'));
    expect(parseIsoDate('2020/04')).toBeNull();
    expect(parseIsoDate('2020/04/01')).toBeNull();
    expect(parseIsoDate('202004')).toBeNull();
  });

  it('a month followed by anything but "-" is not a date', () => {
    expect(parseIsoDate('2020-04/01')).toBeNull();
    expect(parseDateValue('2020-04/01')).toBeNull();
    expect(parseDateValue('2020-0401')).toBeNull();
  });

  it('a time needs a full date before it', () => {
    expect(parseDateValue('2020-04T10:00Z')).toBeNull();
    expect(parseIsoDate('2020T10:00Z')).toBeNull();
    expect(parseDateValue('2020-04-01T10:00Z')).toBe(at('2020-04-01T10:00:00Z'));
  });

  it('hours and minutes are separated by ":"', () => {
    expect(parseDateValue('2020-04-01T10.00Z')).toBeNull();
    expect(parseDateValue('2020-04-01T1000Z')).toBeNull();
  });

  it('anything after the time other than a zone designator is rejected', () => {
    expect(parseDateValue('2020-04-01T10:00:00X')).toBeNull();
    expect(parseDateValue('2020-04-01T10:00X')).toBeNull();
    expect(parseDateValue('2020-04-01T10:00:00.5X')).toBeNull();
  });
});

describe('parseIsoDate: time-of-day bounds [sheet §3.3]', () => {
  it.each([
    ['2020-04-01T23:00Z', '2020-04-01T23:00:00Z'],
    ['2020-04-01T00:59Z', '2020-04-01T00:59:00Z'],
    ['2020-04-01T23:59:59Z', '2020-04-01T23:59:59Z'],
    ['2020-04-01T09:09:09Z', '2020-04-01T09:09:09Z'],
  ])('accepts the largest field values: %s', (text, iso) => {
    expect(parseDateValue(text)).toBe(at(iso));
  });

  it.each(['2020-04-01T24:00Z', '2020-04-01T10:60Z', '2020-04-01T10:00:60Z'])('rejects %s', (text) => {
    expect(parseDateValue(text)).toBeNull();
  });
});

describe('parseIsoDate: fractional seconds [sheet §3.3]', () => {
  const base = at('2020-04-01T10:00:00Z');

  it('reads one to nine fraction digits', () => {
    expect(parseDateValue('2020-04-01T10:00:00.9Z')).toBe(base + 900);
    expect(parseDateValue('2020-04-01T10:00:00.25Z')).toBe(base + 250);
    expect(parseDateValue('2020-04-01T10:00:00.12345678Z')! - base).toBeCloseTo(123.45678, 3);
    expect(parseDateValue('2020-04-01T10:00:00.999999999Z')! - base).toBeCloseTo(999.999999, 3);
  });

  it('rejects ten fraction digits and an empty fraction', () => {
    expect(parseDateValue('2020-04-01T10:00:00.1234567890Z')).toBeNull();
    expect(parseDateValue('2020-04-01T10:00:00.')).toBeNull();
  });

  it('a fraction may end the text, with no zone (read as UTC)', () => {
    expect(parseDateValue('2020-04-01T10:00:00.5')).toBe(base + 500);
    expect(parseDateValue('2020-04-01T10:00:00.123456789')! - base).toBeCloseTo(123.456789, 3);
  });

  it('a fraction may be followed by a numeric offset', () => {
    expect(parseDateValue('2020-04-01T12:00:00.5+02:00')).toBe(base + 500);
    expect(parseDateValue('2020-04-01T05:00:00.5-05:00')).toBe(base + 500);
  });

  it('a fraction belongs to seconds: "hh:mm.s" is not a time', () => {
    expect(parseDateValue('2020-04-01T10:00.5Z')).toBeNull();
  });
});

describe('parseIsoDate: zone designators [sheet §3.3]', () => {
  const utc = at('2020-04-01T10:00:00Z');

  it.each([
    ['2020-04-01T10:00:00Z', 0],
    ['2020-04-01T10:00:00z', 0],
    ['2020-04-01T10:00Z', 0],
    ['2020-04-01T10:00:00+00:00', 0],
    ['2020-04-01T10:00:00-00:00', 0],
    ['2020-04-01T10:00+02:00', -2 * 3_600_000],
    ['2020-04-01T10:00:00+23:00', -23 * 3_600_000],
    ['2020-04-01T10:00:00+02:59', -(2 * 60 + 59) * 60_000],
    ['2020-04-01T10:00:00-09:30', (9 * 60 + 30) * 60_000],
  ])('%s is UTC%+d ms', (text, shift) => {
    expect(parseDateValue(text)).toBe(utc + shift);
  });

  it.each([
    '2020-04-01T10:00:00+24:00',
    '2020-04-01T10:00:00+02:60',
    '2020-04-01T10:00:00+0200',
    '2020-04-01T10:00:00+02',
    '2020-04-01T10:00:00+02.00',
    '2020-04-01T10:00:00+02-00',
    '2020-04-01T10:00:00+02:00x',
    '2020-04-01T10:00:00+02:00Z',
    '2020-04-01T10:00:00*02:00',
    '2020-04-01T10:00:00 02:00',
    '2020-04-01T10:00:00Z+02:00',
    '2020-04-01T10:00:00Zx',
    '2020-04-01T10:00:00.5+02.00',
  ])('rejects %j', (text) => {
    expect(parseDateValue(text)).toBeNull();
  });
});

describe('parseEpochSeconds: integers 0 … 2^63−1 [sheet §3.3]', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['1585699200', 1_585_699_200_000],
    ['0001585699200', 1_585_699_200_000],
    ['00000000000000000001', 1000],
    ['000', 0],
    ['99', 99_000],
    ['1000000000000000000', 1e21],
  ])('%j is %d ms', (text, ms) => {
    expect(parseEpochSeconds(text)).toBe(ms);
    expect(parseDateValue(text)).toBe(ms);
  });

  it('accepts 2^63 − 1 and rejects 2^63, which a double cannot tell apart', () => {
    expect(parseDateValue('9223372036854775807')).toBe(9223372036854775807 * 1000);
    expect(parseDateValue('09223372036854775807')).toBe(9223372036854775807 * 1000);
    expect(parseDateValue('9223372036854775808')).toBeNull();
    expect(parseDateValue('09223372036854775808')).toBeNull();
    expect(parseDateValue('9300000000000000000')).toBeNull();
    expect(parseDateValue('10000000000000000000')).toBeNull();
  });

  it.each(['', '-1', '+1', '1.5', '1e3', '1_000', ' 1', '1 ', '0x10', '12a', '/1', ':1'])('rejects %j', (text) => {
    expect(parseEpochSeconds(text)).toBeNull();
    expect(parseDateValue(text)).toBeNull();
  });
});

describe('parseDateValue: which form is read [sheet §3.3, I-moto]', () => {
  it('digits alone are epoch seconds, even when they look like a year or a compact date', () => {
    expect(parseDateValue('2026')).toBe(2_026_000);
    expect(parseDateValue('20200401')).toBe(20_200_401_000);
  });

  it('text with a "-" after the year is ISO 8601', () => {
    expect(parseDateValue('2020-04')).toBe(at('2020-04-01T00:00:00Z'));
  });

  it('text with "-", "T" or "t" elsewhere is neither form', () => {
    expect(parseDateValue('20200401T10:00Z')).toBeNull();
    expect(parseDateValue('20200401t10:00Z')).toBeNull();
    expect(parseDateValue('202-04-01')).toBeNull();
    expect(parseDateValue('1-1')).toBeNull();
    expect(parseDateValue('T')).toBeNull();
  });
});
