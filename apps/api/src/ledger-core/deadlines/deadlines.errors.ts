import { DEADLINE_MAX_DAYS, DeadlineErrorCode } from '@fazhi/contracts';
import { AppException, invalidField, notFound } from '../../common/app-exception';

export const deadlineNotFound = () => notFound({ zh: '期限不存在', en: 'Deadline not found' });

export const deadlineDone = () => new AppException(409, DeadlineErrorCode.DEADLINE_DONE, { zh: '该期限已完成，不能再变更', en: 'The deadline is already done and cannot change' });

export const deadlinePaused = () => new AppException(409, DeadlineErrorCode.DEADLINE_PAUSED, { zh: '该期限已暂停计算', en: 'The deadline is already paused' });

export const deadlineNotPaused = () => new AppException(409, DeadlineErrorCode.DEADLINE_NOT_PAUSED, { zh: '该期限未暂停，无需恢复', en: 'The deadline is not paused' });

export const invalidDeadlineDays = (path: string) =>
  invalidField(path, 'deadlineDays', { zh: `天数须为 1 至 ${DEADLINE_MAX_DAYS} 的整数`, en: `Must be a whole number of days from 1 to ${DEADLINE_MAX_DAYS}` });

export const dateBefore = (path: string, other: { zh: string; en: string }) => invalidField(path, 'dateOrder', { zh: `日期不能早于${other.zh}`, en: `Must not be before the ${other.en}` });

export const invalidDeadlineInput = (path: string, message: { zh: string; en: string }) => invalidField(path, 'invalid', message);
