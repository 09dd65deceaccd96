/**
 * The statistical recognizer: the averaged-perceptron BILOU tagger trained on
 * CoNLL-2003 (see scripts/tagger/). Tags every sentence of every paragraph, the whole
 * article as one document so the tagger's document-level history can help, and keeps
 * PER / ORG / LOC as person / organization / place (MISC is dropped).
 */
import type { EntityType } from '../core/schema.ts';
import type { Mention, Paragraph, Token } from '../core/types.ts';
import type { RecognizerFactory } from './types.ts';
import { defaultModel } from '../tagger/default-model.ts';
import { LIST_TYPES, type Gazetteer, type ListType } from '../tagger/gazetteer.ts';

const TYPES: Partial<Record<string, EntityType>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
};

/**
 * Titles CoNLL-2003 leaves outside person names ("Mr. Smith" → "Smith"); stripped if the
 * tagger ever includes one at the start of a longer person span.
 */
const TITLES = new Set(
  'mr mrs ms miss dr prof sir dame lord lady rev gen col capt sgt lt president senator sen rep gov judge ceo chairman'.split(
    ' ',
  ),
);

function isTitle(token: Token): boolean {
  return TITLES.has(token.text.toLowerCase().replace(/\.$/, ''));
}

/** A lower-case word glued to a capitalised one, as text extraction leaves it ("registrarDreamHost"). */
const GLUED = /^(\p{Ll}{4,})(\p{Lu}\p{Ll}[\p{L}\p{N}]*)$/u;

/**
 * Splits a token made of a lower-case word of four or more letters glued to a
 * capitalised word, so the tagger can tag the tail as a name. Brand names with a short
 * lower-case head ("iPhone", "eBay", "macOS") stay whole.
 */
export function splitGlued(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => {
    const match = GLUED.exec(token.text);
    if (!match) return [token];
    const cut = token.start + (match[1] as string).length;
    return [
      { start: token.start, end: cut, text: match[1] as string },
      { start: cut, end: token.end, text: match[2] as string },
    ];
  });
}

const bit = (list: ListType): number => 1 << LIST_TYPES.indexOf(list);

function isNationality(gazetteer: Gazetteer, word: string): boolean {
  return ((gazetteer.get(word.toLowerCase()) ?? 0) & bit('NATIONALITY')) !== 0;
}

/** `taggerRecognizer`: the trained tagger as a `Recognizer`. */
export const taggerRecognizer: RecognizerFactory = () => ({
  name: 'tagger',
  recognize(doc) {
    const model = defaultModel();
    const sentences: Array<{ paragraph: Paragraph; tokens: Token[] }> = [];
    for (const paragraph of doc.paragraphs) {
      for (const sentence of paragraph.sentences) {
        if (sentence.tokens.length > 0)
          sentences.push({
            paragraph,
            tokens: splitGlued(sentence.tokens),
          });
      }
    }
    const tagged = model.tagSentences(sentences.map((sentence) => sentence.tokens));
    const mentions: Mention[] = [];
    tagged.forEach((spans, s) => {
      const { paragraph, tokens } = sentences[s] as { paragraph: Paragraph; tokens: Token[] };
      for (const span of spans) {
        const type = TYPES[span.type];
        if (!type) continue;
        let first = span.tokenStart;
        // A nationality before a person's name is not part of it ("Gambian Bakary Gassama").
        if (
          type === 'person' &&
          span.tokenEnd - first >= 3 &&
          isNationality(model.resources.gazetteer, (tokens[first] as Token).text)
        )
          first++;
        while (type === 'person' && first < span.tokenEnd - 1 && isTitle(tokens[first] as Token))
          first++;
        const start = (tokens[first] as Token).start;
        mentions.push({
          paragraph: paragraph.id,
          start,
          end: span.end,
          text: paragraph.text.slice(start, span.end),
          type,
          score: Math.round(span.score * 1000) / 1000,
          source: 'tagger',
        });
      }
    });
    return mentions;
  },
});
