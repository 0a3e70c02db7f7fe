import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { SynchronousMode } from './persistence/SqliteDocumentStore.js';
import { defaultSyncLimits, type SyncLimits } from './sync/SyncLimits.js';

/** The sync limits (SyncLimits) are part of the configuration too. */
export interface ServerConfig extends SyncLimits {
  port: number;
  host: string;
  dataDir: string;
  /** Built client (vite build output); served when present. */
  clientDir: string;
  maxMessageBytes: number;
  unloadDelayMs: number;
  compactAfterAppends: number;
  /** Cold load: longest wait for new clients to take in the stored bytes before the server applies them. */
  handoffMaxWaitMs: number;
  pingIntervalMs: number;
  sqliteSynchronous: SynchronousMode;
  /** `postgres://…`: PostgreSQL for everything stored (documents and services' tables) instead of the SQLite file. */
  databaseUrl: string | null;
  /** Origins besides the server's own that may open WebSockets and call the API (e.g. the Vite dev server). */
  allowedOrigins: string[];
  trustProxy: boolean;
  sessionTtlMs: number;
  /** New accounts one address may create per hour (each costs a memory-hard hash). */
  maxRegistrationsPerHour: number;
  /** Failed logins in 15 minutes, per account from one address and per address on any account. */
  maxLoginFailuresPerAccountAndAddress: number;
  maxLoginFailuresPerAddress: number;
  /** scrypt derivations at once (128 MiB each), and how many may wait before logins get 429 serverBusy. */
  passwordHashConcurrency: number;
  passwordHashQueue: number;
  /** Comments (threads and replies) one person may write per minute. */
  maxCommentsPerMinute: number;
  /** Public consultation remarks one address may send per hour. */
  maxRemarksPerHour: number;
  /** `redis://…`: cross-instance fan-out (needs databaseUrl: instances share one database). */
  redisUrl: string | null;
  /** This instance's name in the cross-instance feed (logs, health); random by default. */
  instanceId: string;
}

export const defaultConfig: ServerConfig = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: './data',
  clientDir: './dist/client',
  maxMessageBytes: 16 * 1024 * 1024,
  unloadDelayMs: 10_000,
  compactAfterAppends: 500,
  handoffMaxWaitMs: 1_000,
  pingIntervalMs: 30_000,
  sqliteSynchronous: 'FULL',
  databaseUrl: null,
  allowedOrigins: [],
  trustProxy: false,
  sessionTtlMs: 14 * 24 * 60 * 60 * 1000,
  maxRegistrationsPerHour: 20,
  maxLoginFailuresPerAccountAndAddress: 5,
  maxLoginFailuresPerAddress: 20,
  passwordHashConcurrency: 2,
  passwordHashQueue: 16,
  maxCommentsPerMinute: 30,
  maxRemarksPerHour: 20,
  redisUrl: null,
  instanceId: '',
  ...defaultSyncLimits,
};

