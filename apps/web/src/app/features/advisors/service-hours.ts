import { ADVISOR_CLIENT_TYPES, ADVISOR_EVENT_TYPES, ADVISOR_MAX_ENTRY_HOURS, AdvisorServiceType, AttachmentStage } from '@fazhi/contracts';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(time: string | null | undefined): number | null {
  const m = TIME.exec(time ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The hours from `start` to `end` (HH:mm), as the API counts them: an end at or before the start is on the next day. */
export function serviceHours(start: string | null | undefined, end: string | null | undefined): { hours: number; nextDay: boolean } | null {
  const from = minutes(start);
  const to = minutes(end);
  if (from === null || to === null) return null;
  const nextDay = to <= from;
  return { hours: Math.round((((nextDay ? to + 24 * 60 : to) - from) / 60) * 100) / 100, nextDay };
}

/** Longer than one entry may last. */
export function tooLong(span: { hours: number } | null): boolean {
  return span !== null && span.hours > ADVISOR_MAX_ENTRY_HOURS;
}

/** Whether entries of the type name a client (personal data) or count attendees. */
export const namesClient = (type: AdvisorServiceType | null): boolean => type !== null && ADVISOR_CLIENT_TYPES.includes(type);
export const countsAttendees = (type: AdvisorServiceType | null): boolean => type !== null && ADVISOR_EVENT_TYPES.includes(type);

/** What the evidence stages mean on a service entry. */
export const SERVICE_STAGE_LABELS: Record<AttachmentStage, { zh: string; en: string }> = {
  before: { zh: '服务前', en: 'Before' },
  during: { zh: '服务现场', en: 'On site' },
  after: { zh: '服务后', en: 'After' },
  document: { zh: '文书材料', en: 'Document' },
  other: { zh: '其他', en: 'Other' },
};
