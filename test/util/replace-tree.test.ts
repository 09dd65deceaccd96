/** A new site takes the old one's place at once; the old one goes in the background. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceTree } from '../../scripts/util/replace-tree.ts';

const work = mkdtempSync(join(tmpdir(), 'dossier-replace-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tree = (root: string, files: Record<string, string>) => {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
};

describe('replaceTree', () => {
  it('puts the new folder in place and removes the old one, and what a stopped build left', async () => {
    const to = join(work, 'dist');
    const from = join(work, 'dist.building');
    tree(to, { 'index.html': 'old', 'people/a/index.html': 'old a' });
    tree(join(work, 'dist.old-1-2'), { 'left/index.html': 'left over' });
    tree(from, { 'index.html': 'new' });
    replaceTree(from, to);
    expect(readFileSync(join(to, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(to, 'people'))).toBe(false);
    expect(existsSync(from)).toBe(false);
    // The old folders go in processes of their own, soon after.
    const aside = () => readdirSync(work).filter((name) => name.startsWith('dist.old'));
    for (let waited = 0; aside().length && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(aside()).toEqual([]);
    expect(readdirSync(work).sort()).toEqual(['dist']);
  });
});
