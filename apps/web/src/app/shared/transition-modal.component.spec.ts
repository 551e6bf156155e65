import { stepData } from './transition-modal.component';

describe('step data', () => {
  it('leaves out optional fields left empty and keeps numbers and switches as they are', () => {
    const fields = [{ name: 'court' }, { name: 'caseNo', optional: true }, { name: 'decidedOn', optional: true }, { name: 'days' }, { name: 'newRisk' }, { name: 'note', optional: true }];
    expect(stepData(fields, { court: ' 台山市人民法院 ', caseNo: '  ', decidedOn: null, days: 15, newRisk: false, note: ' 已履行 ' })).toEqual({
      court: '台山市人民法院',
      days: 15,
      newRisk: false,
      note: '已履行',
    });
  });

  it('sends a required field even when empty, for the server to name it', () => {
    expect(stepData([{ name: 'place' }], { place: ' ' })).toEqual({ place: '' });
  });
});
