import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes, ValidatorConstraintInterface, ValidatorOptions } from 'class-validator';
import { AppException, BilingualFieldError, invalidFields } from './app-exception';

const MESSAGES: Record<string, (c: string) => { zh: string; en: string }> = {
  whitelistValidation: () => ({ zh: '不允许的字段', en: 'This field is not allowed' }),
  isNotEmpty: () => ({ zh: '不能为空', en: 'Must not be empty' }),
  isDefined: () => ({ zh: '必须填写', en: 'Is required' }),
  isString: () => ({ zh: '必须是文本', en: 'Must be text' }),
  isInt: () => ({ zh: '必须是整数', en: 'Must be a whole number' }),
  isBoolean: () => ({ zh: '必须是是/否', en: 'Must be true or false' }),
  isUUID: () => ({ zh: '编号格式不正确', en: 'Must be a valid id' }),
  isIn: () => ({ zh: '不是允许的取值', en: 'Is not one of the allowed values' }),
  isArray: () => ({ zh: '必须是列表', en: 'Must be a list' }),
  isISO8601: () => ({ zh: '日期时间格式不正确', en: 'Must be an ISO 8601 date' }),
  isDateString: () => ({ zh: '日期格式不正确', en: 'Must be a date' }),
  matches: () => ({ zh: '格式不正确', en: 'Has the wrong format' }),
  isCalendarDate: () => ({ zh: '不是存在的日期（格式 YYYY-MM-DD，年份 1900–2100）', en: 'Must be a real date, YYYY-MM-DD, in 1900–2100' }),
  isYearMonth: () => ({ zh: '不是存在的月份（格式 YYYY-MM，年份 1900–2100）', en: 'Must be a real month, YYYY-MM, in 1900–2100' }),
  isInstant: () => ({ zh: '不是存在的日期时间（ISO 8601，年份 1900–2100）', en: 'Must be a real ISO 8601 date-time in 1900–2100' }),
  nestedValidation: () => ({ zh: '格式不正确', en: 'Has the wrong format' }),
};

function bounded(constraint: string, text: string): { zh: string; en: string } | null {
  const n = /(\d+)/.exec(text)?.[1];
  switch (constraint) {
    case 'maxLength':
      return { zh: `长度不能超过 ${n} 个字符`, en: `Must be at most ${n} characters` };
    case 'minLength':
      return { zh: `长度不能少于 ${n} 个字符`, en: `Must be at least ${n} characters` };
    case 'max':
      return { zh: `不能大于 ${n}`, en: `Must not be greater than ${n}` };
    case 'min':
      return { zh: `不能小于 ${n}`, en: `Must not be less than ${n}` };
    case 'arrayMaxSize':
      return { zh: `最多 ${n} 项`, en: `Must have at most ${n} items` };
    case 'arrayMinSize':
      return { zh: `至少 ${n} 项`, en: `Must have at least ${n} items` };
    default:
      return null;
  }
}

const PRESENCE = ['isDefined', 'isNotEmpty'];
/**
 * The failed rules of one field: a field left out or given as null that must be there reports only
 * that it must be (not also that it is not text or too long); any other value reports every rule.
 */
function presenceFirst(error: ValidationError): [string, string][] {
  const failed = Object.entries(error.constraints ?? {});
  if (error.value !== null && error.value !== undefined) return failed;
  const presence = failed.filter(([constraint]) => PRESENCE.includes(constraint));
  return presence.length ? presence.slice(0, 1) : failed;
}

/** Flattens class-validator errors into `{ path, code, message }` with paths like `roles[1].scope`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): BilingualFieldError[] {
  const out: BilingualFieldError[] = [];
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, text] of presenceFirst(error)) {
      const message = bounded(constraint, text) ?? MESSAGES[constraint]?.(text) ?? { zh: text, en: text };
      out.push({ path, code: constraint, message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;
const KEPT = Symbol('fazhi:kept-validation-lookups');

/**
 * class-validator finds a class's rules on every call by filtering all registered rules, then groups
 * them by property again. The rules are fixed once the classes are loaded, so both answers are kept
 * per class and options (and forgotten whenever a rule is added), the same arrays the library would
 * build; it reads them without changing them.
 */
