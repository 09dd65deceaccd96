/**
 * The committed model, loaded once per process on first use.
 */
import { fileURLToPath } from 'node:url';
import { loadModel, type NerModel } from './model.ts';

/** Where `kb train` writes the model and the recognizer reads it. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('./models/ner.bin.gz', import.meta.url));

let cached: NerModel | undefined;

/** The committed model (lazily loaded, then shared). */
export function defaultModel(): NerModel {
  cached ??= loadModel(DEFAULT_MODEL_PATH);
  return cached;
}
