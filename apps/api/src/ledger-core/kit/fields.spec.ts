import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { Matches, validateSync } from 'class-validator';
import { getMetadataArgsStorage } from 'typeorm';
import { VersionDto } from '../../common/version';
import { LedgerRecordEntity } from '../ledger-record.entity';
import { answerOf, columnOf, columnsOf, entityOf, field, inputOf, personal, RECORD_INPUT } from './fields';

const LABELS = { patrol: { zh: '巡查', en: 'Patrol' }, report: { zh: '举报', en: 'Report' } };
const FIELDS = {
  heldOn: field.date().required(),
  title: field.text(10).required(),
  terms: field.text(20).filled(),
  note: field.text(5),
  source: field.oneOf(LABELS, 16).required(),
  audience: field.int(0, 100).withDefault(0),
  caseNo: field.text(64).column('external_case_no'),
  ...personal('secret'),
};

/** The failed rules of each property (sorted). */
function failures<T extends object>(cls: new () => T, body: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(cls, body) as object, { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, Object.keys(e.constraints ?? {}).sort()]));
}

describe('the field kit', () => {
  const Create = inputOf('TestCreate', { ...RECORD_INPUT, ...FIELDS }, ['townId', 'heldOn', 'title', 'terms', 'note', 'source', 'audience', 'caseNo'], { mode: 'create' });
  const Patch = inputOf('TestPatch', FIELDS, ['heldOn', 'title', 'terms', 'note', 'audience'], { mode: 'patch', base: VersionDto });
  const Step = inputOf('TestStep', FIELDS, ['title', 'terms'], { mode: 'step' });

  it('requires on create the fields declared required, and checks each given field by its kind', () => {
    expect(failures(Create, {})).toEqual({ heldOn: ['isCalendarDate'], title: ['isNotEmpty', 'isString', 'maxLength'], source: ['isIn'] });
    expect(failures(Create, { heldOn: '2021-02-30', title: '  ', source: 'boat', audience: 101, note: 'too long', townId: 'x', caseNo: 7 })).toEqual({
      townId: ['isUuid'],
      heldOn: ['isCalendarDate'],
      title: ['isNotEmpty'],
      note: ['maxLength'],
      source: ['isIn'],
      audience: ['max'],
      caseNo: ['isString', 'maxLength'],
    });
    expect(failures(Create, { heldOn: '2021-02-28', title: ' 普法 ', source: 'patrol' })).toEqual({});
    expect(plainToInstance(Create, { title: ' 普法 ' }).title).toBe('普法');
  });

  it('refuses a field the input does not have', () => {
    expect(failures(Create, { heldOn: '2021-02-28', title: 'a', source: 'patrol', secretEnc: 'x' })).toEqual({ secretEnc: ['whitelistValidation'] });
  });

  it('lets an edit leave any field out, but not give required or filled text empty', () => {
    expect(failures(Patch, {})).toEqual({ version: ['isInt', 'max', 'min'] });
    expect(failures(Patch, { version: 1 })).toEqual({});
    expect(failures(Patch, { version: 1, title: '', terms: '', note: '' })).toEqual({ title: ['isNotEmpty'], terms: ['isNotEmpty'] });
    // A required field's column, and one with a default, is NOT NULL: an edit may leave it out, not clear it.
    expect(failures(Patch, { version: 1, heldOn: null, title: null, terms: null, note: null, audience: null })).toEqual({
      heldOn: ['isCalendarDate'],
      title: ['isNotEmpty', 'isString', 'maxLength'],
      audience: ['isInt', 'max', 'min'],
    });
  });

  it('leaves to the transition table what a step needs', () => {
    expect(failures(Step, {})).toEqual({});
    expect(failures(Step, { title: '', terms: '' })).toEqual({});
    expect(failures(Step, { terms: 'x'.repeat(21) })).toEqual({ terms: ['maxLength'] });
  });

  it('gives the entity one column per field, named in snake case unless told, with its type, length, null and default', () => {
    const Entity = entityOf('test_record', 'TestRecordEntity', LedgerRecordEntity, FIELDS, { indexes: [['ix_test_held', ['townId', 'heldOn']]] });
    const columns = getMetadataArgsStorage().columns.filter((c) => c.target === Entity);
    const byProperty = Object.fromEntries(columns.map((c) => [c.propertyName, { type: c.options.type, ...c.options }]));
    expect(Object.keys(byProperty)).toEqual(Object.keys(FIELDS));
    expect(byProperty['heldOn']).toMatchObject({ type: 'date', name: 'held_on', nullable: false });
    expect(byProperty['title']).toMatchObject({ type: 'varchar', length: 10, nullable: false });
    expect(byProperty['note']).toMatchObject({ type: 'varchar', length: 5, nullable: true });
    expect(byProperty['audience']).toMatchObject({ type: 'int', nullable: false, default: 0 });
    expect(byProperty['caseNo']).toMatchObject({ name: 'external_case_no' });
    expect(byProperty['secretEnc']).toMatchObject({ type: 'text', name: 'secret_enc', nullable: true });
    expect(byProperty['secretIdx']).toMatchObject({ type: 'varchar', name: 'secret_idx', length: 64, nullable: true });
    expect(getMetadataArgsStorage().tables.find((t) => t.target === Entity)?.name).toBe('test_record');
    expect(getMetadataArgsStorage().indices.find((i) => i.target === Entity)).toMatchObject({ name: 'ix_test_held', columns: ['townId', 'heldOn'] });
    expect(Entity.name).toBe('TestRecordEntity');
  });

  it('turns an input into the columns it sets: given fields only, or all of them for a new row', () => {
    expect(columnOf(FIELDS, 'caseNo')).toBe('external_case_no');
    expect(columnsOf(FIELDS, ['title', 'note', 'caseNo'], { title: 'a', note: undefined, caseNo: '' })).toEqual({ title: 'a', external_case_no: '' });
    expect(columnsOf(FIELDS, ['title', 'note', 'caseNo'], { title: 'a', note: null })).toEqual({ title: 'a', note: null });
    expect(columnsOf(FIELDS, ['title', 'note', 'heldOn'], { title: 'a' }, true)).toEqual({ title: 'a', note: null, held_on: null });
  });

  it('checks a time of day and a version, and the extra rules of a field after its own', () => {
    const T = {
      at: field.time().required(),
      version: field.version().required(),
      code: field
        .text(4)
        .required()
        .also(Matches(/^[A-Z]*$/)),
    };
    const Input = inputOf('TestTimed', T, ['at', 'version', 'code'], { mode: 'create' });
    expect(failures(Input, { at: '23:59', version: 0, code: 'AB' })).toEqual({});
    expect(failures(Input, { at: '24:00', version: -1, code: 'ab' })).toEqual({ at: ['matches'], version: ['min'], code: ['matches'] });
    expect(failures(Input, { at: '9:00', version: 1.5, code: '' })).toEqual({ at: ['matches'], version: ['isInt'], code: ['isNotEmpty'] });
    const Entity = entityOf('test_timed', 'TestTimedEntity', LedgerRecordEntity, T);
    const columns = getMetadataArgsStorage().columns.filter((c) => c.target === Entity);
    expect(columns.map((c) => [c.propertyName, c.options.type, c.options.length, c.options.default])).toEqual([
      ['at', 'varchar', 5, undefined],
      ['version', 'int', undefined, 1],
      ['code', 'varchar', 4, undefined],
    ]);
  });

  it('copies a row into an answer in the order of its keys', () => {
    const answer = answerOf<{ a: number; b: string; c: boolean }>()(['c', 'a']);
    expect(Object.keys(answer({ a: 1, b: 'x', c: true }))).toEqual(['c', 'a']);
    expect(answer({ a: 1, b: 'x', c: false })).toEqual({ c: false, a: 1 });
  });
});
