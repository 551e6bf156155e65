import { Injectable } from '@nestjs/common';
import { RegisterRepository, RegisterTable } from '../../ledger-core/kit/register-repository';
import { PeaceOfficerListQuery } from './peace-officer.dto';
import { PeaceOfficerEntity } from './peace-officer.entity';

export interface PeaceOfficerRow extends PeaceOfficerEntity {
  townName: string;
  timeZone: string;
  villageName: string | null;
  userName: string | null;
}

export interface PeaceOfficerFilter extends Omit<PeaceOfficerListQuery, 'phone'> {
  phoneIdx?: string | null;
}

/** Whether the row's active period (`active_from` to an open or given `active_to`) meets the span. */
const activeDuring = (from: string, to: string) => `p.active_from <= ${to} AND (p.active_to IS NULL OR p.active_to >= ${from})`;

const OFFICERS: RegisterTable<PeaceOfficerFilter> = {
  ledger: 'peace-officer',
  table: 'peace_officer',
  alias: 'p',
  select: `p.*, t.name AS "townName", t.time_zone AS "timeZone", vil.name AS "villageName", u.display_name AS "userName"`,
  from: `FROM peace_officer p JOIN org_unit t ON t.id = p.town_id LEFT JOIN org_unit vil ON vil.id = p.village_id LEFT JOIN app_user u ON u.id = p.user_id`,
  owners: { owners: ['p.created_by', 'p.user_id'], ownerArrays: [] },
  sorts: { name: 'p.name, p.active_from', village: 'vil.sort_order NULLS LAST, p.name', activeFrom: 'p.active_from DESC, p.name' },
  defaultSort: 'village',
  filters: {
    townId: { eq: 'p.town_id' },
    villageId: { eq: 'p.village_id' },
    activeInYear: (year: number, s) => activeDuring(`make_date(${s.p(year)}::int, 1, 1)`, `make_date(${s.p(year)}::int, 12, 31)`),
    activeOn: (day: string, s) => activeDuring(`${s.p(day)}::date`, `${s.p(day)}::date`),
    q: { contains: ['p.name'] },
    phoneIdx: { blind: 'p.phone_idx' },
    userId: { eq: 'p.user_id' },
  },
};

/** Every query of the peace officer register. */
@Injectable()
export class PeaceOfficerRepository extends RegisterRepository<PeaceOfficerRow, PeaceOfficerFilter> {
  protected readonly spec = OFFICERS;
}
