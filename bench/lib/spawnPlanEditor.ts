import { benchBuildLayout } from './benchBuild.js';
import { ChildServer } from './ChildServer.js';

/**
 * The compiled plan editor server as `npm start` runs it (plain Node, MALLOC_ARENA_MAX=2), in production mode,
 * a port of its own, and `env` on top (data directory, database, Redis).
 */
export function spawnPlanEditor(env: Record<string, string>): Promise<ChildServer> {
  return ChildServer.spawn({
    command: process.execPath,
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles every server run.
    args: [...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), benchBuildLayout.planEditorServer],
    cwd: benchBuildLayout.projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      // Every bench client is one user on one address; the per-user and per-address limits are for people.
      MAX_CONNECTIONS_PER_USER: '1000000',
      MAX_CONNECTIONS_PER_ADDRESS: '1000000',
      // As `npm start` and docs/deployment.md run it: glibc's malloc with two arenas, not one per thread.
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
      ...env,
    },
    // main.ts logs `plan editor listening on http://127.0.0.1:<port>`.
    readyPattern: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  });
}
