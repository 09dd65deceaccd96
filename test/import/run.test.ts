import {
  copyFileSync,
  existsSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../scripts/cli/commands/import.ts';
import { importSources } from '../../scripts/import/run.ts';
import { FIXTURES, captureLog, readArticle, tempDir } from './helpers.ts';

describe('importSources', () => {
  it('imports a folder in sorted order, reporting the failing files while the others import', () => {
    const out = tempDir();
    const { info, error, log } = captureLog();
    const failed = importSources([FIXTURES], { out }, log);
    expect(failed).toBe(2);
    expect(error).toEqual([
      expect.stringMatching(/^cannot import .*empty\.txt: it is empty/),
      expect.stringMatching(/^cannot import .*scanned-page\.txt: it is a binary file/),
    ]);
    expect(info.map((line) => line.replace(/ \(.*/, '').replace(/^.*→ /, ''))).toEqual([
      join(out, 'council-notes-bridge-vote-explained.md'),
      join(out, 'ferry-service-resumes-after-storm.md'),
      join(out, 'city-council-approves-harbor-bridge-repairs.md'),
      join(out, 'library-extends-weekend-hours-after-petition.md'),
    ]);
    expect(info[2]).toMatch(
      /^imported .*harbor-bridge\.txt → .* \("City council approves harbor bridge repairs", 4 paragraphs\)$/,
    );
    expect(readdirSync(out)).toHaveLength(4);
  });

  it('writes front matter that validates and round-trips through gray-matter', () => {
    const out = tempDir();
    importSources(
      [join(FIXTURES, 'council-notes.md'), join(FIXTURES, 'harbor-bridge.txt')],
      { out },
      captureLog().log,
    );
    const notes = readArticle(join(out, 'council-notes-bridge-vote-explained.md'));
    expect(notes.meta).toEqual({
      title: 'Council notes: "Bridge" vote, explained',
      authors: ['Sam Rivera'],
      date: '2024-03-05',
      language: 'en',
    });
    expect(Object.keys(notes.data)).toEqual(['title', 'authors', 'date', 'language', 'tags']);
    const bridge = readArticle(join(out, 'city-council-approves-harbor-bridge-repairs.md'));
    expect(Object.keys(bridge.data)).toEqual(['title', 'publisher', 'language']);
    expect(bridge.body.split('\n\n')).toHaveLength(4);
  });

  it('applies command line facts over detected ones', () => {
    const out = tempDir();
    importSources(
      [join(FIXTURES, 'harbor-bridge.txt')],
      {
        out,
        publisher: 'Other Paper',
        authors: ['A. Writer', 'B. Writer'],
        date: '2024-01-31',
        url: 'https://example.com/a',
      },
      captureLog().log,
    );
    const { data } = readArticle(join(out, 'city-council-approves-harbor-bridge-repairs.md'));
    expect(data).toEqual({
      title: 'City council approves harbor bridge repairs',
      publisher: 'Other Paper',
      authors: ['A. Writer', 'B. Writer'],
      date: '2024-01-31',
      url: 'https://example.com/a',
      language: 'en',
    });
  });

  it('reports an identical re-import as unchanged and gives a different article with the same title -2', () => {
    const out = tempDir();
    const source = join(FIXTURES, 'harbor-bridge.txt');
    importSources([source], { out }, captureLog().log);
    const again = captureLog();
    importSources([source], { out }, again.log);
    expect(again.info[0]).toMatch(/^unchanged .*city-council-approves-harbor-bridge-repairs\.md/);

    const other = join(tempDir(), 'other.txt');
    writeFileSync(other, 'City council approves harbor bridge repairs\n\nA different story.\n');
    const second = captureLog();
    importSources([other], { out }, second.log);
    expect(second.info[0]).toMatch(/→ .*city-council-approves-harbor-bridge-repairs-2\.md/);
    expect(readArticle(join(out, 'city-council-approves-harbor-bridge-repairs-2.md')).body).toBe(
      'A different story.',
    );
    // A front matter field added by hand does not make the same source a new article.
    const first = join(out, 'city-council-approves-harbor-bridge-repairs.md');
    writeFileSync(
      first,
      readFileSync(first, 'utf8').replace('language: en\n', 'language: en\nnote: Checked.\n'),
    );
    const annotated = captureLog();
    importSources([source], { out }, annotated.log);
    expect(annotated.info[0]).toMatch(/^unchanged .*repairs\.md /);
    expect(readArticle(first).meta.note).toBe('Checked.');
    // The first file is never overwritten.
    expect(readArticle(join(out, 'city-council-approves-harbor-bridge-repairs.md')).body).toContain(
      '7-2',
    );
  });

  it('writes nothing on a dry run but prints the file', () => {
    const out = join(tempDir(), 'articles');
    const { info, log } = captureLog();
    importSources([join(FIXTURES, 'ferry-crlf-bom.txt')], { out, dryRun: true }, log);
    expect(existsSync(out)).toBe(false);
    expect(info[0]).toMatch(/^would import /);
    expect(info[1]).toContain('title: Ferry service resumes after storm\npublisher: Coastal Daily');
  });

  it('imports sub-folders only with recursive, and names unsupported or missing files', () => {
    const root = tempDir();
    mkdirSync(join(root, 'sub'));
    copyFileSync(join(FIXTURES, 'harbor-bridge.txt'), join(root, 'sub', 'a.txt'));
    writeFileSync(join(root, 'scan.pdf'), '%PDF-1.7');
    const flat = captureLog();
    expect(importSources([root], { out: tempDir() }, flat.log)).toBe(1);
    expect(flat.error[0]).toMatch(/has no \.txt, \.md or \.html files .*--recursive/);
    expect(importSources([root], { out: tempDir(), recursive: true }, captureLog().log)).toBe(0);

    const named = captureLog();
    expect(
      importSources(
        [join(root, 'scan.pdf'), join(root, 'nope.txt')],
        { out: tempDir() },
        named.log,
      ),
    ).toBe(2);
    expect(named.error[0]).toMatch(
      /scan\.pdf: it is not a supported file type \(import \.txt, \.md/,
    );
    expect(named.error[1]).toMatch(/nope\.txt: it does not exist/);
  });
});

describe('kb import command', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  /** Runs `kb import …` on a program with only this command registered. */
  async function run(...args: string[]) {
    const program = new Command('kb').exitOverride();
    register(program);
    const errors: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    await program.parseAsync(['import', ...args], { from: 'user' });
    return { exitCode: process.exitCode, errors };
  }

  it('exits with 1 after importing the good files when one fails', async () => {
    const out = tempDir();
    const { exitCode } = await run(FIXTURES, '--out', out, '--author', 'A', '--author', 'B');
    expect(exitCode).toBe(1);
    expect(readdirSync(out)).toHaveLength(4);
    const text = readFileSync(join(out, 'ferry-service-resumes-after-storm.md'), 'utf8');
    expect(text).toContain('authors:\n  - A\n  - B\n');
  });

  it('rejects a malformed --date once, before importing anything', async () => {
    const out = join(tempDir(), 'articles');
    const { exitCode, errors } = await run(
      join(FIXTURES, 'harbor-bridge.txt'),
      '--out',
      out,
      '--date',
      '3/9/22',
    );
    expect(exitCode).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/^kb import: --date: "3\/9\/22" is not a date/)]);
    expect(existsSync(out)).toBe(false);
  });
});
