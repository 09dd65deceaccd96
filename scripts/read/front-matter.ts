/**
 * Front matter parsed as YAML 1.2's core schema by `yaml` (eemeli/yaml) inside
 * gray-matter: no timestamps (a date stays the text written, so `2022-02-30` is caught
 * rather than rolled over and an offset keeps its own day), and at most
 * `MAX_ALIASES` alias nodes, so that an alias bomb ("billion laughs") is refused at
 * parse time instead of growing to gigabytes when the value is used.
 */
import matter from 'gray-matter';
import { parse, YAMLError } from 'yaml';

/** Enough for any real front matter; `yaml` counts each alias use weighted by its size. */
const MAX_ALIASES = 100;
/** Front matter longer than this is not metadata: 64 KB. */
export const MAX_FRONT_MATTER = 64 * 1024;

export interface FrontMatterError {
  /** 1-based line in the file, where known. */
  line?: number;
  reason: string;
}

const engines = {
  yaml: {
    parse: (text: string): object => {
      if (text.length > MAX_FRONT_MATTER)
        throw new Error(
          `front matter is ${Math.round(text.length / 1024)} KB, over the ${MAX_FRONT_MATTER / 1024} KB limit (move long text into the body)`,
        );
      return (parse(text, { schema: 'core', maxAliasCount: MAX_ALIASES }) ?? {}) as object;
    },
  },
};

/** Splits a markdown file into front matter data and body, or says why it cannot. */
export function parseFrontMatter(source: string): matter.GrayMatterFile<string> | FrontMatterError {
  try {
    // gray-matter caches by content; pass an options object to keep results independent.
    return matter(source, { engines });
  } catch (error) {
    if (error instanceof YAMLError) {
      const at = error.linePos?.[0]?.line;
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      // +1: the front matter starts on the line after the opening `---`.
      return { line: at === undefined ? undefined : at + 1, reason };
    }
    return { reason: (error as Error).message };
  }
}
