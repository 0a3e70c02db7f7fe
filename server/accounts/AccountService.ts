import { createHash, randomBytes } from 'node:crypto';
import type { ServiceDatabase } from '../database/ServiceDatabase.js';
import { AppError } from '../errors.js';
import { isUniqueViolation } from '../database/isUniqueViolation.js';
import { newId } from '../newId.js';
import type { PasswordHasher } from './PasswordHasher.js';
import { findPasswordWeakness } from './passwordPolicy.js';
import type { AttemptReservation, AttemptThrottle } from './AttemptThrottle.js';

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface Session {
  token: string;
  user: User;
  expiresAt: number;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
}

export interface AccountServiceOptions {
  database: ServiceDatabase;
  hasher: PasswordHasher;
  /** Failed logins, counted per account-and-address and per address. */
  loginThrottle: AttemptThrottle;
  /**
   * Failed logins one address may make on one account in the login window. Keyed by both, so a
   * guesser is stopped without locking out the owner, who logs in from elsewhere.
   */
  maxLoginFailuresPerAccountAndAddress: number;
  /** Failed logins one address may make on any accounts in the login window. */
  maxLoginFailuresPerAddress: number;
  /** New accounts per address: each costs a scrypt hash. */
  registrationThrottle: AttemptThrottle;
  maxRegistrationsPerAddress: number;
  sessionTtlMs: number;
}

/** What is stored for a session token; also names the session elsewhere (open sockets) without the secret. */
export function sessionKeyOf(token: string): string {
  return hashToken(token);
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Accounts and sessions. Only a hash of each session token is stored. */
export class AccountService {
  constructor(private readonly options: AccountServiceOptions) {}

  async register(input: { email: string; password: string; name: string }, address: string): Promise<Session> {
    const email = input.email.trim().toLowerCase();
    const weakness = findPasswordWeakness(input.password, email);
    if (weakness !== null) {
      throw new AppError(400, 'weakPassword', `Password is too weak (${weakness})`, { reason: weakness });
    }
    // Reserved before the hash, so registrations still in flight count against the limit.
    const reservation = this.reserve(
      this.options.registrationThrottle,
      [{ key: `address:${address}`, limit: this.options.maxRegistrationsPerAddress }],
      'Too many new accounts from this address; try again later',
    );
    try {
      const existing = await this.options.database.get('SELECT id FROM users WHERE lower(email) = ?', [email]);
      if (existing) throw new AppError(409, 'emailTaken', 'An account with this email already exists');
      const user: User = { id: newId(), email, name: input.name.trim() };
      const passwordHash = await this.options.hasher.hash(input.password);
      try {
        await this.options.database.run(
          'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
          [user.id, user.email, user.name, passwordHash, Date.now()],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError(409, 'emailTaken', 'An account with this email already exists');
        throw error;
      }
      reservation.count();
      return await this.createSession(user);
    } finally {
      reservation.cancel();
    }
  }

  async login(input: { email: string; password: string }, address: string): Promise<Session> {
    const email = input.email.trim().toLowerCase();
    const accountAndAddress = `account:${email}|address:${address}`;
    const reservation = this.reserve(
      this.options.loginThrottle,
      [
        { key: accountAndAddress, limit: this.options.maxLoginFailuresPerAccountAndAddress },
        { key: `address:${address}`, limit: this.options.maxLoginFailuresPerAddress },
      ],
      'Too many failed login attempts; try again later',
    );
    try {
      const row = await this.options.database.get<UserRow>(
        'SELECT id, email, name, password_hash FROM users WHERE lower(email) = ?',
        [email],
      );
      const isValid = row
        ? await this.options.hasher.verify(input.password, row.password_hash)
        : await this.options.hasher.verifyUnknownAccount(input.password);
      if (!row || !isValid) {
        reservation.count();
        throw new AppError(401, 'wrongCredentials', 'Wrong email or password');
      }
      this.options.loginThrottle.clear(accountAndAddress);
      return await this.createSession({ id: row.id, email: row.email, name: row.name });
    } finally {
      // Settles nothing when already counted; otherwise (right password, busy hasher, database error) the attempt is free.
      reservation.cancel();
    }
  }

  async logout(token: string): Promise<void> {
    await this.options.database.run('DELETE FROM sessions WHERE token_hash = ?', [hashToken(token)]);
  }

  /** The session's user, or null for a missing, unknown or expired token. */
  async userForSession(token: string | undefined): Promise<User | null> {
    if (!token) return null;
    const row = await this.options.database.get<{ id: string; email: string; name: string; expires_at: number }>(
      `SELECT users.id, users.email, users.name, sessions.expires_at
       FROM sessions JOIN users ON users.id = sessions.user_id
       WHERE sessions.token_hash = ?`,
      [hashToken(token)],
    );
    if (!row || row.expires_at <= Date.now()) return null;
    return { id: row.id, email: row.email, name: row.name };
  }

  async findUser(userId: string): Promise<User | null> {
    const row = await this.options.database.get<User>('SELECT id, email, name FROM users WHERE id = ?', [userId]);
    return row ?? null;
  }

  private reserve(throttle: AttemptThrottle, limits: Parameters<AttemptThrottle['tryReserve']>[0], message: string): AttemptReservation {
    const result = throttle.tryReserve(limits);
    if (!result.isReserved) {
      throw new AppError(429, 'tooManyAttempts', message, { retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) });
    }
    return result.reservation;
  }

  private async createSession(user: User): Promise<Session> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = now + this.options.sessionTtlMs;
    await this.options.database.run(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      [hashToken(token), user.id, now, expiresAt],
    );
    await this.options.database.run('DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?', [user.id, now]);
    return { token, user, expiresAt };
  }
}
