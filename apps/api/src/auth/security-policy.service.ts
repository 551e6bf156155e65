import { Injectable } from '@nestjs/common';
import { DEFAULT_SECURITY_POLICY, PASSWORD_MIN_LENGTH_FLOOR, SecurityPolicy, SecurityPolicyDto } from '@fazhi/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { requestContext } from '../common/request-context';
import { SecurityPolicyEntity } from './security-policy.entity';

const ID = 'global';
const TTL_MS = 5_000;

@Injectable()
export class SecurityPolicyService {
  private cache: { at: number; dto: SecurityPolicyDto } | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<SecurityPolicyDto> {
    if (this.cache && Date.now() - this.cache.at < TTL_MS) return this.cache.dto;
    const row = await this.ds.getRepository(SecurityPolicyEntity).findOneBy({ id: ID });
    const stored: SecurityPolicyDto = row
      ? { ...DEFAULT_SECURITY_POLICY, ...row.policy, version: row.version, updatedAt: row.updatedAt?.toISOString() ?? null }
      : { ...DEFAULT_SECURITY_POLICY, version: 0, updatedAt: null };
    // A stored minimum below the MLPS floor (written by hand or by an older version) never applies.
    const dto = { ...stored, passwordMinLength: Math.max(PASSWORD_MIN_LENGTH_FLOOR, stored.passwordMinLength) };
    this.cache = { at: Date.now(), dto };
    return dto;
  }

  async update(version: number, policy: SecurityPolicy): Promise<SecurityPolicyDto> {
    const before = await this.get();
    const actor = requestContext.get()?.actor;
    await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      if (before.version === 0 && version === 0) {
        const inserted = await em.query<{ id: string }[]>(
          `INSERT INTO security_policy (id, policy, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, 1)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [ID, JSON.stringify(policy), now, actor?.userId ?? null],
        );
        if (inserted.length === 0) throw staleVersion();
      } else {
        const [, affected] = await em.query<[unknown, number]>(
          `UPDATE security_policy SET policy = $1, updated_at = $2, updated_by = $3, version = version + 1
            WHERE id = $4 AND version = $5`,
          [JSON.stringify(policy), now, actor?.userId ?? null, ID, version],
        );
        if (affected !== 1) throw staleVersion();
      }
      const { version: _v, updatedAt: _u, ...old } = before;
      await this.audit.record(em, { action: 'security.policy.update', entity: 'security_policy', entityId: ID, townId: null, before: old, after: policy });
    });
    this.cache = null;
    return this.get();
  }
}
