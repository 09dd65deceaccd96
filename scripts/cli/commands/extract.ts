/**
 * `kb extract`: what recognition and resolution found. Without flags, the entities of
 * the knowledge base with their counts; `--review`, those below the page threshold;
 * `--jsonl`, DESIGN.md's line protocol on stdin/stdout (used by evaluations).
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';

async function extractJsonl(linesAreSentences: boolean): Promise<void> {
  const { createExtractor } = await import('../../build/extract-text.ts');
  const extractor = createExtractor({ linesAreSentences });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let record: { id?: unknown; text?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      throw new Error(
        `stdin:${lineNumber}: not a JSON object (each line must be {"id": "…", "text": "…"})`,
      );
    }
    if (typeof record.text !== 'string')
      throw new Error(`stdin:${lineNumber}: "text" must be a string`);
    const id = record.id === undefined ? String(lineNumber) : String(record.id);
    process.stdout.write(JSON.stringify(extractor.extract(id, record.text)) + '\n');
  }
}

async function printKnowledge(review: boolean): Promise<void> {
  const { extractKnowledge, PAGE_THRESHOLD } = await import('../../build/prepare.ts');
  const { formatProblem } = await import('../../read/index.ts');
  const { site, review: below, problems } = extractKnowledge(undefined, true);
  for (const problem of problems) console.error(`warning: ${formatProblem(problem)}`);
  if (review) {
    console.log(
      `${below.length} candidate(s) below the page threshold (${PAGE_THRESHOLD}); add them to content/entities/ to give them a page:`,
    );
    for (const e of below) {
      const where = [...new Set(e.mentions.map((m) => `${m.article}#${m.paragraph}`))]
        .slice(0, 3)
        .join(', ');
      console.log(`  ${e.score.toFixed(2)}  ${e.type.padEnd(12)} ${e.name}  (${where})`);
    }
    const { lookAlikeNames } = await import('../../core/names.ts');
    const lookAlikes = lookAlikeNames(site.kb.entities);
    if (lookAlikes.length) {
      console.log(
        `${lookAlikes.length} name(s) written with a look-alike letter of another script:`,
      );
      for (const line of lookAlikes) console.log(`  ${line}`);
    }
    return;
  }
  for (const e of site.kb.entities) {
    console.log(
      `${e.type.padEnd(12)} ${e.name.padEnd(40)} ${String(e.mentions.length).padStart(4)} mention(s)${e.aliases.length ? `  aka ${e.aliases.join(', ')}` : ''}`,
    );
  }
  console.log(`${site.kb.entities.length} entities in ${site.kb.articles.length} article(s)`);
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('print what was recognized in content/articles (or, with --jsonl, in stdin lines)')
    .option('--jsonl', 'read {"id","text"} lines on stdin, write one extraction per line')
    .option('--lines-are-sentences', 'with --jsonl: every line of a text is one sentence')
    .option('--review', 'list candidates below the page threshold')
    .action(async (options: { jsonl?: boolean; review?: boolean; linesAreSentences?: boolean }) => {
      try {
        if (options.jsonl) await extractJsonl(Boolean(options.linesAreSentences));
        else await printKnowledge(Boolean(options.review));
      } catch (error) {
        console.error(`error: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    });
}
