/**
 * The BILOU label codec. Ratinov & Roth (2009, §3) found BILOU (Begin, Inside, Last,
 * Unit, Outside) clearly better than IOB for a greedy tagger, because the model can
 * learn what ends a name and what a one-word name looks like.
 */

/** Entity classes the tagger learns; MISC helps it keep e.g. "German" out of LOC. */
export const ENTITY_CLASSES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityClass = (typeof ENTITY_CLASSES)[number];

const PARTS = ['B', 'I', 'L', 'U'] as const;

/** Label 0 is O; label 1 + 4·class + part is one of B/I/L/U-class. */
export const LABEL_COUNT = 1 + ENTITY_CLASSES.length * PARTS.length;

/** Human-readable label names, index-aligned with label ids. */
export const LABEL_NAMES: readonly string[] = [
  'O',
  ...ENTITY_CLASSES.flatMap((type) => PARTS.map((part) => `${part}-${type}`)),
];

/** A typed token span: tokens [start, end), end exclusive. */
export interface TokenSpan {
  start: number;
  end: number;
  type: EntityClass;
}

/** The class index of a label (-1 for O). */
export function classOf(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}

/** The part of a label: 0 B, 1 I, 2 L, 3 U (-1 for O). */
export function partOf(label: number): number {
  return label === 0 ? -1 : (label - 1) & 3;
}

function labelOf(classIndex: number, part: number): number {
  return 1 + classIndex * 4 + part;
}

/** Turns spans over `length` tokens into BILOU label ids. */
export function encodeBilou(spans: readonly TokenSpan[], length: number): Int8Array {
  const labels = new Int8Array(length);
  for (const span of spans) {
    const type = ENTITY_CLASSES.indexOf(span.type);
    if (span.end - span.start === 1) {
      labels[span.start] = labelOf(type, 3);
      continue;
    }
    labels[span.start] = labelOf(type, 0);
    for (let i = span.start + 1; i < span.end - 1; i++) labels[i] = labelOf(type, 1);
    labels[span.end - 1] = labelOf(type, 2);
  }
  return labels;
}

/**
 * Turns label ids back into spans. Tolerant of invalid sequences (a stray I or L
 * opens a span, a class change closes one) so that it can read any tagger output.
 */
export function decodeBilou(labels: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open = -1;
  let openClass = -1;
  const close = (end: number): void => {
    if (open >= 0) spans.push({ start: open, end, type: ENTITY_CLASSES[openClass] as EntityClass });
    open = -1;
  };
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    const type = classOf(label);
    const part = partOf(label);
    if (type < 0 || part === 0 || part === 3 || type !== openClass) close(i);
    if (type < 0) continue;
    if (open < 0) {
      open = i;
      openClass = type;
    }
    if (part === 2 || part === 3) close(i + 1);
  }
  close(labels.length);
  return spans;
}

/** Reads IOB2 tags (`B-PER`, `I-PER`, `O`) into spans, as the CoNLL files write them. */
export function spansFromIob(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (tag === 'O') continue;
    const type = tag.slice(2) as EntityClass;
    const continues =
      tag.startsWith('I-') && i > 0 && spans.at(-1)?.end === i && spans.at(-1)?.type === type;
    if (continues) (spans.at(-1) as TokenSpan).end = i + 1;
    else spans.push({ start: i, end: i + 1, type });
  }
  return spans;
}

/**
 * Whether `label` may follow `previous` (-1 at sentence start) in a well-formed
 * BILOU sequence; greedy decoding only considers allowed labels.
 */
export function isAllowed(previous: number, label: number): boolean {
  const prevPart = previous <= 0 ? -1 : partOf(previous);
  const part = partOf(label);
  if (prevPart === 0 || prevPart === 1) {
    return classOf(label) === classOf(previous) && (part === 1 || part === 2);
  }
  return label === 0 || part === 0 || part === 3;
}

/** Whether a sentence may end on `label` (not inside an open span). */
export function canEnd(label: number): boolean {
  const part = partOf(label);
  return part !== 0 && part !== 1;
}
