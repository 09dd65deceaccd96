/**
 * Finding quoted spans in an article's paragraphs, tolerant of real news typography:
 * straight and curly double marks, marks typed the wrong way round, a quote nested in
 * another, a quote left open at the end of its paragraph (closed there, unless the next
 * paragraph opens with a mark: the news convention for a quote running on), and stray
 * closing marks. Single marks are not delimiters: they are apostrophes or nested quotes.
 */
import type { Paragraph } from '../core/types.ts';

/** One paragraph's share of a quote: offsets of the words, without the marks. */
export interface QuotePart {
  /** Index of the paragraph in `doc.paragraphs`. */
  index: number;
  start: number;
  end: number;
}

/** A quoted passage, possibly running over several paragraphs. */
export interface QuoteSpan {
  parts: QuotePart[];
  /** Offset of the opening mark in the first paragraph (or of the text, when unmarked). */
  open: number;
  /** Offset just after the closing mark in the last paragraph (the paragraph end when unclosed). */
  close: number;
}

type Role = 'open' | 'close' | 'either';
interface Mark {
  at: number;
  role: Role;
}

const MARKS = /["“”„«»]/g;
const OPENERS = /^\s*["“„«]/;
/** Where a closed quote is cut when an opening mark shows it never closed: before a speech verb. */
export type CutChooser = (paragraph: Paragraph, from: number, to: number) => number;

/** Decides from the neighbours whether a mark opens or closes: curly marks can be typed wrongly. */
function roleOf(text: string, at: number): Role {
  const mark = text[at]!;
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = at + 1 >= text.length ? ' ' : text[at + 1]!;
  const spaceBefore = /[\s([{—–-]/.test(before);
  const spaceAfter = /[\s.,;:!?)\]}—–-]/.test(after);
  if (mark === '“' || mark === '„' || mark === '«')
    return spaceAfter && !spaceBefore ? 'close' : 'open';
  if (mark === '”' || mark === '»') return spaceBefore && !spaceAfter ? 'open' : 'close';
  if (spaceBefore && !spaceAfter) return 'open';
  if (spaceAfter && !spaceBefore) return 'close';
  return 'either';
}

function marksOf(text: string): Mark[] {
  return [...text.matchAll(MARKS)].map((m) => ({ at: m.index, role: roleOf(text, m.index) }));
}

/** An opener inside an open quote is nested when two closers follow before any other opener. */
function isNested(marks: Mark[], from: number): boolean {
  let closers = 0;
  for (const mark of marks.slice(from + 1)) {
    if (mark.role === 'open') break;
    closers++;
  }
  return closers >= 2;
}

/** Offsets of the words between `start` and `end`, without white space and a trailing comma. */
function trimPart(text: string, index: number, start: number, end: number): QuotePart {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  return { index, start, end };
}

/**
 * Every quoted span of the paragraphs, in document order, whatever its length.
 * `cut` picks where an unclosed quote ends when another opening mark follows it.
 */
export function findQuoteSpans(paragraphs: Paragraph[], cut: CutChooser): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  // The quote still open at the end of the previous paragraph, running on into this one.
  let running: { parts: QuotePart[]; open: number } | undefined;
  paragraphs.forEach((paragraph, index) => {
    const { text } = paragraph;
    const marks = marksOf(text);
    let open: { parts: QuotePart[]; open: number; from: number } | undefined;
    let skipClosers = 0;
    let first = 0;
    if (running && OPENERS.test(text)) {
      first = 1;
      open = { ...running, from: marks[0]!.at + 1 };
    } else if (running) {
      const last = running.parts[running.parts.length - 1]!;
      spans.push({ parts: running.parts, open: running.open, close: last.end });
    }
    running = undefined;
    const finish = (end: number, close: number) => {
      const parts = [...open!.parts, trimPart(text, index, open!.from, end)];
      spans.push({ parts, open: open!.open, close });
      open = undefined;
    };
    for (let i = first; i < marks.length; i++) {
      const mark = marks[i]!;
      const opens = mark.role === 'open' || (mark.role === 'either' && !open);
      if (opens && !open) {
        open = { parts: [], open: mark.at, from: mark.at + 1 };
      } else if (opens && open) {
        if (isNested(marks, i)) {
          skipClosers++;
          continue;
        }
        const end = cut(paragraph, open.from, mark.at);
        finish(end, end);
        open = { parts: [], open: mark.at, from: mark.at + 1 };
      } else if (skipClosers > 0) {
        skipClosers--;
      } else if (open) {
        finish(mark.at, mark.at + 1);
      }
      // A closer with nothing open is a stray mark: ignored.
    }
    if (!open) return;
    const part = trimPart(text, index, open.from, text.length);
    const next = paragraphs[index + 1];
    if (next && OPENERS.test(next.text)) {
      running = { parts: [...open.parts, part], open: open.open };
    } else finish(text.length, text.length);
  });
  if (running) {
    const last = running.parts[running.parts.length - 1]!;
    spans.push({ parts: running.parts, open: running.open, close: last.end });
  }
  return spans.filter((span) => span.parts.some((part) => part.end > part.start));
}
