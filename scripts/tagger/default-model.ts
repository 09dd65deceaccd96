/**
 * The committed model, loaded once per process on first use.
 */
import { fileURLToPath } from 'node:url';
import { loadModel, type NerModel } from './model.ts';

/** Where `kb train` writes the model and the recognizer reads it. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('./models/ner.bin.gz', import.meta.url));

let cached: NerModel | undefined;

/**
 * The committed model (lazily loaded, then shared), or the one the `KB_MODEL` environment
 * variable names: a model written by `kb train --output`, to try before committing it.
 */
export function defaultModel(): NerModel {
  cached ??= loadModel(process.env.KB_MODEL || DEFAULT_MODEL_PATH);
  return cached;
}

/** Makes `model` the one `defaultModel` returns (`kb eval --cross` scores models it trained). */
export function useModel(model: NerModel): void {
  cached = model;
}
