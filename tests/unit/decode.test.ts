/** `annotate` decodes a saved page as a browser opening it would: BOM, then <meta charset>, then UTF-8 or windows-1252. */
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../cli/decode';
import { parseHtmlFile } from '../../cli/parse-html';

const RUSSIAN = 'Правительство объявило о новых мерах поддержки, и депутаты спорили до поздней ночи о бюджете.';
const JAPANESE = '政府は新しい支援策を発表し、議員たちは予算について深夜まで議論を続けた。';

/** Encodes text in a legacy encoding (TextEncoder only writes UTF-8), for the characters used here. */
function encodeWindows1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return Uint8Array.from([...text].map((char) => table.get(char) ?? 0x3f));
}

/** Shift_JIS by searching the two-byte table once (small texts only). */
function encodeShiftJis(text: string): Uint8Array {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return Uint8Array.from([...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : (table.get(char) ?? [0x3f]))));
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('decodeHtml', () => {
  it('follows <meta charset="windows-1251">', () => {
    const bytes = concat(ascii('<html><head><meta charset="windows-1251"><title>'), encodeWindows1251('Бюджет'), ascii('</title></head><body><p>'), encodeWindows1251(RUSSIAN), ascii('</p></body></html>'));
    const { text, encoding } = decodeHtml(bytes);
    expect(encoding).toBe('windows-1251');
    expect(text).toContain('Бюджет');
    expect(text).toContain(RUSSIAN);
  });

  it('follows an http-equiv content type naming Shift_JIS', () => {
    const bytes = concat(ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>'), encodeShiftJis(JAPANESE), ascii('</p></body></html>'));
    expect(decodeHtml(bytes)).toEqual({ text: expect.stringContaining(JAPANESE), encoding: 'shift_jis' });
  });

  it.each([true, false])('follows a UTF-16 byte-order mark (little endian: %s) over any meta tag', (littleEndian) => {
    const html = `<html><head><meta charset="windows-1252"></head><body><p>${RUSSIAN}</p></body></html>`;
    const { text, encoding } = decodeHtml(encodeUtf16(html, littleEndian));
    expect(encoding).toBe(littleEndian ? 'utf-16le' : 'utf-16be');
    expect(text).toBe(html);
  });

  it('strips a UTF-8 byte-order mark', () => {
    expect(decodeHtml(concat(new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode('<p>é</p>')))).toEqual({ text: '<p>é</p>', encoding: 'utf-8' });
  });

  it('reads an unlabelled page as UTF-8 when it is valid UTF-8, else as windows-1252', () => {
    expect(decodeHtml(new TextEncoder().encode(`<p>${RUSSIAN}</p>`))).toEqual({ text: `<p>${RUSSIAN}</p>`, encoding: 'utf-8' });
    expect(decodeHtml(concat(ascii('<p>caf'), new Uint8Array([0xe9]), ascii(' cr'), new Uint8Array([0xe8]), ascii('me</p>')))).toEqual({
      text: '<p>café crème</p>',
      encoding: 'windows-1252',
    });
  });

  it('treats a meta tag saying UTF-16 (without a BOM) as UTF-8, and an unknown label as UTF-8', () => {
    expect(decodeHtml(ascii('<meta charset="utf-16"><p>x</p>')).encoding).toBe('utf-8');
    expect(decodeHtml(ascii('<meta charset="klingon-7"><p>x</p>')).encoding).toBe('utf-8');
  });

  it('refuses binary data', () => {
    const garbage = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256);
    expect(() => decodeHtml(garbage)).toThrow(/binary/);
  });
});

describe('parseHtmlFile on legacy encodings', () => {
  it('finds a windows-1251 article with its words intact', async () => {
    const paragraph = encodeWindows1251(`${RUSSIAN} ${RUSSIAN}`);
    const bytes = concat(ascii('<html><head><meta charset="windows-1251"><title>'), encodeWindows1251('Бюджет'), ascii('</title></head><body><article><p>'), paragraph, ascii('</p><p>'), paragraph, ascii('</p><p>'), paragraph, ascii('</p></article></body></html>'));
    const { article } = await parseHtmlFile(bytes);
    expect(article?.text).toContain(RUSSIAN);
  });
});
