import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const serverPort = Number(process.env.PORT ?? 3000);

/** The suites of the services' tables, run a second time with every test server on PostgreSQL. */
const SERVICE_SUITES = [
  'accounts', 'workspaceFlow', 'permissions', 'comments', 'proposals', 'versions', 'consultations', 'decisionMethods',
  'agreedText', 'export', 'remarksTable', 'remarksAnnex', 'suggestionThreads', 'responsiblePerson', 'planInterchange', 'chairInvariant', 'liveAccess', 'serviceDatabase',
].map((name) => `test/server/${name}.test.ts`);

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/collab': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'postgres', include: SERVICE_SUITES, env: { TEST_DATABASE: 'postgres' }, globalSetup: ['test/helpers/postgresGlobalSetup.ts'] },
      },
    ],
  },
});
