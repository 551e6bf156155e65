import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, DeadlineErrorCode } from '@fazhi/contracts';
import { AppException, invalidField, notFound } from '../../common/app-exception';

export const calendarDayNotFound = () =>
  notFound({ zh: '该日期没有节假日或调休安排', en: 'This date has no holiday or make-up workday entry' });

export const calendarSourceDay = () =>
  new AppException(409, DeadlineErrorCode.CALENDAR_SOURCE_DAY, {
    zh: '国家法定安排的日期不能删除；如需调整，请修改该日的类型',
    en: 'A day of the national arrangement cannot be removed; change its kind instead',
  });

export const invalidPlainDate = (path: string) =>
  invalidField(path, 'isPlainDate', { zh: '日期格式应为 YYYY-MM-DD', en: 'Must be a date as YYYY-MM-DD' });

export const dateOutOfCalendar = (path: string) =>
  invalidField(path, 'calendarRange', {
    zh: `日期须在 ${CALENDAR_MIN_YEAR} 年至 ${CALENDAR_MAX_YEAR} 年之间`,
    en: `Must be a date from ${CALENDAR_MIN_YEAR} to ${CALENDAR_MAX_YEAR}`,
  });
