// Compiles the server (server/main.ts and everything it imports, shared/ included) into plain
// JavaScript in dist/server, so production runs `node dist/server/main.js` without tsx.
//
// Dependencies are bundled too: resolving and loading ~1,000 separate node_modules files cost
// more start time than parsing one file. Left outside the bundle: sqlite3 (a native addon) and
// the packages that read their own data files at run time (pdfkit's font metrics, the DejaVu fonts),
// and @fastify/cookie, whose `await import('cookie')` of a CommonJS package loses its named exports
// once bundled (test/server/compiledServer.test.ts caught it: every login answered 500).
//
// The server is one CommonJS module body, server.cjs, run by main.js (scripts/compiledServerEntry.mjs)
// through a V8 code cache, which only a classic script can have on Node 20. What is imported with
// `import()` (the office renderers, PostgreSQL, Redis) is in that file too, but only evaluated, and
// compiled, on first use. knex is a bundle of its own, knex.cjs, run the same way when first
// required (OWN_BUNDLES below). The export worker is an ES module of its own.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';

// knex's dialect files require the drivers of every database it speaks, each only when that
// dialect is used; the server speaks sqlite3 and pg, so the rest stay unresolved (and uninstalled).
const UNUSED_DATABASE_DRIVERS = ['mysql', 'mysql2', 'mariadb', 'mariadb/*', 'oracledb', 'tedious', 'better-sqlite3', 'pg-native', 'pg-query-stream'];
// Packages no start evaluates stay outside too: V8 keeps the whole bundle's source in memory (one
// byte per character), so 1.3 MB of code that runs late or never is 1.3 MiB of idle RSS. Node loads
// them from node_modules when first used: Fastify's JSON-schema compilers (never, see
// server/http/zodOnlySchemaCompilers.ts), its `inject()` and pino logger (tests; logging is off),
// and what only some requests or deployments need (docx for the remarks table, ioredis, pg).
const LOADED_LATE_OR_NEVER = [
  '@fastify/ajv-compiler',
  '@fastify/fast-json-stringify-compiler',
  'light-my-request',
  'pino',
  'docx',
  'ioredis',
  'pg',
];
const EXTERNAL = ['sqlite3', 'pdfkit', 'dejavu-fonts-ttf', '@fastify/cookie', ...UNUSED_DATABASE_DRIVERS, ...LOADED_LATE_OR_NEVER];
// Packages bundled on their own, <name>.cjs next to server.cjs, for code that is self-contained and
// only needed after start: knex and lodash (0.53 MB, half a MiB of the idle server's memory) come
// with the first SQLite statement. main.js runs such a bundle, through a code cache of its own,
// when the server first requires the package, so that first statement costs what it cost inside
// server.cjs (Node's loader on knex's ~150 files from node_modules added ~95 ms to it).
const OWN_BUNDLES = ['knex'];

/**
 * Node's CommonJS module wrapper, written into a bundle's text: main.js compiles the file as it is
 * read, since adding the wrapper at run time would keep a second copy of the source in memory.
 */
const MODULE_WRAPPER = { start: '(function (exports, require, module, __filename, __dirname) {', end: '\n})' };

const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * zod's namespace `z.locales` re-exports the error messages of ~50 languages (300 KB, a tenth of
 * what the server evaluated at start); the server never switches locale and zod's default is
 * English, so inside zod `locales/index.js` is replaced by one that has English only.
 */
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]/.test(args.importer)) return undefined;
      return { path: path.join(path.dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

/** What both bundles share. */
const common = {
  plugins: [englishOnlyZodLocales],
  absWorkingDir: projectRoot,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: EXTERNAL,
  // Without comments and indentation the bundle is a third smaller, which V8 reads, hashes and
  // keeps in memory as source; identifiers keep their names (error messages, `constructor.name`).
  minifyWhitespace: true,
  minifySyntax: true,
  // Escaped non-ASCII, so V8 holds the source in one byte per character, not two.
  charset: 'ascii',
};

export async function buildServer(outdir = path.join(projectRoot, 'dist', 'server')) {
  // Every build starts from an empty directory: no chunk and no code cache of an older build remain.
  await rm(outdir, { recursive: true, force: true });
  const serverBuild = await build({
    ...common,
    // What is in the bundle, by input file: `SERVER_METAFILE=1 node scripts/build-server.mjs` writes
    // it next to the bundle for https://esbuild.github.io/analyze/ (docs/performance.md uses it).
    metafile: process.env.SERVER_METAFILE === '1',
    entryPoints: { server: 'server/main.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: [...EXTERNAL, ...OWN_BUNDLES],
    // `import()` of a package outside the bundle becomes require(), which main.js answers for the
    // packages bundled on their own; a real import() would also fail in a script run from a code
    // cache on Node 20 ("A dynamic import callback was not specified").
    supported: { 'dynamic-import': false },
    // ExportWorkerPool finds the worker next to the bundle through import.meta.url.
    define: { 'import.meta.url': '__bundleUrl' },
    // Strict like the ES module bundle this was before (esbuild's own "use strict" now comes second).
    banner: { js: `${MODULE_WRAPPER.start}'use strict';const __bundleUrl = require('node:url').pathToFileURL(__filename).href;` },
    footer: { js: MODULE_WRAPPER.end },
  });
  if (serverBuild.metafile) await writeFile(path.join(outdir, 'server.meta.json'), JSON.stringify(serverBuild.metafile));
  for (const name of OWN_BUNDLES) {
    await build({
      ...common,
      entryPoints: { [name]: name },
      outdir,
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      // CommonJS packages, so not strict.
      banner: { js: MODULE_WRAPPER.start },
      footer: { js: MODULE_WRAPPER.end },
    });
  }
  // The export worker, loaded by ExportWorkerPool from next to the bundle, is a thread of its own.
  await build({
    ...common,
    entryPoints: { exportWorker: 'server/export/exportWorker.ts' },
    outdir,
    format: 'esm',
    // Bundled CommonJS packages call require(); ESM output has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const bundleHashes = {};
  for (const name of ['server', ...OWN_BUNDLES]) {
    const bundleFile = path.join(outdir, `${name}.cjs`);
    await escapeNonAscii(bundleFile);
    bundleHashes[name] = createHash('sha256').update(await readFile(bundleFile)).digest('hex').slice(0, 16);
  }
  const entry = await readFile(path.join(projectRoot, 'scripts', 'compiledServerEntry.mjs'), 'utf8');
  await writeFile(path.join(outdir, 'main.js'), entry.replace('__BUNDLE_HASHES__', JSON.stringify(bundleHashes)));
  return outdir;
}

/**
 * esbuild's `charset: 'ascii'` escapes strings and templates but leaves regular-expression
 * literals as written (/[łŁ]/); one such character would make V8 keep all the megabytes of source
 * in two bytes per character. Comments are gone (minified), so what is left is in regular
 * expressions and identifiers, where `\uXXXX` means the same UTF-16 unit.
 */
async function escapeNonAscii(file) {
  const source = await readFile(file, 'utf8');
  // eslint-disable-next-line no-control-regex
  const escaped = source.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== source) await writeFile(file, escaped);
}
// compiledServerEntry.mjs reads server.cjs as latin1, which is only the same text for pure ASCII.

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = await buildServer(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`server built into ${path.relative(process.cwd(), outdir) || '.'}`);
}
