import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Inside the project, so the packages left outside the bundles resolve from node_modules. */
const outRoot = path.join(projectRoot, 'dist', 'bench');

/**
 * Where the bench's processes run from: plain JavaScript, no tsx, for every
 * server (a loader adds start time and tens of MiB to whoever runs under it)
 * and for the light clients. Own directory, so a bench never replaces the
 * dist/server someone else is running.
 */
export const benchBuildLayout = {
  planEditorServer: path.join(outRoot, 'server', 'main.js'),
  peerServer: (script: string): string => path.join(outRoot, 'servers', script.replace(/\.ts$/, '.js')),
  lightClients: path.join(outRoot, 'lightClients.js'),
  projectRoot,
};

/**
 * Builds once per run: the plan editor's server exactly as `npm run build`
 * does (scripts/build-server.mjs, esbuild bundle of server/ and shared/), and
 * the peers' entry files and the light clients with their own code bundled
 * and packages imported from node_modules as they are.
 */
export async function buildBenchProcesses(): Promise<void> {
  await promisify(execFile)(process.execPath, ['scripts/build-server.mjs', path.dirname(benchBuildLayout.planEditorServer)], { cwd: projectRoot });
  await build({
    absWorkingDir: projectRoot,
    entryPoints: ['bench/servers/*.ts', 'bench/lightClients.ts'],
    outbase: 'bench',
    outdir: outRoot,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
}
