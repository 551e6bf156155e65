import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { createValidationPipe } from './validation';

class Probe {
  @IsInt() n!: number;
}

const pipe = createValidationPipe();
const check = (value: object, metatype: new () => object) => pipe.transform(value, { type: 'body', metatype, data: undefined });
const paths = async (value: object, metatype: new () => object): Promise<string[]> => {
  try {
    await check(value, metatype);
    return [];
  } catch (e) {
    return (e as { fieldErrors?: { path: string; code: string }[] }).fieldErrors?.map((x) => `${x.path}:${x.code}`) ?? [String(e)];
  }
};

describe('validation with the lookups kept', () => {
  it('answers the same field errors on every call', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await paths({ n: 1 }, Probe)).toEqual([]);
      expect(await paths({ n: 'x' }, Probe)).toEqual(['n:isInt']);
      expect(await paths({ n: 1, extra: true }, Probe)).toEqual(['extra:whitelistValidation']);
    }
  });

  it('applies a rule added after the class was first validated', async () => {
    expect(await paths({ n: 1, label: 'abc' }, Probe)).toEqual(['label:whitelistValidation']);
    IsOptional()(Probe.prototype, 'label');
    IsString()(Probe.prototype, 'label');
    MaxLength(2)(Probe.prototype, 'label');
    expect(await paths({ n: 1, label: 'ab' }, Probe)).toEqual([]);
    expect(await paths({ n: 1, label: 'abc' }, Probe)).toEqual(['label:maxLength']);
  });

  it('keeps each class to its own rules', async () => {
    class Other {
      @IsString() n!: string;
    }
    expect(await paths({ n: 'x' }, Other)).toEqual([]);
    expect(await paths({ n: 'x' }, Probe)).toEqual(['n:isInt']);
  });
});
