/**
 * `kb train`: trains the named-entity tagger on CoNLL-2003 train (with gazetteers and
 * word clusters from the unannotated article sets), prints dev F1 per epoch and writes
 * the model that `recognize/tagger.ts` loads. Deterministic: same data, same model.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { loadOrBuildClusters } from '../../tagger/clusters.ts';
import { saveModel } from '../../tagger/model.ts';
import { compileWorldNames } from '../../tagger/world-names.ts';
import { trainModel } from '../../tagger/train.ts';
import { DEFAULT_MODEL_PATH } from '../../tagger/default-model.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Registers `kb train`. */
export function register(program: Command): void {
  program
    .command('train')
    .description('Train the named-entity tagger and write scripts/tagger/models/ner.bin.gz')
    .option('--corpora <dir>', 'the shared corpora folder', resolve(ROOT, '../shared/corpora'))
    .option(
      '--world <dir>',
      'the shared world folder whose gazetteers are compiled into scripts/tagger/models/names/',
      resolve(ROOT, '../shared/world'),
    )
    .option('--epochs <n>', 'training epochs (the best on dev is kept)', '8')
    .option('--seed <n>', 'shuffling seed', '1')
    .option('--output <file>', 'model file', DEFAULT_MODEL_PATH)
    .option('--no-clusters', 'train without word-cluster features')
    .option('--no-gazetteers', 'train without gazetteer features')
    .option(
      '--ewn <outlets>',
      'train on EWN modern news too: all, none, or outlet fold 0 or 1 (to score the other fold)',
      'all',
    )
    .option('--second-pass', 'also train the two-stage aggregating pass (slower tagging)')
    .action(
      (options: {
        corpora: string;
        world: string;
        epochs: string;
        seed: string;
        output: string;
        clusters: boolean;
        gazetteers: boolean;
        secondPass?: boolean;
        ewn: string;
      }) => {
        const ewn = ({ all: 'all', none: 'none', '0': 0, '1': 1 } as const)[options.ewn];
        if (ewn === undefined) throw new Error(`--ewn ${options.ewn}: choose all, none, 0 or 1`);
        if (!existsSync(resolve(options.corpora, 'conll2003'))) {
          throw new Error(`no conll2003 folder under ${options.corpora}; pass --corpora`);
        }
        const started = Date.now();
        if (options.gazetteers && existsSync(resolve(options.world, 'gazetteers'))) {
          const counts = compileWorldNames(options.world);
          console.log(
            `compiled world names into scripts/tagger/models/names/: ${[...counts].map(([file, n]) => `${file} ${n}`).join(', ')}`,
          );
        }
        const clusters = options.clusters
          ? loadOrBuildClusters(options.corpora, console.log)
          : new Map();
        const result = trainModel({
          corpora: options.corpora,
          epochs: Number(options.epochs),
          seed: Number(options.seed),
          clusters,
          gazetteers: options.gazetteers,
          secondPass: Boolean(options.secondPass),
          ewn,
          log: console.log,
        });
        const bytes = saveModel(result.model, options.output);
        const f1 = result.epochScores[result.bestEpoch - 1]?.micro.f1 ?? 0;
        console.log(
          `kept epoch ${result.bestEpoch} (dev F1 ${(100 * f1).toFixed(2)}); wrote ${options.output} (${(bytes / 1e6).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(0)}s`,
        );
      },
    );
}
