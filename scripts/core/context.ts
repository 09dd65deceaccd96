/** The sentence around a mention, trimmed to a readable length around it. */
import type { Paragraph, Span } from './types.ts';

export interface MentionContext {
  /** Text before the mention (may start with "…"). */
  before: string;
  text: string;
  /** Text after the mention (may end with "…"). */
  after: string;
}

const MAX_SIDE = 160;

/** Splits the sentence holding `span` into before / mention / after. */
export function mentionContext(paragraph: Paragraph, span: Span): MentionContext {
  const sentence = paragraph.sentences.find((s) => s.start <= span.start && span.end <= s.end) ?? {
    start: 0,
    end: paragraph.text.length,
  };
  let before = paragraph.text.slice(sentence.start, span.start);
  let after = paragraph.text.slice(span.end, sentence.end);
  if (before.length > MAX_SIDE)
    before = '…' + before.slice(before.length - MAX_SIDE).replace(/^\S*\s/, '');
  if (after.length > MAX_SIDE) after = after.slice(0, MAX_SIDE).replace(/\s\S*$/, '') + '…';
  return { before, text: paragraph.text.slice(span.start, span.end), after };
}
