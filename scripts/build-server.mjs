// Compiles the server (server/main.ts and everything it imports, shared/ included) into plain
// JavaScript in dist/server, so production runs `node dist/server/main.js` without tsx.
//
// Dependencies are bundled too: resolving and loading ~1,000 separate node_modules files cost
// more start time than parsing one file. Left outside the bundle: sqlite3 (a native addon) and
// the packages that read their own data files at run time (pdfkit's font metrics, the DejaVu fonts),
// and @fastify/cookie, whose `await import('cookie')` of a CommonJS package loses its named exports
// once bundled (test/server/compiledServer.test.ts caught it: every login answered 500).
// Code splitting keeps the office-format renderers in chunks loaded on first export.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// knex's dialect files require the drivers of every database it speaks, each only when that
// dialect is used; the server speaks sqlite3 and pg, so the rest stay unresolved (and uninstalled).
const UNUSED_DATABASE_DRIVERS = ['mysql', 'mysql2', 'mariadb', 'mariadb/*', 'oracledb', 'tedious', 'better-sqlite3', 'pg-native', 'pg-query-stream'];

const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export async function buildServer(outdir = path.join(projectRoot, 'dist', 'server')) {
  // Chunk names carry content hashes: without this, every build would leave the old ones behind.
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: projectRoot,
    // The export worker is a thread of its own, loaded by ExportWorkerPool from next to the bundle.
    entryPoints: [
      { in: 'server/main.ts', out: 'main' },
      { in: 'server/export/exportWorker.ts', out: 'exportWorker' },
    ],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    external: ['sqlite3', 'pdfkit', 'dejavu-fonts-ttf', '@fastify/cookie', ...UNUSED_DATABASE_DRIVERS],
    // Bundled CommonJS packages call require(); ESM output has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = await buildServer(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`server built into ${path.relative(process.cwd(), outdir) || '.'}`);
}
