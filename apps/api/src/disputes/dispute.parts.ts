import { DISPUTE_AGREEMENT_STATUSES, DISPUTE_MEDIATION_OPEN_STATUSES, DISPUTE_SESSION_STATUSES } from '@fazhi/contracts';
import { BilingualFieldError, invalidFields } from '../common/app-exception';
import { RecordPart } from '../ledger-core/kit/record-parts';
import { DisputeRow } from './dispute.repository';

export const future = (path: string): BilingualFieldError => ({ path, code: 'future', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } });
export const dateInFuture = (path: string) => invalidFields([future(path)]);
const notInFuture = (body: Record<string, unknown>, _row: DisputeRow, today: string) => {
  if ((body.date as string) > today) throw dateInFuture('date');
};

/** The parties (当事人): their personal data encrypted, blind-indexed and masked; added and removed only while the mediation is open. */
export const PARTIES: RecordPart<DisputeRow> = {
  name: 'party',
  table: 'dispute_party',
  parent: 'dispute_id',
  fields: {
    role: 'role',
    name: { column: 'name', personal: 'name' },
    idNumber: { column: 'id_number', personal: 'idNumber' },
    phone: { column: 'phone', personal: 'phone' },
    address: { column: 'address', personal: 'address' },
  },
  answer: ['id', 'role', 'name', 'idNumber', 'phone', 'address', 'sortOrder'],
  order: 'sort_order, created_at, id',
  position: 'sort_order',
  notFound: { zh: '当事人不存在', en: 'Party not found' },
  add: { states: DISPUTE_MEDIATION_OPEN_STATUSES, wrongState: { zh: '调解结束后不能再增加当事人', en: 'Parties cannot be added once the mediation has ended' } },
  remove: { states: DISPUTE_MEDIATION_OPEN_STATUSES, wrongState: { zh: '调解结束后不能再删除当事人', en: 'Parties cannot be removed once the mediation has ended' } },
  added: (entry) => ({ partyId: entry.id, role: entry.role, name: entry.name }),
};

/** The mediation sessions, recorded between acceptance and the outcome. */
export const SESSIONS: RecordPart<DisputeRow> = {
  name: 'session',
  table: 'dispute_session',
  parent: 'dispute_id',
  fields: { date: 'date', place: 'place', attendees: 'attendees', record: 'record' },
  answer: ['id', 'date', 'place', 'attendees', 'record', 'createdAt'],
  order: 'date, created_at, id',
  notFound: { zh: '调解记录不存在', en: 'Session not found' },
  add: { states: DISPUTE_SESSION_STATUSES, wrongState: { zh: '只有受理后、调解结束前才能记录调解', en: 'Sessions are recorded between acceptance and the outcome' }, check: notInFuture },
  remove: { states: DISPUTE_SESSION_STATUSES, wrongState: { zh: '调解结束后不能删除调解记录', en: 'Sessions cannot be removed once the mediation has ended' } },
  removed: ['id', 'date', 'place'],
};

/** The follow-up visits (回访, Art 31) after an agreement; a visit's performance becomes the dispute's performance status. */
export const FOLLOW_UPS: RecordPart<DisputeRow> = {
  name: 'follow-up',
  table: 'dispute_follow_up',
  parent: 'dispute_id',
  fields: { date: 'date', visitor: 'visitor', performance: 'performance', satisfaction: 'satisfaction', newRisk: { column: 'new_risk', absent: false }, note: 'note' },
  answer: ['id', 'date', 'visitor', 'performance', 'satisfaction', 'newRisk', 'note', 'createdAt'],
  order: 'date, created_at, id',
  notFound: { zh: '回访记录不存在', en: 'Follow-up not found' },
  add: {
    states: DISPUTE_AGREEMENT_STATUSES,
    wrongState: { zh: '只有达成协议后才能回访', en: 'Follow-ups come after an agreement' },
    check: (body, row, today) => {
      notInFuture(body, row, today);
      if (row.agreedOn && (body.date as string) < row.agreedOn)
        throw invalidFields([{ path: 'date', code: 'order', message: { zh: '回访日期不能早于达成协议日期', en: 'Must not be before the agreement' } }]);
    },
    columns: (body) => ({ performance_status: body.performance }),
  },
};
