import { Injectable } from '@nestjs/common';
import { PASSWORD_HISTORY_SIZE } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class PasswordHistoryRepository {
  constructor(private readonly ds: DataSource) {}

  /** The account's current hash and its latest earlier ones, PASSWORD_HISTORY_SIZE in all. */
  async recentHashes(userId: string): Promise<string[]> {
    const rows: { hash: string }[] = await this.ds.query(
      `SELECT password_hash AS hash FROM app_user WHERE id = $1
       UNION ALL
       (SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)`,
      [userId, PASSWORD_HISTORY_SIZE],
    );
    return [...new Set(rows.map((r) => r.hash))].slice(0, PASSWORD_HISTORY_SIZE);
  }

  /**
   * Keeps the outgoing password of an account that has no history yet (accounts made before the
   * history, by the seed or from the environment); call it before the new hash is written.
   */
  async keepOutgoing(em: EntityManager, userId: string): Promise<void> {
    await em.query(
      `INSERT INTO password_history (user_id, password_hash, created_at)
       SELECT id, password_hash, password_changed_at FROM app_user
        WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM password_history WHERE user_id = $1)`,
      [userId],
    );
  }

  /** Records the account's new hash and keeps only the latest PASSWORD_HISTORY_SIZE. */
  async add(em: EntityManager, userId: string, hash: string, at: Date): Promise<void> {
    await em.query(`INSERT INTO password_history (user_id, password_hash, created_at) VALUES ($1, $2, $3)`, [userId, hash, at]);
    await em.query(
      `DELETE FROM password_history WHERE user_id = $1 AND id NOT IN
         (SELECT id FROM password_history WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)`,
      [userId, PASSWORD_HISTORY_SIZE],
    );
  }
}
