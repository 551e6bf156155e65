import type { EntityManager } from 'typeorm';

/**
 * What account management needs of the sign-in side, which provides it: the password policy, the
 * password hash and history, and the sessions of an account.
 */
export abstract class AccountCredentials {
  /**
   * Throws a field-level 400 on `path` when the password breaks the policy; for an existing
   * account (`userId`) also when it repeats one of its latest passwords.
   */
  abstract assertPasswordPolicy(username: string, password: string, opts?: { currentPassword?: string; userId?: string; path?: string }): Promise<void>;

  abstract hash(password: string): Promise<string>;

  /** Keeps the outgoing password of an account that has no history yet; call it before the new hash is written. */
  abstract keepOutgoingPassword(em: EntityManager, userId: string): Promise<void>;

  /** Records the account's new hash in its password history. */
  abstract recordPassword(em: EntityManager, userId: string, hash: string, at: Date): Promise<void>;

  /** Ends every live session of the account; answers how many ended. */
  abstract endSessions(em: EntityManager, userId: string, reason: string): Promise<number>;
}
