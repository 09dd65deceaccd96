/** `kb serve`: serves dist/ on localhost, for offline use. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { loadConfig, ROOT } from '../../core/config.ts';
import { serveSite } from '../serve.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the built site (dist/) on localhost')
    .option('-p, --port <port>', 'port to listen on', '4321')
    .option('--dir <dir>', 'folder to serve', join(ROOT, 'dist'))
    .action(async (options: { port: string; dir: string }) => {
      try {
        const { url } = await serveSite({
          dir: options.dir,
          base: loadConfig().base,
          port: Number(options.port),
        });
        console.log(`serving ${options.dir} at ${url} (Ctrl-C to stop)`);
      } catch (error) {
        console.error(`error: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    });
}
