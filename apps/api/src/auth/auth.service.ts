import { Injectable } from '@nestjs/common';
import { AuthErrorCode, ErrorCode, MeDto, SecurityPolicy } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app-exception';
import { Clock } from '../common/clock';
import { requestContext } from '../common/request-context';
import { OrgTreeService } from '../org/org-tree.service';
import { RoleAssignmentsService } from '../org/role-assignments.service';
import { UserEntity } from '../org/user.entity';
import { SessionEntity } from './auth.entities';
import { CredentialsService } from './credentials.service';
import { LockoutRepository } from './lockout.repository';
import { PasswordService } from './password.service';
import { SecurityPolicyService } from './security-policy.service';
import { SessionService } from './session.service';

/** A principal as the sign-in side loads it: with the whole account and session rows. */
export type AccountPrincipal = Principal<UserEntity, SessionEntity>;

export interface SignIn {
  username: string;
  password: string;
  kind: 'cookie' | 'bearer';
}

const invalidCredentials = () => new AppException(401, ErrorCode.INVALID_CREDENTIALS, { zh: '用户名或密码错误', en: 'Wrong username or password' });

function lockedError(code: AuthErrorCode, seconds: number, address: boolean): AppException {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppException(
    429,
    code,
    address
      ? { zh: `该地址登录失败次数过多，请 ${minutes} 分钟后再试`, en: `Too many failed sign-ins from this address; try again in ${minutes} minutes` }
      : { zh: `账户已被锁定，请 ${minutes} 分钟后再试，或联系安全管理员解锁`, en: `The account is locked; try again in ${minutes} minutes or ask the security administrator` },
    undefined,
    { retryAfterSeconds: seconds },
  );
}

export function passwordExpiry(user: UserEntity, policy: SecurityPolicy): Date | null {
  if (user.demo || policy.passwordMaxAgeDays <= 0) return null;
  return new Date(user.passwordChangedAt.getTime() + policy.passwordMaxAgeDays * 86_400_000);
}

