/**
 * The recognizer interface. A recognizer is a small factory `(options) => Recognizer`
 * registered in `./index.ts`; adding one means adding a file and a line there.
 */
import type { CuratedEntity } from '../core/schema.ts';
import type { Mention, SegmentedArticle } from '../core/types.ts';

/** Build-wide knowledge a recognizer may use (curated entities, user lists). */
export interface RecognizerContext {
  curated: ReadonlyArray<CuratedEntity>;
}

export interface Recognizer {
  /** Stable name, recorded on each mention as `source`. */
  name: string;
  /**
   * Finds typed spans in one segmented article. Must be a pure function of the
   * article (and the context the factory was given): results are cached by content hash.
   */
  recognize(doc: SegmentedArticle): Mention[];
  /**
   * True when it reads text in any language (names from a list). Others learned from or
   * were written for English, and are not run on an article whose `language` is another.
   */
  anyLanguage?: boolean;
}

export type RecognizerFactory = (context: RecognizerContext) => Recognizer;
