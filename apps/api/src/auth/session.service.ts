import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Clock } from '../common/clock';
import { ColumnPair, entityColumns, entityOf, selectList } from '../common/entity-columns';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PrincipalAssignment } from '../access/principal';
import { assignmentsOfUser } from '../org/role-assignments.service';
import { UserEntity } from '../org/user.entity';
import { SessionEntity } from './auth.entities';

export const SESSION_COOKIE = 'fz_session';
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

/** Opaque random session ids; only their keyed hash is stored, so a session can be revoked. */
@Injectable()
export class SessionService {
  private statement: { sql: string; session: ColumnPair[]; user: ColumnPair[] } | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  hashToken(token: string): string {
    return createHmac('sha256', this.config.sessionSecret ?? 'unset')
      .update(token)
      .digest('hex');
  }

  async create(
    em: EntityManager,
    input: { userId: string; kind: 'cookie' | 'bearer'; absoluteHours: number; address: string | null; userAgent: string | null },
  ): Promise<{ token: string; session: SessionEntity }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = em.create(SessionEntity, {
      id: randomUUID(),
      tokenHash: this.hashToken(token),
      userId: input.userId,
      kind: input.kind,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + input.absoluteHours * 3_600_000),
      revokedAt: null,
      revokeReason: null,
      address: input.address,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await em.insert(SessionEntity, session);
    return { token, session };
  }

  /**
   * The live session for a token with its user (null when the user row is gone) and the user's role
   * assignments, or why there is none: one statement joining session and user, read without entity
   * hydration.
   */
  async find(token: string, idleMinutes: number): Promise<{ session: SessionEntity; user: UserEntity | null; assignments: PrincipalAssignment[] } | { expired: boolean }> {
    const { sql, session: sessionColumns, user: userColumns } = this.findStatement();
    const [row]: Record<string, unknown>[] = await this.ds.query(sql, [this.hashToken(token)]);
    if (!row) return { expired: false };
    const session = entityOf<SessionEntity>(row, sessionColumns, 's.');
    const now = this.clock.now().getTime();
    if (session.revokedAt) return { expired: true };
    if (session.expiresAt.getTime() <= now) return { expired: true };
    if (session.lastSeenAt.getTime() + idleMinutes * 60_000 <= now) {
      await this.revoke(session.id, 'idle');
      return { expired: true };
    }
    return { session, user: row['u.id'] === null ? null : entityOf<UserEntity>(row, userColumns, 'u.'), assignments: row.assignments as PrincipalAssignment[] };
  }

  private findStatement(): { sql: string; session: ColumnPair[]; user: ColumnPair[] } {
    if (!this.statement) {
      const session = entityColumns(this.ds, SessionEntity);
      const user = entityColumns(this.ds, UserEntity);
      const sql = `SELECT ${selectList('s', session, 's.')}, ${selectList('u', user, 'u.')}, ${assignmentsOfUser('u.id')} AS assignments
                     FROM auth_session s LEFT JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = $1`;
      this.statement = { sql, session, user };
    }
    return this.statement;
  }

  /** Writes last activity at most once a minute. */
  async touch(session: SessionEntity): Promise<void> {
    const now = this.clock.now();
    if (now.getTime() - session.lastSeenAt.getTime() < ACTIVITY_WRITE_INTERVAL_MS) return;
    await this.ds.query(`UPDATE auth_session SET last_seen_at = $1 WHERE id = $2 AND revoked_at IS NULL`, [now, session.id]);
    session.lastSeenAt = now;
  }

  async revoke(sessionId: string, reason: string, em: EntityManager = this.ds.manager): Promise<void> {
    await em.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokeReason: reason });
  }

  async revokeAllOf(userId: string, reason: string, em: EntityManager = this.ds.manager): Promise<number> {
    const result = await em.update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokeReason: reason });
    return result.affected ?? 0;
  }
}
