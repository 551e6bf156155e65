import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppException, BilingualFieldError, invalidFields } from './app-exception';

export const NUL = '\u0000';

export const NUL_MESSAGE = { zh: '不能包含空字符（\\u0000）', en: 'Must not contain the NUL character (\\u0000)' };

/** How a key reads in an error path: NUL spelt out, so the path itself is storable. */
const shown = (key: string) => key.split(NUL).join('\\u0000');

/**
 * The paths (`parties[0].name`, `q`) of every string in `value`, keys included, that holds a
 * NUL character. Walks without recursion, so a deeply nested body cannot exhaust the stack.
 */
export function nulPaths(value: unknown, root = ''): string[] {
  const found: string[] = [];
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length > 0) {
    const [current, path] = pending.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (current.includes(NUL)) found.push(path);
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push([item, `${path}[${i}]`]));
    } else if (typeof current === 'object' && current !== null && !Buffer.isBuffer(current)) {
      for (const [key, item] of Object.entries(current)) {
        const itemPath = path ? `${path}.${shown(key)}` : shown(key);
        if (key.includes(NUL)) found.push(itemPath);
        else pending.push([item, itemPath]);
      }
    }
  }
  return found.sort();
}

/** 400 `VALIDATION_FAILED` naming each path that holds a NUL. */
export function nulRefused(paths: string[]): AppException {
  return invalidFields(paths.map((path): BilingualFieldError => ({ path, code: 'noNul', message: NUL_MESSAGE })));
}

/**
 * Refuses a NUL character (PostgreSQL cannot store one) in any body, query or path value before
 * anything else reads it: one global pipe for every route, naming the field.
 */
@Injectable()
export class RefuseNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const paths = nulPaths(value, metadata.data ?? '');
    if (paths.length > 0) throw nulRefused(paths.map((path) => path || metadata.type));
    return value;
  }
}