@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly lockout: LockoutRepository,
    private readonly policies: SecurityPolicyService,
    private readonly audit: AuditService,
    private readonly assignments: RoleAssignmentsService,
    private readonly tree: OrgTreeService,
    private readonly credentials: CredentialsService,
  ) {}

  async signIn(input: SignIn): Promise<{ token: string; session: SessionEntity; user: UserEntity }> {
    const username = input.username.trim().toLowerCase();
    const ctx = requestContext.get();
    const address = ctx?.address ?? null;
    const userAgent = ctx?.userAgent?.slice(0, 300) ?? null;
    const policy = await this.policies.get();
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - policy.lockoutWindowMinutes * 60_000);
    const attempt = (success: boolean, reason: string, user: UserEntity | null) => ({
      at: this.clock.now(),
      username: username.slice(0, 64),
      userId: user?.id ?? null,
      townId: user?.townId ?? null,
      address,
      userAgent,
      success,
      reason,
    });
    const auditActor = (user: UserEntity | null) => ({ userId: user?.id ?? null, username: username.slice(0, 64), townId: user?.townId ?? null });
    const user = await this.ds.getRepository(UserEntity).findOneBy({ username });

    const recordRefusal = async (em: EntityManager, reason: string, outcome: 'denied' | 'failure') => {
      await this.lockout.recordAttempt(em, attempt(false, reason, user));
      await this.audit.record(em, { action: 'auth.login', entity: 'user', entityId: user?.id ?? null, outcome, actor: auditActor(user), detail: { reason, kind: input.kind } });
    };
    const refuse = async (reason: string, error: AppException, outcome: 'denied' | 'failure') => {
      await this.ds.transaction((em) => recordRefusal(em, reason, outcome));
      return error;
    };

    if (address) {
      const fromAddress = await this.lockout.addressFailuresSince(address, windowStart);
      if (fromAddress.count >= policy.addressFailureLimit) {
        const until = (fromAddress.oldest?.getTime() ?? now.getTime()) + policy.lockoutWindowMinutes * 60_000;
        throw await refuse('address_limited', lockedError(ErrorCode.TOO_MANY_FAILURES_FROM_ADDRESS, Math.ceil((until - now.getTime()) / 1000), true), 'denied');
      }
    }
    const lockedRefusal = (until: Date, at: Date) => lockedError(ErrorCode.ACCOUNT_LOCKED, Math.ceil((until.getTime() - at.getTime()) / 1000), false);
    const early = await this.lockout.lockOf(username);
    if (early && early.lockedUntil.getTime() > now.getTime()) throw await refuse('locked', lockedRefusal(early.lockedUntil, now), 'denied');

    const ok = await this.passwords.verify(user?.passwordHash ?? null, input.password);
    if (ok && (!user || user.status !== 'active')) {
      throw await refuse('disabled', new AppException(403, ErrorCode.ACCOUNT_DISABLED, { zh: '账户已停用，请联系系统管理员', en: 'The account is disabled; ask the system administrator' }), 'denied');
    }
    // One attempt of a username at a time from here on: an attempt that passed the check above
    // while others were failing sees the lock they set, and the failures are counted exactly.
    const outcome = await this.ds.transaction(async (em): Promise<{ refused: AppException } | { signedIn: { token: string; session: SessionEntity; user: UserEntity } }> => {
      await this.lockout.serialise(em, username);
      const at = this.clock.now();
      const lock = await this.lockout.lockOf(username, em);
      if (lock && lock.lockedUntil.getTime() > at.getTime()) {
        await recordRefusal(em, 'locked', 'denied');
        return { refused: lockedRefusal(lock.lockedUntil, at) };
      }
      if (!ok || !user) {
        await recordRefusal(em, user ? 'wrong_password' : 'unknown_user', 'failure');
        const floors = [windowStart.getTime(), lock?.clearedAt?.getTime() ?? 0, lock?.lockedUntil.getTime() ?? 0];
        const failures = await this.lockout.failuresSince(em, username, new Date(Math.max(...floors)));
        if (failures >= policy.lockoutThreshold) {
          await this.lockout.lock(em, username, at, new Date(at.getTime() + policy.lockoutDurationMinutes * 60_000));
          await this.audit.record(em, {
            action: 'auth.lock',
            entity: 'user',
            entityId: user?.id ?? null,
            outcome: 'success',
            actor: auditActor(user),
            detail: { failures, minutes: policy.lockoutDurationMinutes },
          });
        }
        return { refused: invalidCredentials() };
      }
      await this.lockout.recordAttempt(em, attempt(true, 'ok', user));
      if (lock) await this.lockout.clear(em, username, at, null);
      await em.update(UserEntity, { id: user.id }, { lastLoginAt: at });
      const { token, session } = await this.sessions.create(em, {
        userId: user.id,
        kind: input.kind,
        absoluteHours: policy.absoluteTimeoutHours,
        address,
        userAgent,
      });
      await this.audit.record(em, { action: 'auth.login', entity: 'user', entityId: user.id, actor: auditActor(user), detail: { kind: input.kind, sessionId: session.id } });
      return { signedIn: { token, session, user } };
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.signedIn;
  }

  async signOut(principal: AccountPrincipal): Promise<void> {
    await this.ds.transaction(async (em) => {
      await this.sessions.revoke(principal.session.id, 'logout', em);
      await this.audit.record(em, { action: 'auth.logout', entity: 'user', entityId: principal.user.id, detail: { sessionId: principal.session.id } });
    });
  }

  async changePassword(principal: AccountPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    const user = principal.user;
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      const error = new AppException(400, ErrorCode.WRONG_CURRENT_PASSWORD, { zh: '当前密码不正确', en: 'The current password is wrong' }, [
        { path: 'currentPassword', code: 'wrong', message: { zh: '当前密码不正确', en: 'The current password is wrong' } },
      ]);
      throw error;
    }
    await this.credentials.assertPasswordPolicy(user.username, newPassword, { currentPassword, userId: user.id });
    const hash = await this.credentials.hash(newPassword);
    await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      await this.credentials.keepOutgoingPassword(em, user.id);
      await em.query(
        `UPDATE app_user SET password_hash = $1, password_changed_at = $2, must_change_password = false,
                updated_at = $2, updated_by = $3, version = version + 1 WHERE id = $3`,
        [hash, now, user.id],
      );
      await this.credentials.recordPassword(em, user.id, hash, now);
      const ended = await this.credentials.endSessions(em, user.id, 'password_changed');
      await this.audit.record(em, { action: 'auth.password.change', entity: 'user', entityId: user.id, townId: user.townId, detail: { sessionsEnded: ended } });
    });
  }

  async me(principal: AccountPrincipal): Promise<MeDto> {
    const byId = await this.tree.byId();
    const user = principal.user;
    const unit = byId.get(user.orgUnitId);
    const town = user.townId ? byId.get(user.townId) : undefined;
    const nameOf = (id: string) => byId.get(id);
    const towns = [...principal.scope.townIds, ...principal.scope.ownTownIds]
      .map(nameOf)
      .filter((u): u is NonNullable<typeof u> => !!u)
      .map((u) => ({ id: u.id, name: u.name, level: u.level }));
    const explicitVillages = principal.scope.villageIds.map(nameOf);
    const villagesOfTowns = [...byId.values()]
      .sort((a, b) => (a.townId ?? '').localeCompare(b.townId ?? '') || a.sortOrder - b.sortOrder)
      .filter((u) => u.level === 'village' && u.townId && principal.scope.townIds.includes(u.townId));
    const villages = [...villagesOfTowns, ...explicitVillages].filter((u): u is NonNullable<typeof u> => !!u).map((u) => ({ id: u.id, name: u.name, level: u.level }));
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      orgUnitId: user.orgUnitId,
      orgUnitName: unit?.name ?? '',
      townId: user.townId,
      timeZone: town?.timeZone ?? unit?.timeZone ?? 'Asia/Shanghai',
      roles: principal.assignments.map((a) => ({
        code: a.roleCode,
        name: a.roleName,
        nameEn: a.roleNameEn,
        scope: a.scope,
        orgUnitName: byId.get(a.orgUnitId)?.name ?? '',
      })),
      permissions: [...principal.permissions].sort() as MeDto['permissions'],
      scope: { towns, villages, ownOnly: principal.scope.townIds.length === 0 && principal.scope.villageIds.length === 0 && principal.scope.ownTownIds.length > 0 },
      mustChangePassword: principal.mustChangePassword,
      passwordExpiresAt: principal.passwordExpiresAt?.toISOString() ?? null,
      sessionExpiresAt: principal.session.expiresAt.toISOString(),
    };
  }

  /**
   * Resolves the principal behind a session token for the guard: session, user and role
   * assignments in one statement, the org tree and the policy from memory, and the activity write
   * at most once a minute.
   */
  async principalFor(token: string): Promise<AccountPrincipal | { error: 'expired' | 'invalid' }> {
    const policy = await this.policies.get();
    const found = await this.sessions.find(token, policy.idleTimeoutMinutes);
    if (!('session' in found)) return { error: found.expired ? 'expired' : 'invalid' };
    const user = found.user;
    if (!user || user.status !== 'active') return { error: 'expired' };
    await this.sessions.touch(found.session);
    const assignments = found.assignments;
    const { permissions, scope } = await this.assignments.resolve(user.id, assignments);
    const expiresAt = passwordExpiry(user, policy);
    return {
      user,
      session: found.session,
      assignments,
      permissions,
      scope,
      mustChangePassword: user.mustChangePassword || (expiresAt !== null && expiresAt.getTime() <= this.clock.now().getTime()),
      passwordExpiresAt: expiresAt,
    };
  }
}
