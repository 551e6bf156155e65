import { DISPUTE_TRANSITIONS, DisputeDetailDto, PeaceOfficerDto } from '@fazhi/contracts';
import { DISPUTE_STEP_FIELD_KEYS, disputeStepInputs } from './dispute-detail.component';

const t = (key: string) => key;
const RECORD = {
  parties: [
    { id: 'p-1', role: 'applicant', name: '黄*生' },
    { id: 'p-2', role: 'respondent', name: '李*明' },
  ],
} as unknown as DisputeDetailDto;
const OFFICERS = [{ id: 'o-1', name: '甄秀英', villageName: '南湾村' }] as PeaceOfficerDto[];

describe('dispute step fields', () => {
  it.each(DISPUTE_TRANSITIONS.filter((r) => r.requires?.length).map((r) => [r.to, [...(r.requires ?? [])]] as const))(
    'asks for %s exactly the fields the step requires, each labelled',
    (_to, requires) => {
      const inputs = disputeStepInputs(requires, RECORD, OFFICERS, t as never);
      expect(inputs.map((i) => i.name)).toEqual(requires);
      for (const name of requires) expect(DISPUTE_STEP_FIELD_KEYS[name]).toBeDefined();
    },
  );

  it('offers the peace officers, the parties and the label maps as choices', () => {
    const inputs = disputeStepInputs(['mediatorIds', 'refusingPartyId', 'referralRoute', 'performanceDeadline', 'terms', 'acceptedOn'], RECORD, OFFICERS, t as never);
    expect(inputs.map((i) => i.kind)).toEqual(['multiple', 'select', 'select', 'date', 'textarea', 'date']);
    expect(inputs[0].options).toEqual([{ value: 'o-1', label: '甄秀英 · 南湾村' }]);
    expect(inputs[1].options?.map((o) => o.value)).toEqual(['p-1', 'p-2']);
    expect(inputs[2].options?.map((o) => o.value)).toEqual(['litigation', 'arbitration', 'administrative', 'other']);
  });
});
