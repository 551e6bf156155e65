import { Injectable } from '@nestjs/common';
import { ErrorCode, passwordProblems, PASSWORD_PROBLEM_MESSAGES } from '@fazhi/contracts';
import { EntityManager } from 'typeorm';
import { invalidFields } from '../common/app-exception';
import { AccountCredentials } from '../org/account-credentials';
import { API_COMMON_PASSWORDS } from './common-passwords';
import { PasswordHistoryRepository } from './password-history.repository';
import { PasswordService } from './password.service';
import { SecurityPolicyService } from './security-policy.service';
import { SessionService } from './session.service';

/** An account's password (policy, hash, history) and sessions, for a user's own change and for account management. */
@Injectable()
export class CredentialsService implements AccountCredentials {
  constructor(
    private readonly policies: SecurityPolicyService,
    private readonly passwords: PasswordService,
    private readonly history: PasswordHistoryRepository,
    private readonly sessions: SessionService,
  ) {}

  async assertPasswordPolicy(username: string, password: string, opts: { currentPassword?: string; userId?: string; path?: string } = {}): Promise<void> {
    const policy = await this.policies.get();
    const problems = passwordProblems(password, { username, minLength: policy.passwordMinLength, currentPassword: opts.currentPassword, commonPasswords: API_COMMON_PASSWORDS });
    if (problems.length === 0 && opts.userId) {
      const matches = await Promise.all((await this.history.recentHashes(opts.userId)).map((h) => this.passwords.verify(h, password)));
      if (matches.includes(true)) problems.push('reused');
    }
    if (problems.length === 0) return;
    throw invalidFields(
      problems.map((p) => ({
        path: opts.path ?? 'newPassword',
        code: p,
        message: p === 'too_short' ? { zh: `密码至少 ${policy.passwordMinLength} 个字符`, en: `Password must be at least ${policy.passwordMinLength} characters` } : PASSWORD_PROBLEM_MESSAGES[p],
      })),
      ErrorCode.PASSWORD_POLICY,
    );
  }

  hash(password: string): Promise<string> {
    return this.passwords.hash(password);
  }

  keepOutgoingPassword(em: EntityManager, userId: string): Promise<void> {
    return this.history.keepOutgoing(em, userId);
  }

  recordPassword(em: EntityManager, userId: string, hash: string, at: Date): Promise<void> {
    return this.history.add(em, userId, hash, at);
  }

  endSessions(em: EntityManager, userId: string, reason: string): Promise<number> {
    return this.sessions.revokeAllOf(userId, reason, em);
  }
}
