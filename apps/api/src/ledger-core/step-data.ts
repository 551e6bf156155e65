import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { invalidFields } from '../common/app-exception';
import { flattenValidationErrors } from '../common/validation';

/** Validates a transition's `data` against a class (unknown fields refused, paths like `data.dismantledOn`). */
export async function validateStepData<T extends object>(cls: new () => T, data: Record<string, unknown> | undefined): Promise<T> {
  const instance = plainToInstance(cls, data ?? {});
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw invalidFields(flattenValidationErrors(errors, 'data'));
  return instance;
}
