/** `kb extract --jsonl`, the line protocol evaluations rely on (DESIGN.md). */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('kb extract --jsonl', () => {
  it('answers each {"id","text"} line with entities whose offsets index the text', () => {
    const text =
      'Cloudflare CEO Matthew Prince spoke in San Francisco.\n\nLater, Matthew Prince said so.';
    const input = [
      JSON.stringify({ id: 'one', text }),
      JSON.stringify({ id: 'two', text: 'Nothing here.' }),
    ].join('\n');
    const out = execFileSync(process.execPath, ['scripts/kb.ts', 'extract', '--jsonl'], {
      input,
      encoding: 'utf8',
    });
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['one', 'two']);
    expect(lines[1].entities).toEqual([]);
    const prince = lines[0].entities.find((e: { name: string }) => e.name === 'Matthew Prince');
    expect(prince.type).toBe('person');
    expect(
      prince.mentions.map((m: { start: number; end: number }) => text.slice(m.start, m.end)),
    ).toEqual(['Matthew Prince', 'Matthew Prince']);
    expect(lines[0]).toHaveProperty('quotes');
  });

  it('names the line of bad input', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/kb.ts', 'extract', '--jsonl'], {
        input: '{"id": 1, "text": "ok"}\nnot json\n',
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).toThrow(/stdin:2: not a JSON object/);
  });
});
