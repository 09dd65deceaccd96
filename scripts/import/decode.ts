/** Bytes → text, refusing what is not text instead of importing garbage. */
import { ImportError } from './types.ts';

/** BOMs we honour; UTF-16 files must be recognized before the NUL-byte binary check. */
const UTF16_BOMS: Array<[number, number, string]> = [
  [0xff, 0xfe, 'utf-16le'],
  [0xfe, 0xff, 'utf-16be'],
];

/**
 * Decodes a source file: UTF-8 (strictly) or BOM-marked UTF-16, BOM removed, Windows
 * and old Mac line endings turned into `\n`. Throws an `ImportError` for an empty,
 * binary or undecodable file.
 */
export function decodeSource(bytes: Uint8Array): string {
  let text: string;
  const utf16 = UTF16_BOMS.find(([a, b]) => bytes[0] === a && bytes[1] === b);
  try {
    if (utf16) {
      text = new TextDecoder(utf16[2], { fatal: true }).decode(bytes);
    } else {
      // A NUL byte never occurs in UTF-8 text but is everywhere in images, PDFs, zips.
      if (bytes.includes(0)) {
        throw new ImportError(
          'is a binary file, not text (save the article as .txt, .md or .html)',
        );
      }
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      'is not valid UTF-8 text (re-save it with UTF-8 encoding and import again)',
    );
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ImportError('is empty (nothing to import; add the article text)');
  return text;
}

/**
 * The encoding a saved page declares in its first 1,024 bytes (`<meta charset>` or the
 * `http-equiv="Content-Type"` form), as the HTML standard's prescan reads it.
 */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

/**
 * Decodes a saved web page: in the encoding it declares (`windows-1252`, `iso-8859-2`,
 * `shift_jis`…, any the WHATWG Encoding standard knows), else as UTF-8.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const charset = declaredCharset(bytes);
  if (
    !charset ||
    /^utf-?8$/.test(charset) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  )
    return decodeSource(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new ImportError(
      `declares the encoding "${charset}", which is not one a browser knows (re-save the page as UTF-8)`,
    );
  }
  const text = decoder.decode(bytes).replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ImportError('is empty (nothing to import; add the article text)');
  return text;
}
