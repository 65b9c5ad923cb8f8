import { describe, expect, it } from 'vitest';
import { looksLikeCpr, maskCpr } from '../../src/import/cpr.ts';
import { detectDelimiter } from '../../src/import/detect-file-format.ts';
import { parseDate, parseDecimal, parseInteger } from '../../src/import/parse-values.ts';

describe('parseDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['29-02-2024', '2024-02-29'],
    ['29.02.2024', '2024-02-29'],
    ['01.12.2019', '2019-12-01'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseDate(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['2023-02-29', '31.04.2024', '2024-13-01', '00.01.2024'])('refuses the non-existent date %s', (text) => {
    expect(parseDate(text)).toEqual({ ok: false, reason: 'Datoen findes ikke i kalenderen' });
  });

  it.each(['2024/01/01', '1.1.2024', '01-01.2024', '20240101', '24-01-01', 'i går'])('refuses the format %s', (text) => {
    const parsed = parseDate(text);
    expect(parsed.ok).toBe(false);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['1234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['1234.5', 1234.5],
    ['-1.234.567,25', -1234567.25],
    ['1.234.567', 1234567],
    ['0,07', 0.07],
    ['-12', -12],
  ])('reads %s as %d', (text, expected) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: expected });
  });

  it('refuses a single dotted group of three digits as ambiguous', () => {
    const parsed = parseDecimal('12.345');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/Tvetydigt/);
  });

  it.each(['1,234,5', '12 345', '1e5', 'kr. 100', '1.23,4', ',5', '5,'])('refuses %s', (text) => {
    expect(parseDecimal(text).ok).toBe(false);
  });
});

describe('parseInteger', () => {
  it('reads thousands separators in whole-number columns', () => {
    expect(parseInteger('56.123', 0, 1_000_000)).toEqual({ ok: true, value: 56123 });
  });
  it('refuses decimals and values out of range', () => {
    expect(parseInteger('12,5', 0, 100).ok).toBe(false);
    expect(parseInteger('101', 0, 100)).toEqual({ ok: false, reason: 'Tallet skal ligge mellem 0 og 100' });
  });
});

describe('looksLikeCpr', () => {
  it.each(['010190-1234', '311299-0000', '0101901234', 'borger 010190-1234', '2902001234', '123456-7890', 'B0101901234'])(
    'flags %s',
    (text) => expect(looksLikeCpr(text)).toBe(true),
  );
  it.each(['3201901234', '0113901234', '01019012345', '1234567890', 'B000123', '2024-01-01'])(
    'does not flag %s',
    (text) => expect(looksLikeCpr(text)).toBe(false),
  );
  it('reads amount columns by the dashed form only: 2612851234 kr. is a national budget line', () => {
    expect(looksLikeCpr('2612851234', { amountColumn: true })).toBe(false);
    expect(looksLikeCpr('2612851234')).toBe(true);
    expect(looksLikeCpr('261285-1234', { amountColumn: true })).toBe(true);
  });
  it('masks digits so a refused value is never echoed', () => {
    expect(maskCpr('010190-1234')).toBe('••••••-••••');
  });
});

describe('detectDelimiter', () => {
  it('takes whichever separator the header uses', () => {
    expect(detectDelimiter('borger_id;foedselsaar;maalgruppe')).toBe(';');
    expect(detectDelimiter('borger_id,foedselsaar,maalgruppe')).toBe(',');
    expect(detectDelimiter('   ')).toBeNull();
  });
});
