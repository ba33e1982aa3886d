/**
 * Decodes a saved page the way a browser opening it from disk would: a byte-order mark first,
 * then a `<meta charset>` (or `http-equiv` content type) in the first 1024 bytes, else UTF-8 when
 * the bytes are valid UTF-8 (Firefox's rule for local files; Chrome's detector agrees on such
 * pages), else windows-1252, the web's default for unlabelled pages. Unknown labels fall back to
 * UTF-8 rather than failing the file; bytes that are plainly not text fail it.
 */

const SNIFF_BYTES = 1024;
/** How much of the file is checked for binary content, and the share of control bytes that says "binary". */
const BINARY_SNIFF_BYTES = 4096;
const MAX_CONTROL_SHARE = 0.02;

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = bomEncoding(bytes);
  if (!bom && looksBinary(bytes)) throw new Error('not an HTML page: the file holds binary data');
  const encoding = bom ?? metaCharset(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}

/** Plain text files are UTF-8 unless a byte-order mark says otherwise. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(bomEncoding(bytes) ?? 'utf-8').decode(bytes);
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return null;
}

/** NUL and other control bytes that no text encoding a browser reads without a BOM puts in a page. */
function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return length > 0 && controls / length > MAX_CONTROL_SHARE;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const m =
    /<meta[^>]{0,200}?charset\s{0,3}=\s{0,3}["']?\s{0,3}([\w.:-]{1,40})/i.exec(head) ??
    /<meta[^>]{0,200}?content\s{0,3}=\s{0,3}["'][^"']{0,100}?charset=([\w.:-]{1,40})/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  // A page that says UTF-16 in a meta tag is really ASCII-compatible (HTML spec, "prescan").
  if (label === 'utf-16' || label === 'utf-16le' || label === 'utf-16be') return 'utf-8';
  // HTML spec, "prescan": a meta label x-user-defined means windows-1252.
  if (label === 'x-user-defined') return 'windows-1252';
  return label ?? null;
}
