/**
 * Pattern recognizer for the types news corpora do not annotate: hashtags and
 * "X campaign" → campaign; web domains and "the X website" / "the site X" / "X, a forum"
 * → site; "the 2019 Christchurch mosque shooting" / "the attack on the U.S. Capitol on
 * January 6, 2021" → event. Cue words come from `scripts/data/cues.txt`.
 */
import { createRequire } from 'node:module';
import type { Mention, Paragraph, Token } from '../core/types.ts';
import { loadCues } from './lexicon.ts';
import { chunkNames } from './names.ts';
import { isFunctionWord } from '../core/text-features.ts';
import { defaultModel } from '../tagger/default-model.ts';
import { lower, mentionOf } from './helpers.ts';
import type { RecognizerFactory } from './types.ts';

const DOMAIN = /^(?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+(\p{L}{2,})$/u;
/** Top-level domains in use (IANA's list, from the `tlds` package). */
const TLDS: ReadonlySet<string> = new Set(createRequire(import.meta.url)('tlds') as string[]);

/**
 * Whether a token is a web domain ("kiwifarms.net", "Amazon.com"): labels and a top-level
 * domain in use, written in lower case as addresses are. In capitals it is a stock
 * ticker in business news ("KLM.AS", "BNPP.PA": Amsterdam and Paris listings), and
 * "share.It" is two words with the space missing.
 */
function isDomain(token: string): boolean {
  const tld = DOMAIN.exec(token)?.[1];
  return tld !== undefined && TLDS.has(tld) && !/\p{Lu}/u.test(tld);
}
const MONTHS =
  /^(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|April|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)$/;
const YEAR = /^(?:1[89]|20)\d\d$/;

/** Whether token `i` begins its sentence: only punctuation (an opening quote) before it. */
function opensSentence(tokens: Token[], i: number): boolean {
  for (let j = 0; j < i; j++) if (/[\p{L}\p{N}]/u.test(tokens[j]!.text)) return false;
  return true;
}

export const patternRecognizer: RecognizerFactory = () => {
  const cues = loadCues();
  // The tagger's vocabulary, learned from the unannotated news sets (`scripts/tagger/clusters.ts`):
  // a word it holds in lower case is a common word.
  const vocabulary = defaultModel().resources.clusters;
  const isCommonWord = (word: string) => vocabulary.has(word.toLowerCase());
  const SOURCE = 'patterns';

  /** Token `i` as a cue word: lower case, as it is in running text ("Forum" ends a name). */
  const cueAt = (tokens: Token[], i: number) =>
    tokens[i] && /\p{Lu}/u.test(tokens[i].text) ? '' : lower(tokens[i]);

  function findSites(
    p: Paragraph,
    tokens: Token[],
    capitalizedInside: ReadonlySet<string>,
    out: Mention[],
  ): void {
    for (const [from, to] of chunkNames(tokens)) {
      // A sentence's first word is capitalized whatever it is: alone, a common word there
      // ("Ultimately, the forum will…", "Fan website Trek United…") is a name only if the
      // article capitalizes it elsewhere too.
      if (
        to - from === 1 &&
        opensSentence(tokens, from) &&
        !capitalizedInside.has(tokens[from]!.text) &&
        isCommonWord(tokens[from]!.text)
      )
        continue;
      const next = lower(tokens[to]);
      const prev = lower(tokens[from - 1]);
      const nextCue = cueAt(tokens, to);
      const prevCue = cueAt(tokens, from - 1);
      // "X, a (neo-Nazi) forum" — an appositive naming what X is.
      const appositive =
        next === ',' &&
        /^(?:an?|the)$/.test(lower(tokens[to + 1])) &&
        [tokens[to + 2], tokens[to + 3]].some((t) => cues['site-after'].has(lower(t)));
      // "Cloudflare CEO …", "the CEO of Cloudflare", "Cloudflare, a big tech security company".
      const role =
        (cues['organization-role'].has(next) && /^\p{Lu}/u.test(tokens[to + 1]?.text ?? '')) ||
        (prev === 'of' && cues['organization-role'].has(lower(tokens[from - 2])));
      const described =
        next === ',' &&
        /^(?:an?|the)$/.test(lower(tokens[to + 1])) &&
        tokens.slice(to + 2, to + 7).some((t) => cues['organization-noun'].has(lower(t)));
      // "its domain registrar, DreamHost," — the description first, the name in apposition.
      const named =
        prev === ',' &&
        cues['organization-noun'].has(lower(tokens[from - 2])) &&
        [',', '.', ';'].includes(next || '.');
      if (role || described || named) {
        out.push(mentionOf(p, tokens, from, to, 'organization', 0.85, SOURCE));
      } else if (
        cues['site-after'].has(nextCue) ||
        cues['site-before'].has(prevCue) ||
        appositive
      ) {
        out.push(mentionOf(p, tokens, from, to, 'site', 0.9, SOURCE));
      } else if (
        cues['campaign-after'].has(nextCue) &&
        to - from >= 2 &&
        !/^['’]s$/.test(lower(tokens[to - 1]))
      ) {
        // Two words or more: "the Black Lives Matter movement" is a campaign, "the Clinton
        // campaign" is Clinton's (a single name before "campaign" is its owner).
        out.push(mentionOf(p, tokens, from, to, 'campaign', 0.8, SOURCE));
      }
    }
    tokens.forEach((token, i) => {
      if (token.text.startsWith('#') && token.text.length > 2)
        out.push(mentionOf(p, tokens, i, i + 1, 'campaign', 0.95, SOURCE));
      else if (isDomain(token.text)) out.push(mentionOf(p, tokens, i, i + 1, 'site', 0.9, SOURCE));
    });
  }

  /**
   * Extends left from an event head word over modifiers, names, a year and a date. One
   * lowercase word may stand between them ("the 1984 general election", "the Venice
   * economic summit"), not a function word: "Monday to protest", "Lana Clarkson before
   * shooting" and "leaving a Brussels summit" name no event.
   */
  function eventStart(tokens: Token[], head: number): number {
    let from = head;
    let lowercase = 0;
    while (from > 0) {
      const t = tokens[from - 1]!;
      if (/^\p{Lu}/u.test(t.text) && !/^(The|A|An)$/.test(t.text)) from--;
      else if (
        YEAR.test(t.text) ||
        /^\d{1,2}$/.test(t.text) ||
        (t.text === ',' && YEAR.test(tokens[from]?.text ?? ''))
      )
        from--;
      else if (
        /^\p{Ll}+$/u.test(t.text) &&
        lowercase < 1 &&
        !isFunctionWord(t.text) &&
        from - 1 > 0 &&
        /^\p{Lu}|^\d{4}$/u.test(tokens[from - 2]!.text)
      ) {
        from--;
        lowercase++;
      } else break;
    }
    return from;
  }

  /** Extends right over "on the U.S. Capitol" and "on January 6, 2021". */
  function eventEnd(tokens: Token[], head: number): number {
    let to = head + 1;
    for (;;) {
      const word = lower(tokens[to]);
      if (
        word === 'on' &&
        lower(tokens[to + 1]) === 'the' &&
        /^\p{Lu}/u.test(tokens[to + 2]?.text ?? '')
      ) {
        to += 3;
        while (/^\p{Lu}/u.test(tokens[to]?.text ?? '')) to++;
      } else if ((word === 'on' || word === 'in') && MONTHS.test(tokens[to + 1]?.text ?? '')) {
        to += 2;
        if (/^\d{1,2}$/.test(tokens[to]?.text ?? '')) to++;
        if (tokens[to]?.text === ',' && YEAR.test(tokens[to + 1]?.text ?? '')) to += 2;
      } else return to;
    }
  }

  function findEvents(p: Paragraph, tokens: Token[], out: Mention[]): void {
    tokens.forEach((token, head) => {
      if (!cues['event-head'].has(token.text)) return;
      const from = eventStart(tokens, head);
      const to = eventEnd(tokens, head);
      const words = tokens.slice(from, to);
      // A capital letter names an event only where it is not just the sentence's first word.
      const named =
        words.some((t) => YEAR.test(t.text)) ||
        words.some((t, i) => from + i > 0 && /^\p{Lu}/u.test(t.text) && !MONTHS.test(t.text));
      if (named && to - from >= 2) out.push(mentionOf(p, tokens, from, to, 'event', 0.85, SOURCE));
    });
  }

  return {
    name: SOURCE,
    recognize(doc) {
      const out: Mention[] = [];
      const capitalizedInside = new Set<string>();
      for (const p of doc.paragraphs)
        for (const { tokens } of p.sentences)
          tokens.forEach((token, i) => {
            if (/^\p{Lu}/u.test(token.text) && !opensSentence(tokens, i))
              capitalizedInside.add(token.text);
          });
      for (const p of doc.paragraphs) {
        for (const sentence of p.sentences) {
          findSites(p, sentence.tokens, capitalizedInside, out);
          findEvents(p, sentence.tokens, out);
        }
      }
      return out;
    },
  };
};
