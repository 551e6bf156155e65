import { availableTransitions, DISPUTE_CLOSED_STATUSES, DISPUTE_COLUMNS, DISPUTE_STATUSES, DISPUTE_TRANSITIONS, DisputeStatus, findTransition, PERMISSION_CODES, SEED_ROLES } from '@fazhi/contracts';
import { addMonths } from '../src/ledger-core/calendar/working-days';

describe('dispute transition table (DOMAIN §3.2)', () => {
  const step = (from: DisputeStatus, to: DisputeStatus) => findTransition(DISPUTE_TRANSITIONS, from, to);

  it('only uses known states and permission codes', () => {
    for (const rule of DISPUTE_TRANSITIONS) {
      expect(DISPUTE_STATUSES).toContain(rule.to);
      for (const from of rule.from) expect(DISPUTE_STATUSES).toContain(from);
      expect(PERMISSION_CODES).toContain(rule.permission);
    }
  });

  it('follows registered → accepted → mediating → agreed → performing → followed_up → archived', () => {
    expect(step('registered', 'accepted')).toMatchObject({ guard: 'partiesRecorded', requires: ['acceptedOn', 'mediatorIds'] });
    expect(step('accepted', 'mediating')).not.toBeNull();
    expect(step('mediating', 'agreed')).toMatchObject({ guard: 'agreementReached', requires: ['agreementForm', 'agreedOn', 'terms', 'performanceManner', 'performanceDeadline'] });
    expect(step('agreed', 'performing')).not.toBeNull();
    expect(step('performing', 'followed_up')).toMatchObject({ guard: 'hasFollowUp', requires: ['performanceStatus'] });
    expect(step('followed_up', 'archived')?.requires).toEqual(['archivedOn']);
  });

  it('lets a party refuse before the outcome (Art 17), and ends the mediation there', () => {
    for (const from of ['registered', 'accepted', 'mediating'] as const) expect(step(from, 'refused')?.requires).toEqual(['refusedOn', 'refusingPartyId', 'refusalReason']);
    for (const from of ['agreed', 'terminated', 'performing'] as const) expect(step(from, 'refused')).toBeNull();
    expect(DISPUTE_TRANSITIONS.filter((r) => r.from.includes('refused')).map((r) => r.to)).toEqual(['archived']);
  });

  it('terminates with the route the parties were told (Art 26) and never performs a terminated mediation', () => {
    expect(step('mediating', 'terminated')?.requires).toEqual(['terminatedOn', 'terminationReason', 'referralRoute']);
    expect(step('terminated', 'performing')).toBeNull();
    expect(step('terminated', 'followed_up')).toBeNull();
    expect(step('terminated', 'agreed')).toBeNull();
    expect(DISPUTE_TRANSITIONS.filter((r) => r.from.includes('terminated')).map((r) => r.to)).toEqual(['archived']);
  });

  it('has no way out of archived but reopen, and no skipping of steps', () => {
    expect(DISPUTE_CLOSED_STATUSES).toEqual(['archived']);
    expect(DISPUTE_TRANSITIONS.some((r) => r.from.includes('archived'))).toBe(false);
    expect(step('registered', 'mediating')).toBeNull();
    expect(step('accepted', 'agreed')).toBeNull();
    expect(step('agreed', 'followed_up')).toBeNull();
  });

  it('reaches every state from registered', () => {
    const reached = new Set<string>(['registered']);
    for (let grew = true; grew;) {
      grew = false;
      for (const r of DISPUTE_TRANSITIONS) if (r.from.some((f) => reached.has(f)) && !reached.has(r.to)) grew = Boolean(reached.add(r.to));
    }
    expect([...reached].sort()).toEqual([...DISPUTE_STATUSES].sort());
  });

  it('offers the steps to mediators, none to leaders', () => {
    const perms = (code: string) => new Set<string>(SEED_ROLES.find((r) => r.code === code)!.permissions);
    expect(
      availableTransitions(DISPUTE_TRANSITIONS, 'mediating', perms('mediator'))
        .map((r) => r.to)
        .sort(),
    ).toEqual(['agreed', 'refused', 'terminated']);
    expect(availableTransitions(DISPUTE_TRANSITIONS, 'mediating', perms('leader'))).toEqual([]);
  });

  it('has a 台账 layout with unique headers and fields', () => {
    expect(new Set(DISPUTE_COLUMNS.map((c) => c.header)).size).toBe(DISPUTE_COLUMNS.length);
    expect(new Set(DISPUTE_COLUMNS.map((c) => c.field)).size).toBe(DISPUTE_COLUMNS.length);
  });

  it('counts a month from acceptance to the same day, or the month end', () => {
    expect(addMonths('2021-05-14', 1)).toBe('2021-06-14');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-12-15', 1)).toBe('2022-01-15');
  });
});
