// The entry of the compiled server (copied to dist/server/main.js by scripts/build-server.mjs):
// runs the CommonJS bundle server.cjs through a V8 code cache. Node 20 has no compile cache of
// its own (module.enableCompileCache arrived in Node 22), and compiling the multi-megabyte bundle
// was about half of the time from process start to listening. The first start compiles as usual
// and, a few seconds later, writes what V8 compiled by then (every function start-up ran) next to
// the bundle; later starts deserialize it instead of parsing. A missing, unwritable or rejected
// cache only costs that time: V8 checks its version and flags, and the file name carries a hash
// of the bundle (filled in by the build), so a cache of another build is never even opened.
// Packages the build bundled on their own (knex) are run the same way when server.cjs first
// requires them, each with its cache written a few seconds after that.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

/** By bundle name (server and the packages bundled on their own), filled in by the build. */
const BUNDLE_HASHES = JSON.parse('__BUNDLE_HASHES__');
/** Long enough for start-up (or a package's first use) to have compiled what it needs; the timer never keeps the process alive. */
const WRITE_CACHE_AFTER_MS = 3_000;
/** When the young generation may grow again (see below); a start takes well under a second. */
const START_UP_OVER_AFTER_MS = 3_000;

/**
 * Start-up allocates ~20 MB, most of it kept (compiled code, schemas, routes): with V8's default
 * growth factor every scavenge of it doubles the young generation, which then stays at 16 MiB,
 * half of it resident, in a server that sits idle. Not growing it until start-up is over keeps
 * idle RSS ~4-5 MiB lower and makes each scavenge cheaper (fewer survivors copied per cycle);
 * afterwards the default is back, so under load the young generation grows as it always did.
 * A value given on the command line or in NODE_OPTIONS is left alone.
 */
const YOUNG_GENERATION_GROWTH_DEFAULT = 2;
const YOUNG_GENERATION_GROWTH_AT_START = 1;
const isGrowthFactorChosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((argument) => /semi[-_]space[-_]growth[-_]factor/.test(argument));
let isStartUpOver = false;
if (!isGrowthFactorChosen) setYoungGenerationGrowth(YOUNG_GENERATION_GROWTH_AT_START);

const directory = path.dirname(fileURLToPath(import.meta.url));
const nodeRequire = createRequire(path.join(directory, 'server.cjs'));
const ownBundleExports = new Map();

runBundle('server', bundleRequire);
if (!isGrowthFactorChosen) {
  setTimeout(() => {
    isStartUpOver = true;
    setYoungGenerationGrowth(YOUNG_GENERATION_GROWTH_DEFAULT);
  }, START_UP_OVER_AFTER_MS).unref();
}

function setYoungGenerationGrowth(factor) {
  v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/**
 * V8 accepts a code cache only if it was written under the flags it is read under, and the growth
 * factor above is a flag: every cache is compiled and written under the start-up value, so that
 * one written after start-up (knex's, a few seconds after the first statement) is still accepted
 * by a bundle first run during start-up, and the other way round.
 */
function underStartUpFlags(work) {
  if (isGrowthFactorChosen || !isStartUpOver) return work();
  setYoungGenerationGrowth(YOUNG_GENERATION_GROWTH_AT_START);
  try {
    return work();
  } finally {
    setYoungGenerationGrowth(YOUNG_GENERATION_GROWTH_DEFAULT);
  }
}

/** Node's require for server.cjs, except for the packages bundled on their own. */
function bundleRequire(id) {
  if (id === 'server' || !Object.hasOwn(BUNDLE_HASHES, id)) return nodeRequire(id);
  if (!ownBundleExports.has(id)) ownBundleExports.set(id, runBundle(id, nodeRequire));
  return ownBundleExports.get(id);
}
Object.assign(bundleRequire, { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main, extensions: nodeRequire.extensions });

/** Compiles `<name>.cjs` (from its code cache when there is one), runs it, and returns its exports. */
function runBundle(name, require) {
  const bundleFile = path.join(directory, `${name}.cjs`);
  const cacheFile = path.join(directory, `${name}.${BUNDLE_HASHES[name]}.v8cache`);
  let cachedData = readCache(cacheFile);
  // The bundle is a function expression: the CommonJS module wrapper is part of the file (see the build).
  // The build leaves it pure ASCII, so reading it as latin1 gives the same text without UTF-8 decoding.
  const source = readFileSync(bundleFile, 'latin1');
  const script = underStartUpFlags(
    () =>
      new vm.Script(source, {
        filename: bundleFile,
        ...(cachedData ? { cachedData } : {}),
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      }),
  );
  const needsCache = cachedData === undefined || script.cachedDataRejected === true;
  if (script.cachedDataRejected === true) warn('code cache rejected (another Node, V8 flags or a damaged file); compiled anew and rewritten', { bundle: `${name}.cjs` });
  cachedData = undefined;
  const bundleModule = { exports: {} };
  script.runInThisContext()(bundleModule.exports, require, bundleModule, bundleFile, directory);
  if (needsCache) setTimeout(() => writeCache(script, cacheFile), WRITE_CACHE_AFTER_MS).unref();
  return bundleModule.exports;
}

function readCache(cacheFile) {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(script, cacheFile) {
  // Written aside and renamed, so a server starting meanwhile reads a whole file or none.
  const partial = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(partial, underStartUpFlags(() => script.createCachedData()));
    renameSync(partial, cacheFile);
  } catch (error) {
    try {
      unlinkSync(partial);
    } catch {
      // Nothing was written.
    }
    // A read-only installation keeps working, only without the faster start.
    warn('code cache not written; starts stay uncached', { reason: error instanceof Error ? error.message : String(error) });
  }
}

/** In the server log's format (server/log.ts); the logger itself is inside the bundle. */
function warn(message, fields = {}) {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'warn', message, ...fields }));
}
