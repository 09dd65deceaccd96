/**
 * Writes the hostile fixture articles: files that must be reported (with the message
 * each must produce) and files that must build with every piece of their text escaped.
 * Generated rather than committed because some are binary, huge or UTF-16.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An injected script that would set this global if it ever ran. */
export const PWNED = 'window.__pwned=1';
const XSS = [
  `<script>${PWNED}</script>`,
  `<img src=x onerror="${PWNED}">`,
  `"><svg onload=${PWNED}>`,
  `</script><script>${PWNED}</script>`,
];

const fm = (fields: string, body = 'Ada Quill said the Zorblax Institute would reply.\n') =>
  `---\n${fields}\n---\n\n${body}`;

/** File name → content, and for bad files the message their one line must match. */
export const BAD: Record<string, { content: string | Uint8Array; message: RegExp }> = {
  'bad-yaml.md': {
    content: '---\ntitle: "unclosed\nauthors: [\n---\nBody.\n',
    message: /invalid YAML front matter/,
  },
  'no-title.md': { content: fm('publisher: Somebody'), message: /"title"/ },
  'empty-title.md': { content: fm('title: ""'), message: /title must not be empty/ },
  'bad-date.md': {
    content: fm('title: Dated\ndate: next week'),
    message: /"next week" is not a date \(use YYYY-MM-DD\)/,
  },
  'impossible-date.md': {
    content: fm('title: Dated\ndate: "2022-02-30"'),
    message: /is not a date/,
  },
  'bad-url.md': {
    content: fm(`title: Linked\nurl: "javascript:${PWNED}"`),
    message: /url must be an http\(s\) address/,
  },
  'title-list.md': { content: fm('title: [a, b]'), message: /"title"/ },
  'empty.md': { content: '', message: /title/ },
  'only-front-matter.md': {
    content: fm('title: Nothing here', '\n* * *\n'),
    message: /has no text after its front matter/,
  },
  'binary.md': {
    content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    message: /is a binary file/,
  },
  'invalid-utf8.md': {
    content: new Uint8Array([
      ...Buffer.from('---\ntitle: Broken\n---\n\nCaf'),
      0xc3,
      0x28,
      0xa0,
      0xa1,
    ]),
    message: /is not valid UTF-8/,
  },
  'huge.md': {
    content: fm('title: Huge', 'Word and word. '.repeat(1_400_000)),
    message: /over the 5 MB limit/,
  },
  'language-path.md': {
    content: fm('title: Escaping\nlanguage: "../../../content/pwn"'),
    message: /"language" must be a BCP 47 language tag/,
  },
  'language-quoted.md': {
    content: fm(`title: Quoted\nlanguage: '"en"${'x'.repeat(40)}'`),
    message: /"language" must be a BCP 47 language tag/,
  },
  'nested-deep.md': {
    content: fm('title: Too deep', `${'> '.repeat(1500)}Ada Quill, far down.\n`),
    message: /nests blockquotes or lists 1500 deep, over the limit of 100/,
  },
  'alias-bomb.md': {
    content: fm(
      [
        'title: Laughs',
        'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
        ...'bcdefgh'
          .split('')
          .map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
        'note: [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
      ].join('\n'),
    ),
    message: /invalid YAML front matter: .*alias/i,
  },
  'same-slug.md': {
    content: fm('title: Two of two'),
    message: /same URL slug "same-slug" as .*Same Slug\.md/,
  },
};

function utf16(text: string): Uint8Array {
  return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
}

/** Files that must build; their titles are how tests find them. */
export const GOOD: Record<string, string | Uint8Array> = {
  'crlf.md': fm('title: Windows line endings').replace(/\n/g, '\r\n'),
  'utf16.md': utf16(fm('title: Saved as UTF-16', 'Ada Quill spoke from Zürich.\n')),
  'xss.md': fm(
    `title: '${XSS[0]} Headline'\npublisher: '${XSS[1]}'\nauthors: ['${XSS[2]}']\nnote: '${XSS[3]}'`,
    [
      `${XSS[0]}`,
      `Ada Quill said ${XSS[1]} and ${XSS[2]}.`,
      `A [link](javascript:${PWNED}) and [another](data:text/html,<script>${PWNED}</script>) and ![img](https://tracker.example/x.gif).`,
      `"${XSS[3]} is what Ada Quill said," the Zorblax Institute said.`,
      `<div onclick="${PWNED}">raw block</div>`,
    ].join('\n\n') + '\n',
  ),
  'con.md': fm('title: A file named like a Windows device'),
  'Same Slug.md': fm('title: One of two'),
  [`${'long-'.repeat(40)}name.md`]: fm('title: A very long file name'),
  'rtl-and-emoji.md': fm('title: "مرحبا 🔥 שלום"', 'محمد بن سلمان met Ada Quill in Zürich 🔥.\n'),
  'deep.md': fm(
    'title: Deeply nested',
    `${'> '.repeat(60)}Ada Quill, deep inside.\n\n${'- '.repeat(40)}item\n`,
  ),
  'long-token.md': fm('title: One long word', `${'x'.repeat(200_000)}\n\nAda Quill spoke.\n`),
  'many-paragraphs.md': fm(
    'title: Many paragraphs',
    Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} about Ada Quill.`).join('\n\n') + '\n',
  ),
  'extra-keys.md': fm('title: Extra keys\ntags: [a, b]\nlayout: whatever'),
  'nordic.md': fm(
    'title: Names in other alphabets',
    'Prime Minister Jonas Gahr Støre met Lech Wałęsa in Łódź. Jonas Gahr Støre spoke first.\n',
  ),
  'offset-date.md': fm('title: Late at night\ndate: 2022-09-03T22:30:00-05:00'),
  'bidi-title.md': fm("title: 'Evil \u202Egnp.exe'\npublisher: 'Flip \u202Edrawkcab'"),
  'german.md': fm(
    'title: Ein Artikel auf Deutsch\nlanguage: de',
    'Die Bundesregierung beschloss am Mittwoch ein Klimaschutzgesetz.\n',
  ),
  'many-short-paragraphs.md': fm(
    'title: Fifty thousand paragraphs',
    Array.from({ length: 50_000 }, (_, i) => `Line ${i}.`).join('\n\n') + '\n',
  ),
};

/** A curated entity whose name tries to break out of JSON-LD and HTML. */
export const CURATED = {
  'entities/person/mallory.md': fm(
    `name: 'Mallory ${XSS[3]}'\naliases: ['${XSS[0]}']`,
    'A curated person with a hostile name.\n',
  ),
};

/** Writes the hostile files into `contentDir` (which may already hold real articles). */
export function writeHostileContent(contentDir: string): void {
  mkdirSync(join(contentDir, 'articles'), { recursive: true });
  mkdirSync(join(contentDir, 'entities/person'), { recursive: true });
  for (const [name, { content }] of Object.entries(BAD))
    writeFileSync(join(contentDir, 'articles', name), content);
  for (const [name, content] of Object.entries(GOOD))
    writeFileSync(join(contentDir, 'articles', name), content);
  for (const [path, content] of Object.entries(CURATED))
    writeFileSync(join(contentDir, path), content);
}
