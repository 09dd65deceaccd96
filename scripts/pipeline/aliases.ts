/**
 * Aliases introduced in the text: "Anti-Defamation League (ADL)", "Clara Sorrenti,
 * known online as Keffals", "who goes by the online name Keffals".
 */
import type { Mention, Paragraph } from './types.ts';

const AFTER_NAME = [
  /^\s*\(\s*([\p{Lu}][\p{Lu}\p{N}&.-]{1,9})\s*\)/u,
  /^[^.;]{0,60}?\b(?:known (?:online |on \w+ )?as|who goes by (?:the (?:online |screen )?name )?|nicknamed|also called|a\.k\.a\.?|aka)\s+["“]?([\p{Lu}\p{N}][\p{L}\p{N}_-]+(?: [\p{Lu}][\p{L}\p{N}_-]+)?)/u,
];

export interface IntroducedAlias {
  mention: Mention;
  alias: string;
}

/** Aliases introduced right after a named mention, within its sentence. */
export function findIntroducedAliases(
  paragraph: Paragraph,
  mentions: Mention[],
): IntroducedAlias[] {
  const found: IntroducedAlias[] = [];
  for (const mention of mentions) {
    if (mention.type !== 'person' && mention.type !== 'organization' && mention.type !== 'site')
      continue;
    const sentence = paragraph.sentences.find(
      (s) => s.start <= mention.start && mention.end <= s.end,
    );
    const rest = paragraph.text.slice(mention.end, sentence?.end ?? paragraph.text.length);
    for (const pattern of AFTER_NAME) {
      const alias = pattern.exec(rest)?.[1];
      if (alias && alias !== mention.text) found.push({ mention, alias });
    }
  }
  return found;
}