/** Reads the environment; throws one message listing every invalid variable. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const synchronous = env.SQLITE_SYNCHRONOUS ?? defaultConfig.sqliteSynchronous;
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    problems.push(`SQLITE_SYNCHRONOUS must be FULL or NORMAL (got "${synchronous}")`);
  }
  const url = (name: string, protocols: readonly string[], kind: string, unset: string): string | null => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return null;
    if (!protocols.some((protocol) => raw.startsWith(`${protocol}//`))) {
      problems.push(`${name} must be a ${kind} URL starting with ${protocols.map((protocol) => `${protocol}//`).join(' or ')} (${unset})`);
      return null;
    }
    return raw;
  };
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:'], 'PostgreSQL', 'leave it unset for the SQLite file in DATA_DIR');
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:'], 'Redis', 'leave it unset for a single instance');
  if (redisUrl !== null && databaseUrl === null && env.DATABASE_URL === undefined) {
    problems.push('REDIS_URL needs DATABASE_URL: instances that share plans must share one PostgreSQL database');
  }
  const config: ServerConfig = {
    port: integer('PORT', defaultConfig.port, 0, 65535),
    host: env.HOST ?? defaultConfig.host,
    dataDir: path.resolve(env.DATA_DIR ?? defaultConfig.dataDir),
    clientDir: path.resolve(env.CLIENT_DIR ?? defaultConfig.clientDir),
    maxMessageBytes: integer('MAX_MESSAGE_BYTES', defaultConfig.maxMessageBytes, 1024, 256 * 1024 * 1024),
    unloadDelayMs: integer('UNLOAD_DELAY_MS', defaultConfig.unloadDelayMs, 0, 3_600_000),
    compactAfterAppends: integer('COMPACT_AFTER_APPENDS', defaultConfig.compactAfterAppends, 1, 1_000_000),
    handoffMaxWaitMs: defaultConfig.handoffMaxWaitMs,
    pingIntervalMs: integer('PING_INTERVAL_MS', defaultConfig.pingIntervalMs, 1000, 600_000),
    sqliteSynchronous: synchronous === 'NORMAL' ? 'NORMAL' : 'FULL',
    databaseUrl,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    sessionTtlMs: integer('SESSION_TTL_HOURS', defaultConfig.sessionTtlMs / 3_600_000, 1, 24 * 365) * 3_600_000,
    maxRegistrationsPerHour: integer('MAX_REGISTRATIONS_PER_HOUR', defaultConfig.maxRegistrationsPerHour, 1, 100_000),
    maxLoginFailuresPerAccountAndAddress: integer('MAX_LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS', defaultConfig.maxLoginFailuresPerAccountAndAddress, 1, 10_000),
    maxLoginFailuresPerAddress: integer('MAX_LOGIN_FAILURES_PER_ADDRESS', defaultConfig.maxLoginFailuresPerAddress, 1, 100_000),
    passwordHashConcurrency: integer('PASSWORD_HASH_CONCURRENCY', defaultConfig.passwordHashConcurrency, 1, 64),
    passwordHashQueue: integer('PASSWORD_HASH_QUEUE', defaultConfig.passwordHashQueue, 0, 10_000),
    maxCommentsPerMinute: integer('MAX_COMMENTS_PER_MINUTE', defaultConfig.maxCommentsPerMinute, 1, 100_000),
    maxRemarksPerHour: integer('MAX_REMARKS_PER_HOUR', defaultConfig.maxRemarksPerHour, 1, 1_000_000),
    maxUpdateBytes: integer('MAX_UPDATE_BYTES', defaultConfig.maxUpdateBytes, 1024, 256 * 1024 * 1024),
    maxDocumentBytes: integer('MAX_DOCUMENT_BYTES', defaultConfig.maxDocumentBytes, 1024, 1024 * 1024 * 1024),
    maxAwarenessBytes: integer('MAX_AWARENESS_BYTES', defaultConfig.maxAwarenessBytes, 256, 16 * 1024 * 1024),
    maxBufferedBytes: integer('MAX_BUFFERED_BYTES', defaultConfig.maxBufferedBytes, 64 * 1024, 1024 * 1024 * 1024),
    slowClientTimeoutMs: integer('SLOW_CLIENT_TIMEOUT_MS', defaultConfig.slowClientTimeoutMs, 100, 600_000),
    maxConnectionsPerUser: integer('MAX_CONNECTIONS_PER_USER', defaultConfig.maxConnectionsPerUser, 1, 1_000_000),
    maxConnectionsPerAddress: integer('MAX_CONNECTIONS_PER_ADDRESS', defaultConfig.maxConnectionsPerAddress, 1, 1_000_000),
    messagesPerSecond: integer('MESSAGES_PER_SECOND', defaultConfig.messagesPerSecond, 1, 1_000_000),
    messageBurst: integer('MESSAGE_BURST', defaultConfig.messageBurst, 1, 10_000_000),
    maxHeldUpdateBytes: defaultConfig.maxHeldUpdateBytes,
    closeHandshakeTimeoutMs: defaultConfig.closeHandshakeTimeoutMs,
    redisUrl,
    instanceId: env.INSTANCE_ID ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
  };
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
