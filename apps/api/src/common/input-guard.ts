import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppException, BilingualFieldError, invalidFields } from './app-exception';

export const NUL = '\u0000';

/** How deep arrays and objects may nest in a body or query: far beyond any form, well within the stack. */
export const MAX_INPUT_DEPTH = 32;

const NUL_MESSAGE = { zh: '不能包含空字符（\\u0000）', en: 'Must not contain the NUL character (\\u0000)' };
const DEPTH_MESSAGE = { zh: `嵌套层级过深（最多 ${MAX_INPUT_DEPTH} 层）`, en: `Nested too deeply (${MAX_INPUT_DEPTH} levels at most)` };

/** How a key reads in an error path: NUL spelt out, so the path itself is storable. */
const shown = (key: string) => key.split(NUL).join('\\u0000');

/**
 * What no field may hold, found anywhere in `value` with its path (`parties[0].name`, `q`): a NUL
 * character in a string or a key (PostgreSQL cannot store one), and nesting deeper than
 * MAX_INPUT_DEPTH. Walks without recursion, so a deeply nested body cannot exhaust the stack.
 */
export function inputProblems(value: unknown, root = ''): BilingualFieldError[] {
  const found: BilingualFieldError[] = [];
  const pending: [unknown, string, number][] = [[value, root, 0]];
  while (pending.length > 0) {
    const [current, path, depth] = pending.pop() as [unknown, string, number];
    if (typeof current === 'string') {
      if (current.includes(NUL)) found.push({ path, code: 'noNul', message: NUL_MESSAGE });
      continue;
    }
    if (typeof current !== 'object' || current === null || Buffer.isBuffer(current)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      found.push({ path, code: 'tooDeep', message: DEPTH_MESSAGE });
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((item, i) => [`${path}[${i}]`, item])
      : Object.entries(current).map(([key, item]) => [path ? `${path}.${shown(key)}` : shown(key), key.includes(NUL) ? NUL : item]);
    for (const [itemPath, item] of entries) pending.push([item, itemPath, depth + 1]);
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** 400 `VALIDATION_FAILED` naming each problem's path, or null when there is none. */
export function inputRefusal(problems: BilingualFieldError[]): AppException | null {
  return problems.length > 0 ? invalidFields(problems) : null;
}

/**
 * Refuses a NUL character or an absurdly deep nesting in any body, query or path value before
 * anything else reads it: one global pipe for every route, naming the field.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const refusal = inputRefusal(inputProblems(value, metadata.data ?? '').map((p) => ({ ...p, path: p.path || metadata.type })));
    if (refusal) throw refusal;
    return value;
  }
}
