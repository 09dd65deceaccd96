/**
 * `kb eval` entry for PolNeAR: scores quote speakers on one split and prints the summary.
 * The corpus lives outside the repository; without it this says so and does nothing.
 */
import { evaluatePolnear, formatPolnearResult, hasPolnear, POLNEAR_FILE } from './polnear.ts';

/** Runs the PolNeAR quote evaluation on `split` and prints a readable summary. */
export async function runPolnearEval(
  split: 'dev' | 'test' | 'train' = 'dev',
  options: { limit?: number; errors?: number } = {},
): Promise<void> {
  if (!hasPolnear()) {
    console.log(`PolNeAR not found at ${POLNEAR_FILE.pathname}: skipped.`);
    return;
  }
  const result = await evaluatePolnear({ split, limit: options.limit });
  console.log(formatPolnearResult(result));
  const shown = result.errors.slice(0, options.errors ?? 0);
  if (shown.length) console.log(`\nFirst ${shown.length} wrong speakers:\n${shown.join('\n')}`);
}
