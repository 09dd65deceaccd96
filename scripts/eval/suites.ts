/** The suites `kb eval` runs and its options: read by the command line and the runner. */
export const SUITES = [
  'seed',
  'conll',
  'gum',
  'wnut',
  'ewn',
  'polnear',
  'ecbplus',
  'threshold',
] as const;
export type Suite = (typeof SUITES)[number];

export interface EvalOptions {
  corpora: string;
  only?: string;
  final?: boolean;
  errors?: string | boolean;
  /** EWN: score each outlet fold with a model trained without it (trains two models). */
  cross?: boolean;
}
