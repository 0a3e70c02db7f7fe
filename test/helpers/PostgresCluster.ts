import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findFreePort } from './findFreePort.js';

const run = promisify(execFile);

/**
 * A private PostgreSQL server for one test file: its own data directory in /tmp, its own port on
 * 127.0.0.1, its own socket directory, stopped and deleted afterwards. Debian's `postgresql`
 * package provides the binaries; `initdb` refuses to run as root, so as root the cluster runs as
 * the package's `postgres` user.
 */
export class PostgresCluster {
  private databaseCount = 0;

  private constructor(
    private readonly binDir: string,
    private readonly directory: string,
    private readonly runAs: string | null,
    readonly port: number,
  ) {}

  static async start(): Promise<PostgresCluster> {
    const binDir = findPostgresBinDir();
    const directory = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-pg-'));
    const runAs = process.getuid?.() === 0 ? 'postgres' : null;
    if (runAs) {
      const { stdout } = await run('id', ['-u', runAs]);
      const { stdout: group } = await run('id', ['-g', runAs]);
      await chown(directory, Number(stdout.trim()), Number(group.trim()));
    }
    const port = await findFreePort();
    const cluster = new PostgresCluster(binDir, directory, runAs, port);
    await cluster.command('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await cluster.startServer();
    return cluster;
  }

  /** Starts the server (again) on the same port and data directory. */
  async startServer(): Promise<void> {
    await this.command('pg_ctl', [
      '-D', this.dataDir, '-l', path.join(this.directory, 'server.log'), '-w', '-t', '60',
      '-o', `-p ${this.port} -k ${this.directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
  }

  /** Stops the server as an operator would for maintenance: open sessions are ended, what is committed stays. */
  async stopServer(): Promise<void> {
    await this.command('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  /** A new, empty database on this server; its connection URL. */
  async createDatabase(): Promise<string> {
    this.databaseCount += 1;
    const name = `test_${process.pid}_${this.databaseCount}`;
    const admin = new pg.Client({ connectionString: this.url('postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return this.url(name);
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async stop(): Promise<void> {
    await this.command('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(this.directory, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return path.join(this.directory, 'data');
  }

  private command(program: string, args: string[]): Promise<void> {
    const executable = path.join(this.binDir, program);
    const [file, fileArgs] = this.runAs ? ['runuser', ['-u', this.runAs, '--', executable, ...args]] : [executable, args];
    return new Promise((resolve, reject) => {
      const child = spawn(file, fileArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${program} exited with ${code}:\n${output}`))));
    });
  }
}

function findPostgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((entry) => existsSync(path.join(root, entry, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL is not installed: install Debian's package (apt-get install -y postgresql); .ci/run does this");
  return path.join(root, newest, 'bin');
}