export function keepValidationLookups(storage: Storage = getMetadataStorage()): void {
  const kept = storage as Storage & { [KEPT]?: true };
  if (kept[KEPT]) return;
  kept[KEPT] = true;
  let byTarget = new WeakMap<object, Map<string, Rules>>();
  let grouped = new WeakMap<Rules, ReturnType<Storage['groupByPropertyName']>>();
  const forget = () => {
    byTarget = new WeakMap();
    grouped = new WeakMap();
  };
  const find = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join(',') ?? ''}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map<string, Rules>()));
    let rules = forTarget.get(key);
    if (!rules) forTarget.set(key, (rules = find(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let byProperty = grouped.get(rules);
    if (!byProperty) grouped.set(rules, (byProperty = group(rules)));
    return byProperty;
  };
  storage.addValidationMetadata = (rule) => {
    forget();
    add(rule);
  };
}

type Rule = Rules[number];
interface RuleCheck {
  rule: Rule;
  constraint: ValidatorConstraintInterface;
}
interface PropertyCheck {
  property: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  checks: RuleCheck[];
}
/** True only when class-validator would find no error in the object (whitelist and forbidNonWhitelisted on). */
export type CompiledCheck = (object: object) => boolean;

function passesRule({ rule, constraint }: RuleCheck, object: object, value: unknown): boolean {
  if (rule.validateIf && !rule.validateIf(object, value)) return true;
  const args = { targetName: object.constructor?.name, property: rule.propertyName, object, value, constraints: rule.constraints };
  if (rule.each && (value instanceof Set || value instanceof Map)) return false;
  const results = rule.each && Array.isArray(value) ? value.map((item) => constraint.validate(item, args) as unknown) : [constraint.validate(value, args) as unknown];
  return results.every((result) => Boolean(result) && typeof (result as { then?: unknown }).then !== 'function');
}

/**
 * A class's rules read once into a plan: per property its conditions (`@IsOptional`, `@ValidateIf`)
 * and the library's own constraint instances, in the order class-validator applies them. Null when a
 * rule needs the library itself (nested objects, promises, asynchronous constraints).
 */
function compileRules(storage: Storage, rules: Rules): CompiledCheck | null {
  const properties: PropertyCheck[] = [];
  for (const [property, list] of Object.entries(storage.groupByPropertyName(rules))) {
    const check: PropertyCheck = { property, conditions: [], checks: [] };
    for (const rule of list) {
      if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION) check.conditions.push(rule.constraints[0] as PropertyCheck['conditions'][number]);
      else if (rule.type === ValidationTypes.IS_DEFINED || rule.type === ValidationTypes.CUSTOM_VALIDATION) {
        for (const constraint of storage.getTargetValidatorConstraints(rule.constraintCls)) {
          if (constraint.async) return null;
          check.checks.push({ rule, constraint: constraint.instance });
        }
      } else if (rule.type !== ValidationTypes.WHITELIST) return null;
    }
    properties.push(check);
  }
  const known = new Set(properties.map((p) => p.property));
  return (object) => {
    for (const key of Object.keys(object)) if (!known.has(key)) return false;
    const values = object as Record<string, unknown>;
    for (const { property, conditions, checks } of properties) {
      const value = values[property];
      if (!conditions.every((condition) => condition(object, value))) continue;
      if (!checks.every((check) => passesRule(check, object, value))) return false;
    }
    return true;
  };
}

/**
 * The compiled check of an instance's class, built on first use and again whenever a rule is added
 * (the rules' array changes then); undefined when the object is not a plain instance of a class or a
 * rule needs the library.
 */
export function compiledCheckOf(object: object, storage: Storage = getMetadataStorage()): CompiledCheck | undefined {
  const target = (object as { constructor?: unknown }).constructor;
  if (typeof target !== 'function' || Object.getPrototypeOf(object) !== target.prototype) return undefined;
  const rules = storage.getTargetValidationMetadatas(target, undefined as unknown as string, false, false, undefined);
  if (!compiled.has(rules)) compiled.set(rules, compileRules(storage, rules));
  return compiled.get(rules) ?? undefined;
}
const compiled = new WeakMap<Rules, CompiledCheck | null>();

/**
 * Validates with the compiled check first: an object it passes is one class-validator passes too, so
 * the library runs only for objects with an error (or rules it alone handles), and reports them as
 * always. The check is valid for this pipe's options only.
 */
class CompiledValidationPipe extends ValidationPipe {
  protected override validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    return compiledCheckOf(object)?.(object) ? [] : super.validate(object, validatorOptions);
  }
}

export function createValidationPipe(): ValidationPipe {
  keepValidationLookups();
  return new CompiledValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors: ValidationError[]): AppException => invalidFields(flattenValidationErrors(errors)),
  });
}
