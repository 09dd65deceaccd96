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
