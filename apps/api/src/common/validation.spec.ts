import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, validate, ValidateNested } from 'class-validator';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppException, invalidFields } from './app-exception';
import { compiledCheckOf, createValidationPipe, flattenValidationErrors } from './validation';

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

describe('the compiled check', () => {
  const stock = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors: ValidationError[]) => invalidFields(flattenValidationErrors(errors)),
  });
  const outcome = async (p: ValidationPipe, value: unknown, metatype: new () => object): Promise<string> => {
    try {
      const result = (await p.transform(structuredClone(value), { type: 'query', metatype, data: undefined })) as object;
      return `ok ${result.constructor.name} ${JSON.stringify(result)}`;
    } catch (e) {
      return `refused ${JSON.stringify((e as AppException).getResponse())}`;
    }
  };
  /** Every exported class with validation rules in the API's DTO files: query DTOs and bodies alike. */
  const classes = async (): Promise<(new () => object)[]> => {
    const root = join(__dirname, '..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /(\.dto|town-query|pagination|version|template-routes)\.ts$/.test(f));
    const found = new Set<new () => object>();
    for (const file of files)
      for (const exported of Object.values((await import(join(root, file))) as Record<string, unknown>))
        if (typeof exported === 'function' && getMetadataStorage().getTargetValidationMetadatas(exported, undefined as unknown as string, false, false, undefined).length > 0)
          found.add(exported as new () => object);
    return [...found];
  };
  const uuid = '0f3c1e2a-5b6d-4c7e-8f90-a1b2c3d4e5f6';
  const VALUES: unknown[] = [
    undefined,
    null,
    '',
    ' ',
    'x',
    '1',
    '0',
    '-1',
    '20',
    '2000',
    '2100',
    '100001',
    '1.5',
    'true',
    'false',
    'asc',
    'number',
    'dismantled,verified',
    'pending,nope',
    uuid,
    `${uuid},${uuid}`,
    'not-a-uuid',
    '2020-02-29',
    '2021-02-29',
    '2021-05',
    '2021-13',
    '2021-05-16T08:00:00Z',
    'a'.repeat(300),
    ['a', 'b'],
    [uuid],
    [],
    { a: '1' },
    1,
    2020,
    1.5,
    true,
    0,
  ];

  it('gives the same answer as class-validator on a table of inputs for every DTO class', async () => {
    const list = await classes();
    expect(list.length).toBeGreaterThan(40);
    let compared = 0;
    let passedCompiled = 0;
    for (const metatype of list) {
      const properties = Object.keys(getMetadataStorage().groupByPropertyName(getMetadataStorage().getTargetValidationMetadatas(metatype, undefined as unknown as string, false, false, undefined)));
      const inputs: Record<string, unknown>[] = [{}, { unknownField: '1' }];
      for (const property of properties) for (const value of VALUES) inputs.push({ [property]: value });
      inputs.push(Object.fromEntries(properties.map((property) => [property, uuid])));
      for (const input of inputs) {
        const expected = await outcome(stock, input, metatype);
        expect({ metatype: metatype.name, input, got: await outcome(pipe, input, metatype) }).toEqual({ metatype: metatype.name, input, got: expected });
        compared++;
        if (expected.startsWith('ok')) {
          const instance = plainToInstance(metatype, structuredClone(input));
          if (compiledCheckOf(instance)?.(instance)) passedCompiled++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(passedCompiled).toBeGreaterThan(1_000);
  });

  it('leaves nested rules to class-validator', () => {
    class Inner {
      @IsInt() n!: number;
    }
    class Outer {
      @ValidateNested() @Type(() => Inner) inner!: Inner;
    }
    expect(compiledCheckOf(plainToInstance(Outer, { inner: { n: 1 } }))).toBeUndefined();
    expect(compiledCheckOf({ n: 1 })).toBeDefined();
    expect(compiledCheckOf(Object.assign(Object.create(null) as object, { n: 1 }))).toBeUndefined();
  });

  it('passes a valid instance and refuses a wrong type or an unknown field', async () => {
    const instance = plainToInstance(Probe, { n: 1 });
    const check = compiledCheckOf(instance);
    expect(check?.(instance)).toBe(true);
    expect(check?.(plainToInstance(Probe, { n: '1' }))).toBe(false);
    expect(check?.(plainToInstance(Probe, { n: 1, extra: 1 }))).toBe(false);
    expect(await validate(instance)).toEqual([]);
  });
});

describe('the field errors of a value left out', () => {
  class Named {
    @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  }

  it('says only that a required field must be given when it is missing or null, and every failed rule otherwise', async () => {
    for (const body of [{}, { name: null }]) {
      const errors = flattenValidationErrors(await validate(plainToInstance(Named, body)));
      expect(errors).toEqual([{ path: 'name', code: 'isNotEmpty', message: { zh: '不能为空', en: 'Must not be empty' } }]);
    }
    const wrong = flattenValidationErrors(await validate(plainToInstance(Named, { name: 7 })));
    expect(wrong.map((e) => e.code).sort()).toEqual(['isString', 'maxLength']);
  });
});
