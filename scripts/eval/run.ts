/**
 * What `kb eval` runs (`commands/eval.ts`), loaded only when it runs: each suite's
 * scores, printed.
 */
import { join } from 'node:path';
import { extractKnowledge } from '../build/prepare.ts';
import { loadConfig, ROOT } from '../core/config.ts';
import { corpusAvailable, evaluateGum, evaluateSpanFile, thresholdTable } from './ner.ts';
import { readSeedGold, scoreSeed } from './seed.ts';
import { runPolnearEval } from './polnear-cli.ts';
import { evaluateEcbPlus, formatEcbPlusResult, hasEcbPlus } from './ecbplus.ts';
import { evaluateEcbStories, formatEcbStories } from './ecbplus-stories.ts';
import { ecbPlusErrors } from './ecbplus-errors.ts';
import { formatErrorCategories } from './polnear-errors.ts';
import { formatScores, type SpanScores } from '../tagger/eval-conll.ts';
import { evaluateEwn, ewnFold, formatEwn, readEwn, type EwnRecord } from './ewn.ts';
import { trainModel } from '../tagger/train.ts';
import { loadOrBuildClusters } from '../tagger/clusters.ts';
import { defaultModel, useModel } from '../tagger/default-model.ts';
import type { EvalOptions, Suite } from './suites.ts';

function printScores(title: string, scores: SpanScores): void {
  console.log(`\n${title}\n${formatScores(scores).replace(/^/gm, '  ')}`);
}

function runSeed(): boolean {
  const { site } = extractKnowledge(loadConfig(), true);
  const report = scoreSeed(site.kb, readSeedGold(join(ROOT, 'test/fixtures/seed/gold.json')));
  console.log(`\nSeed story (content/articles vs test/fixtures/seed/gold.json)`);
  console.log(
    `  required entities with exactly one page of the right type: ${report.correct.length}/${report.required}`,
  );
  for (const [label, list] of Object.entries({
    missing: report.missing,
    'wrong type': report.wrongType,
    split: report.split,
    'not merged': report.unmerged,
    'pages for no gold entity': report.extra,
  })) {
    if (list.length) console.log(`  ${label} (${list.length}): ${list.join('; ')}`);
  }
  return report.correct.length === report.required && !report.extra.length && !report.split.length;
}

/** EWN dev: modern news from outlets worldwide, per type, region and outlet fold. */
function runEwn(options: EvalOptions): void {
  const file = join(options.corpora, 'ewn/dev.jsonl');
  if (!corpusAvailable(options.corpora, 'ewn/dev.jsonl')) {
    console.log(`\newn: skipped, ${file} is absent`);
    return;
  }
  const examples = options.errors === true ? 3 : Number(options.errors ?? 0);
  const records = readEwn(file);
  let before: ((record: EwnRecord) => void) | undefined;
  const shipped = defaultModel();
  if (options.cross) {
    // One model per outlet fold, trained as `kb train` trains (same corpora, clusters and
    // lists) but on the other fold's EWN articles only: every article is tagged by a
    // model that never saw its outlet.
    const clusters = loadOrBuildClusters(options.corpora);
    const models = ([0, 1] as const).map((fold) => {
      console.log(`training a model without EWN outlet fold ${fold}…`);
      return trainModel({
        corpora: options.corpora,
        epochs: 8,
        clusters,
        gazetteers: true,
        ewn: fold === 0 ? 1 : 0,
      }).model;
    });
    before = (record) => useModel(models[ewnFold(record)]!);
  }
  const result = evaluateEwn(records, Math.max(examples, 1), before);
  useModel(shipped);
  const trained = shipped.ewn;
  if (!options.cross && trained !== 'none') {
    console.log(
      trained === 'all'
        ? '\nNote: the model was trained on all of EWN dev, so these figures are not held out; --cross scores every outlet with a model that never saw it.'
        : `\nNote: the model was trained on EWN outlet fold ${trained}; only outlet fold ${1 - trained} is held out.`,
    );
  }
  console.log(
    `\nEWN dev (modern news, outlets worldwide), exact span F1${options.cross ? ', every outlet scored by a model trained without it' : ''}`,
  );
  console.log(formatEwn(result));
  if (options.errors) {
    console.log('\nEWN dev errors by category (spans):');
    console.log(formatErrorCategories(result.errors, examples));
  }
}

