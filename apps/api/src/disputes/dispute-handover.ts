import { Injectable, OnModuleInit } from '@nestjs/common';
import { DISPUTE_CATEGORIES, DisputeCategory } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { Clock } from '../common/clock';
import { HandoverRequest, RecordLinks } from '../ledger-core/links/record-links';
import { PersonalDataService } from '../ledger-core/personal-data/personal-data.service';
import { PARTIES } from './dispute.parts';
import { DisputeRepository, LEDGER } from './dispute.repository';
import { DisputeService } from './dispute.service';

/**
 * The dispute ledger's part in record links: disputes are read with `dispute.read` in the scope,
 * and a matter handed over from another ledger (a consultation handed to mediation) becomes a
 * registered dispute with the person concerned as its applicant.
 */
@Injectable()
export class DisputeHandover implements OnModuleInit {
  constructor(
    private readonly links: RecordLinks,
    private readonly disputes: DisputeService,
    private readonly repo: DisputeRepository,
    private readonly personal: PersonalDataService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.links.register({ ledger: LEDGER, read: 'dispute.read', visible: (p, id) => this.disputes.visible(p, id), handover: (em, p, r) => this.create(em, p, r) });
  }

  private create(em: EntityManager, principal: Principal, r: HandoverRequest): Promise<{ id: string; number: string }> {
    const category: DisputeCategory = DISPUTE_CATEGORIES.includes(r.category as DisputeCategory) ? (r.category as DisputeCategory) : 'other';
    return this.disputes.insertRecord(
      em,
      principal,
      { townId: r.townId, villageId: r.villageId },
      {
        columns: () => ({ occurred_on: r.occurredOn, source: 'application', category, summary: r.summary, place: null, risk_level: 'normal', mediator_ids: [], remark: `由${r.from.number}转来` }),
        then: async (em2, id) => {
          if (!r.person?.name) return;
          await this.repo.insertPart(em2, PARTIES, {
            id: randomUUID(),
            town_id: r.townId,
            dispute_id: id,
            role: 'applicant',
            ...this.personal.columns('name', 'name', r.person.name),
            ...this.personal.columns('id_number', 'idNumber', null),
            ...this.personal.columns('phone', 'phone', r.person.phone),
            ...this.personal.columns('address', 'address', null),
            sort_order: 0,
            created_at: this.clock.now(),
            created_by: principal.user.id,
          });
        },
      },
    );
  }
}
