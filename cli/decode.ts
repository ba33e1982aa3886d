/**
 * Decodes a saved page the way a browser would: a byte-order mark first, then a `<meta charset>`
 * (or `http-equiv` content type) in the first 1024 bytes, else windows-1252, the web's default
 * for unlabelled pages. Unknown labels fall back to UTF-8 rather than failing the file.
 */

const SNIFF_BYTES = 1024;

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = bomEncoding(bytes);
  const encoding = bom ?? metaCharset(bytes) ?? 'windows-1252';
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

function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const m =
    /<meta[^>]{0,200}?charset\s{0,3}=\s{0,3}["']?\s{0,3}([\w.:-]{1,40})/i.exec(head) ??
    /<meta[^>]{0,200}?content\s{0,3}=\s{0,3}["'][^"']{0,100}?charset=([\w.:-]{1,40})/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  // A page that says UTF-16 in a meta tag is really ASCII-compatible (HTML spec, "prescan").
  if (label === 'utf-16' || label === 'utf-16le' || label === 'utf-16be') return 'utf-8';
  return label ?? null;
}
