import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockEntity, LoginAttemptEntity } from './auth.entities';

export const FAILURE_REASONS = ['wrong_password', 'unknown_user'];

/** First key of the advisory locks that serialise the sign-in accounting of one username. */
const SIGN_IN_LOCK_SPACE = 0x5349474e;

@Injectable()
export class LockoutRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Holds the username's sign-in lock until the transaction ends: failures are counted, the lock
   * decided and an active lock re-read by one attempt at a time.
   */
  async serialise(em: EntityManager, username: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [SIGN_IN_LOCK_SPACE, username]);
  }

  lockOf(username: string, em: EntityManager = this.ds.manager): Promise<AccountLockEntity | null> {
    return em.findOneBy(AccountLockEntity, { username });
  }

  async recordAttempt(em: EntityManager, attempt: Omit<LoginAttemptEntity, 'id'>): Promise<void> {
    await em.insert(LoginAttemptEntity, attempt);
  }

  async failuresSince(em: EntityManager, username: string, since: Date): Promise<number> {
    const [row] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM login_attempt WHERE username = $1 AND at > $2 AND success = false AND reason = ANY($3)`, [
      username,
      since,
      FAILURE_REASONS,
    ]);
    return row.n;
  }

  async addressFailuresSince(address: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.ds.query<{ n: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempt
        WHERE address = $1 AND at > $2 AND success = false AND reason = ANY($3)`,
      [address, since, FAILURE_REASONS],
    );
    return { count: row.n, oldest: row.oldest ? new Date(row.oldest) : null };
  }

  async lock(em: EntityManager, username: string, at: Date, until: Date): Promise<void> {
    await em.query(
      `INSERT INTO account_lock (username, locked_at, locked_until, cleared_at, cleared_by) VALUES ($1, $2, $3, NULL, NULL)
       ON CONFLICT (username) DO UPDATE SET locked_at = $2, locked_until = $3`,
      [username, at, until],
    );
  }

  /** Failures before `at` stop counting; an active lock ends. */
  async clear(em: EntityManager, username: string, at: Date, by: string | null): Promise<boolean> {
    const result = await em.query<[unknown, number]>(
      `UPDATE account_lock SET cleared_at = $2, cleared_by = $3, locked_until = LEAST(locked_until, $2)
        WHERE username = $1 RETURNING locked_until`,
      [username, at, by],
    );
    return result[1] > 0 || (Array.isArray(result[0]) && result[0].length > 0);
  }

  async activeLocks(now: Date): Promise<{ username: string; lockedUntil: Date; userId: string | null; displayName: string | null; townId: string | null; failures: number }[]> {
    return this.ds.query(
      `SELECT l.username, l.locked_until AS "lockedUntil", u.id AS "userId", u.display_name AS "displayName", u.town_id AS "townId",
              (SELECT count(*)::int FROM login_attempt a WHERE a.username = l.username AND a.success = false
                 AND a.reason = ANY($2) AND a.at > COALESCE(l.cleared_at, '-infinity')
                 AND a.at > l.locked_at - interval '1 day') AS failures
         FROM account_lock l LEFT JOIN app_user u ON u.username = l.username
        WHERE l.locked_until > $1 ORDER BY l.locked_until DESC`,
      [now, FAILURE_REASONS],
    );
  }
}
