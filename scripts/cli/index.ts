/**
 * `kb`: Dossier's command line (started by `kb.ts`). Each command lives in
 * `commands/<name>.ts` and exports `register(program)`; adding one means adding a file
 * and a line to COMMANDS below.
 */
import { Command } from 'commander';
import { COMMANDS } from './commands/index.ts';

const program = new Command('kb')
  .description('Dossier: news articles in, a citable knowledge base out.')
  .showHelpAfterError();

for (const register of COMMANDS) register(program);

await program.parseAsync(process.argv);
