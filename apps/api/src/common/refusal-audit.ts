import type { AuditOutcome } from '@fazhi/contracts';

/** A refused or failed request as the audit log keeps it. */
export interface RefusalEntry {
  action: string;
  entity: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  detail: unknown;
}

/**
 * Where the filter records refused and failed requests, each in a transaction of its own (the
 * audit log provides it); it never rejects.
 */
export abstract class RefusalAudit {
  abstract recordOutside(entry: RefusalEntry): Promise<void>;
}
