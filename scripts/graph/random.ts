/**
 * A seeded random source (mulberry32) and a string hash to seed it (FNV-1a, the same
 * hash stories use for shingles), so graph layouts start from the same positions on
 * every build: same content, same bytes.
 */
export { hash32 as hashSeed } from '../core/text-features.ts';
export { seededRandom } from '../util/random.ts';
