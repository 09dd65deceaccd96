/**
 * `kb eval` entry for PolNeAR: scores quote speakers on one split and prints the summary.
 * The corpus lives outside the repository; without it this says so and does nothing.
 */
import { formatErrorCategories } from './polnear-errors.ts';
import { evaluatePolnear, formatPolnearResult, hasPolnear, POLNEAR_FILE } from './polnear.ts';

/**
 * Runs the PolNeAR quote evaluation on `split` and prints a readable summary; with
 * `categories`, the wrong speakers by category with that many examples each (for tuning on
 * train and dev: never ask it of test).
 */
export async function runPolnearEval(
  split: 'dev' | 'test' | 'train' = 'dev',
  options: { limit?: number; errors?: number; categories?: number } = {},
): Promise<void> {
  if (!hasPolnear()) {
    console.log(`PolNeAR not found at ${POLNEAR_FILE.pathname}: skipped.`);
    return;
  }
  const result = await evaluatePolnear({ split, limit: options.limit });
  console.log(formatPolnearResult(result));
  if (options.categories !== undefined) {
    if (split === 'test') throw new Error('PolNeAR test errors are not for reading: tune on dev');
    console.log(`\nWrong speakers by category (${result.errors.length}):`);
    console.log(formatErrorCategories(result.categories, options.categories));
  }
  const shown = result.errors.slice(0, options.errors ?? 0);
  if (shown.length) console.log(`\nFirst ${shown.length} wrong speakers:\n${shown.join('\n')}`);
}