function runCorpora(
  suite: Exclude<Suite, 'polnear' | 'ecbplus' | 'threshold' | 'ewn'>,
  corpora: string,
  final: boolean,
): void {
  const need: Record<
    Exclude<Suite, 'seed' | 'polnear' | 'ecbplus' | 'threshold' | 'ewn'>,
    string
  > = {
    conll: 'conll2003',
    gum: 'gum',
    wnut: 'wnut17',
  };
  if (suite === 'seed') return;
  if (!corpusAvailable(corpora, need[suite])) {
    console.log(`\n${suite}: skipped, ${join(corpora, need[suite])} is absent`);
    return;
  }
  if (suite === 'conll') {
    printScores(
      'CoNLL-2003 dev (valid), exact span',
      evaluateSpanFile(join(corpora, 'conll2003/valid.jsonl'), true),
    );
    if (final)
      printScores(
        'CoNLL++ test (conllpp-test), exact span',
        evaluateSpanFile(join(corpora, 'conll2003/conllpp-test.jsonl'), true),
      );
  } else if (suite === 'gum') {
    printScores(
      'GUM news dev, document-level named entities',
      evaluateGum(join(corpora, 'gum'), 'dev'),
    );
    if (final)
      printScores(
        'GUM news test, document-level named entities',
        evaluateGum(join(corpora, 'gum'), 'test'),
      );
  } else {
    printScores(
      'WNUT-17 dev, exact span',
      evaluateSpanFile(join(corpora, 'wnut17/dev.jsonl'), false),
    );
    if (final)
      printScores(
        'WNUT-17 test, exact span',
        evaluateSpanFile(join(corpora, 'wnut17/test.jsonl'), false),
      );
  }
}

/** Scores each suite in turn and prints the time it all took. */
export async function runEval(suites: Suite[], options: EvalOptions): Promise<void> {
  const started = performance.now();
  for (const suite of suites) {
    if (suite === 'seed') runSeed();
    else if (suite === 'threshold') {
      console.log(
        '\nPage threshold on CoNLL-2003 dev: entities kept, precision, share of correct ones kept',
      );
      const rows = thresholdTable(
        join(options.corpora, 'conll2003/valid.jsonl'),
        true,
        [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
      );
      for (const r of rows) {
        console.log(
          `  ≥ ${r.threshold.toFixed(1)}  kept ${String(r.kept).padStart(5)}  precision ${(100 * r.precision).toFixed(1)}  recall ${(100 * r.recall).toFixed(1)}`,
        );
      }
    } else if (suite === 'ewn') {
      runEwn(options);
    } else if (suite === 'polnear') {
      console.log('\nPolNeAR dev, speakers of direct quotes');
      const examples = options.errors === true ? 3 : Number(options.errors);
      await runPolnearEval('dev', {
        categories: options.errors ? examples : undefined,
      });
      if (options.final) {
        console.log('\nPolNeAR test, speakers of direct quotes');
        await runPolnearEval('test');
      }
    } else if (suite === 'ecbplus') {
      if (!hasEcbPlus()) console.log('\necbplus: skipped, ../shared/corpora/ecbplus is absent');
      else {
        console.log(
          '\nECB+ cross-document people and organizations (each topic one knowledge base)',
        );
        console.log(formatEcbPlusResult(evaluateEcbPlus({ split: 'dev' })));
        if (options.errors) {
          const examples = options.errors === true ? 3 : Number(options.errors);
          console.log('\nECB+ dev errors by category (mentions):');
          console.log(formatErrorCategories(ecbPlusErrors(examples), examples));
        }
        if (options.final) console.log(formatEcbPlusResult(evaluateEcbPlus({ split: 'test' })));
        console.log(formatEcbStories(evaluateEcbStories({ split: 'dev' })));
        if (options.final) console.log(formatEcbStories(evaluateEcbStories({ split: 'test' })));
      }
    } else runCorpora(suite, options.corpora, Boolean(options.final));
  }
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
