/** The registry of `kb` commands, in the order `kb --help` lists them. */
import type { Command } from 'commander';
import { register as registerBench } from './bench.ts';
import { register as registerBuild } from './build.ts';
import { register as registerCheck } from './check.ts';
import { register as registerEval } from './eval.ts';
import { register as registerExtract } from './extract.ts';
import { register as registerImport } from './import.ts';
import { register as registerServe } from './serve.ts';
import { register as registerTrain } from './train.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [
  registerBuild,
  registerExtract,
  registerEval,
  registerBench,
  registerImport,
  registerServe,
  registerCheck,
  registerTrain,
];
