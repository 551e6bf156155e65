import { Pipe, PipeTransform, inject } from '@angular/core';
import { DEFAULT_TIME_ZONE } from '@fazhi/contracts';
import { AuthService } from '../core/auth/auth.service';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** Format an instant as `YYYY-MM-DD HH:mm:ss` in a time zone. */
export function formatInstant(value: string | Date, timeZone: string, withTime = true): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return formatter(timeZone, withTime).format(date);
}

/** Instants shown in the signed-in user's town time zone: `{{ at | fzDateTime }}`. */
@Pipe({ name: 'fzDateTime' })
export class DateTimePipe implements PipeTransform {
  private readonly auth = inject(AuthService);

  transform(value: string | Date | null | undefined, mode: 'datetime' | 'date' = 'datetime'): string {
    if (value === null || value === undefined || value === '') return '—';
    return formatInstant(value, this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE, mode === 'datetime') || '—';
  }
}
