import { availableTransitions, findTransition, formatRecordNumber, parseRecordNumber, PERMISSION_CODES, VESSEL_STATUSES, VESSEL_TRANSITIONS, VESSEL_COLUMNS } from './index';

describe('record numbers', () => {
  it('formats with at least four digits and never truncates', () => {
    expect(formatRecordNumber('广海', '三无', 2021, 1)).toBe('广海三无〔2021〕第0001号');
    expect(formatRecordNumber('广海', '三无', 2021, 12345)).toBe('广海三无〔2021〕第12345号');
  });
  it('parses numbers back, including imported ones with other prefixes', () => {
    expect(parseRecordNumber('广海三无〔2021〕第0102号')).toEqual({ prefix: '广海三无', year: 2021, seq: 102 });
    expect(parseRecordNumber(' 海宴三无〔2020〕第12345号 ')).toEqual({ prefix: '海宴三无', year: 2020, seq: 12345 });
    expect(parseRecordNumber('GH-2021-1')).toBeNull();
  });
});

describe('vessel transition table', () => {
  it('only uses known states and permission codes', () => {
    for (const rule of VESSEL_TRANSITIONS) {
      expect(VESSEL_STATUSES).toContain(rule.to);
      for (const from of rule.from) expect(VESSEL_STATUSES).toContain(from);
      expect(PERMISSION_CODES).toContain(rule.permission);
    }
  });

  it('follows DOMAIN §3.1', () => {
    expect(findTransition(VESSEL_TRANSITIONS, 'registered', 'persuading')).not.toBeNull();
    expect(findTransition(VESSEL_TRANSITIONS, 'owner_committed', 'self_dismantled')?.guard).toBe('dismantlingEvidenceAndCertificate');
    expect(findTransition(VESSEL_TRANSITIONS, 'unclaimed', 'in_campaign')?.requires).toEqual(['campaignId']);
    expect(findTransition(VESSEL_TRANSITIONS, 'in_campaign', 'dismantled')?.guard).toBe('onlyByCampaignClose');
    expect(findTransition(VESSEL_TRANSITIONS, 'dismantled', 'verified')?.requires).toEqual(['verifiedOn', 'verifiedBy']);
    expect(findTransition(VESSEL_TRANSITIONS, 'registered', 'dismantled')).toBeNull();
    expect(findTransition(VESSEL_TRANSITIONS, 'verified', 'persuading')).toBeNull();
    expect(findTransition(VESSEL_TRANSITIONS, 'handed_over', 'persuading')).toBeNull();
  });

  it('every state is reachable from registered and every non-final state has a way out', () => {
    const reached = new Set<string>(['registered']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of VESSEL_TRANSITIONS)
        if (r.from.some((f) => reached.has(f)) && !reached.has(r.to)) {
          reached.add(r.to);
          grew = true;
        }
    }
    expect([...reached].sort()).toEqual([...VESSEL_STATUSES].sort());
    for (const s of VESSEL_STATUSES.filter((x) => !['verified', 'handed_over'].includes(x))) {
      expect(VESSEL_TRANSITIONS.some((r) => r.from.includes(s))).toBe(true);
    }
  });

  it('offers steps by permission', () => {
    const officer = new Set(['vessel.write', 'campaign.manage']);
    expect(
      availableTransitions(VESSEL_TRANSITIONS, 'persuading', officer)
        .map((r) => r.to)
        .sort(),
    ).toEqual(['handed_over', 'in_campaign', 'owner_committed', 'self_dismantled']);
    expect(availableTransitions(VESSEL_TRANSITIONS, 'persuading', new Set(['vessel.read']))).toEqual([]);
  });
});

describe('vessel columns', () => {
  it('have unique headers and fields, and mark the personal data', () => {
    expect(new Set(VESSEL_COLUMNS.map((c) => c.header)).size).toBe(VESSEL_COLUMNS.length);
    expect(new Set(VESSEL_COLUMNS.map((c) => c.field)).size).toBe(VESSEL_COLUMNS.length);
    expect(VESSEL_COLUMNS.filter((c) => c.masked).map((c) => c.field)).toEqual(['ownerName', 'ownerIdNumber', 'ownerPhone']);
  });
});
