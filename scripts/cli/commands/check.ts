/** `kb check`: content problems, data contract, permanence of published URLs, links. */
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, ROOT } from '../../core/config.ts';
import type { CheckResult } from '../check.ts';

export function register(program: Command): void {
  program
    .command('check')
    .description(
      'check content, the data contract, permanence of published URLs and versions, and links in dist/',
    )
    .option('--dir <dir>', 'built site to check', process.env.KB_OUT ?? join(ROOT, 'dist'))
    .option('--no-links', 'skip the link crawl')
    .action(async (options: { dir: string; links: boolean }) => {
      const {
        checkContent,
        checkDataContract,
        checkLinks,
        checkNames,
        checkPermanence,
        checkVersions,
      } = await import('../check.ts');
      const config = loadConfig();
      // A check that cannot run (a damaged ledger or history) is a failure, said as such.
      const run = (name: string, check: () => CheckResult): CheckResult => {
        try {
          return check();
        } catch (error) {
          return { name, failures: [(error as Error).message] };
        }
      };
      const results: CheckResult[] = [
        run('content', () => checkContent(config)),
        run('data contract', () => checkDataContract(options.dir)),
        run('names', () => checkNames(options.dir)),
        run('permanence', () => checkPermanence(options.dir, config.ledgerFile, config.base)),
        run('versions', () => checkVersions(options.dir, config.ledgerFile, config.historyDir)),
      ];
      if (options.links) results.push(await checkLinks(options.dir, config.base));
      for (const { name, failures } of results) {
        console.log(
          `${failures.length ? '✗' : '✓'} ${name}${failures.length ? `: ${failures.length} problem(s)` : ''}`,
        );
        for (const failure of failures.slice(0, 50)) console.log(`    ${failure}`);
        if (failures.length > 50) console.log(`    … and ${failures.length - 50} more`);
      }
      if (results.some((r) => r.failures.length)) process.exitCode = 1;
    });
}
