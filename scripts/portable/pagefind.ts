/**
 * Packs a Pagefind bundle for file://, where Chromium blocks module scripts, dynamic
 * `import()`, Workers and `fetch()` (Pagefind issues #202 and #241): every index file
 * becomes a classic script under `pagefind/portable/`, Pagefind's ES module becomes a
 * classic script that receives its `fetch` from `runtime.js`, and Pagefind's UI gets that
 * loader prepended and its one `import()` pointed at it. Pagefind itself, its ranking,
 * excerpts and filters are unchanged, so results match the hosted site's.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const RUNTIME = new URL('./runtime.js', import.meta.url);

/** Files the portable copy still needs beside `portable/`; the rest are replaced or unused. */
const KEEP = new Set(['pagefind-ui.js', 'pagefind-ui.css']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** Replaces `pattern` exactly `count` times, or fails: a new Pagefind must be looked at. */
function replaceExactly(code: string, pattern: RegExp, by: string, what: string): string {
  const hits = code.match(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g'));
  if (!hits?.length) throw new Error(`portable search: Pagefind's ${what} not found`);
  return code.replace(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g'), by);
}

/** Fails unless `code` compiles as a classic script. */
function assertClassic(code: string, name: string): void {
  try {
    new Script(code, { filename: name });
  } catch (error) {
    throw new Error(`portable search: ${name} is not a classic script (${String(error)})`);
  }
}

/**
 * Pagefind's `pagefind.js` (an ES module) as a classic script: its exports are returned
 * from a factory that `runtime.js` calls with a `fetch` answering from packed files.
 * `Worker` is shadowed too, so Pagefind runs on the main thread, its own fallback.
 */
export function classicPagefind(module: string): string {
  let code = replaceExactly(module, /\bimport\.meta\.url\b/, '(void 0)', 'import.meta.url');
  code = replaceExactly(code, /\bexport\s*\{([^}]*)\};?\s*$/, 'return {$1};', 'export list');
  const wrapped =
    'window.DossierPortable.define(function (fetch) {\n' +
    'var Worker = void 0;\n' +
    `${code}\n});\n`;
  assertClassic(wrapped, 'pagefind/portable/pagefind.js');
  return wrapped;
}

/** Pagefind's UI with the loader in front and `import(bundle + "pagefind.js")` routed to it. */
export function portableUi(ui: string): string {
  const code = replaceExactly(
    ui,
    /\bimport\((`\$\{\w+\}pagefind\.js`)\)/,
    'window.DossierPortable.pagefind($1.slice(0, -"pagefind.js".length))',
    'import() of pagefind.js',
  );
  const result = `${readFileSync(RUNTIME, 'utf8')}\n${code}`;
  assertClassic(result, 'pagefind/pagefind-ui.js');
  return result;
}

/** One packed index file: a classic script handing its bytes to the loader. */
export function packedFile(key: string, bytes: Buffer): string {
  return `window.DossierPortable.put(${JSON.stringify(key)},"${bytes.toString('base64')}");\n`;
}

/** Rewrites `<site>/pagefind/` in place for file://. Returns the number of packed files. */
export function packPagefind(siteDir: string): number {
  const bundle = join(siteDir, 'pagefind');
  const out = join(bundle, 'portable');
  const module = readFileSync(join(bundle, 'pagefind.js'), 'utf8');
  const uiPath = join(bundle, 'pagefind-ui.js');
  const ui = readFileSync(uiPath, 'utf8');
  let packed = 0;
  for (const file of filesUnder(bundle)) {
    const path = join(bundle, file);
    if (/\.(js|css)$/.test(file)) {
      if (!KEEP.has(file)) rmSync(path);
      continue;
    }
    const target = join(out, `${file}.js`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, packedFile(file, readFileSync(path)));
    rmSync(path);
    packed++;
  }
  writeFileSync(join(out, 'pagefind.js'), classicPagefind(module));
  writeFileSync(uiPath, portableUi(ui));
  for (const dir of readdirSync(bundle)) {
    const path = join(bundle, dir);
    if (statSync(path).isDirectory() && filesUnder(path).length === 0)
      rmSync(path, { recursive: true });
  }
  return packed;
}
