import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, DeadlineErrorCode } from '@fazhi/contracts';
import { AppException, invalidField, notFound } from '../../common/app-exception';

export const calendarDayNotFound = () => notFound({ zh: '该日期没有节假日或调休安排', en: 'This date has no holiday or make-up workday entry' });

export const calendarSourceDay = () =>
  new AppException(409, DeadlineErrorCode.CALENDAR_SOURCE_DAY, {
    zh: '国家法定安排的日期不能删除；如需调整，请修改该日的类型',
    en: 'A day of the national arrangement cannot be removed; change its kind instead',
  });

export const invalidPlainDate = (path: string) => invalidField(path, 'isPlainDate', { zh: '日期格式应为 YYYY-MM-DD', en: 'Must be a date as YYYY-MM-DD' });

export const dateOutOfCalendar = (path: string) =>
  invalidField(path, 'calendarRange', {
    zh: `日期须在 ${CALENDAR_MIN_YEAR} 年至 ${CALENDAR_MAX_YEAR} 年之间`,
    en: `Must be a date from ${CALENDAR_MIN_YEAR} to ${CALENDAR_MAX_YEAR}`,
  });

export const yearOutOfCalendar = (path: string) =>
  invalidField(path, 'calendarRange', {
    zh: `年度须为 ${CALENDAR_MIN_YEAR} 至 ${CALENDAR_MAX_YEAR} 之间的四位数字`,
    en: `Must be a year from ${CALENDAR_MIN_YEAR} to ${CALENDAR_MAX_YEAR}`,
  });

export const calendarYearNotEntered = () => notFound({ zh: '该年度的节假日安排尚未确认录入', en: 'This year is not declared entered' });

export const calendarSourceYear = () =>
  new AppException(409, DeadlineErrorCode.CALENDAR_SOURCE_YEAR, {
    zh: '该年度的节假日安排由国家安排数据提供，不能撤销',
    en: 'A year of the kept national arrangement cannot be withdrawn',
  });

export const calendarYearWithoutHolidays = (year: number) =>
  invalidField('year', 'calendarYearEmpty', {
    zh: `${year} 年还没有录入任何放假日期，请先逐日录入国务院办公厅公布的安排`,
    en: `No holiday of ${year} is entered yet: enter the published arrangement day by day first`,
  });
