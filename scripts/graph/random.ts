/**
 * A small seeded random source (mulberry32) and a string hash to seed it, so graph
 * layouts start from the same positions on every build: same content, same bytes.
 */

/** FNV-1a over UTF-16 code units: a stable 32-bit seed from any text. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export { seededRandom } from '../random.ts';
