import { ErrorCode } from '@fazhi/contracts';
import type { Bilingual } from './i18n.service';

/**
 * A message in both languages for every code the API answers, shown when an error body carries
 * a code but no message of its own (the server's message, already in the user's language, wins).
 */
export const ERROR_MESSAGES: Record<ErrorCode, Bilingual> = {
  VALIDATION_FAILED: { zh: '提交的数据有误，请检查标出的字段', en: 'Invalid input; check the marked fields' },
  BAD_REQUEST: { zh: '请求有误', en: 'Bad request' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You do not have permission for this' },
  NOT_FOUND: { zh: '记录不存在', en: 'Record not found' },
  CONFLICT: { zh: '与他人同时进行的操作冲突，请重试', en: 'Conflicted with a change made at the same time; try again' },
  STALE_VERSION: { zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and try again' },
  DUPLICATE: { zh: '数据已存在', en: 'This already exists' },
  PAYLOAD_TOO_LARGE: { zh: '提交的数据或文件过大', en: 'The request or file is too large' },
  INTERNAL: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please try again later' },

  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { zh: '登录已过期，请重新登录', en: 'Your session has ended; please sign in again' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { zh: '账户已被锁定，请稍后再试，或联系安全管理员解锁', en: 'The account is locked; try again later or ask the security administrator' },
  TOO_MANY_FAILURES_FROM_ADDRESS: { zh: '该地址登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins from this address; try again later' },
  ACCOUNT_DISABLED: { zh: '账户已停用，请联系系统管理员', en: 'The account is disabled; ask the system administrator' },
  PASSWORD_CHANGE_REQUIRED: { zh: '请先修改密码', en: 'Change your password first' },
  PASSWORD_POLICY: { zh: '密码不符合安全策略', en: 'The password does not meet the password policy' },
  WRONG_CURRENT_PASSWORD: { zh: '当前密码不正确', en: 'The current password is wrong' },

  SELF_ROLE_CHANGE: { zh: '不能修改自己的角色', en: 'You cannot change your own roles' },
  SELF_DISABLE: { zh: '不能停用自己的账户', en: 'You cannot disable your own account' },
  OUT_OF_SCOPE_UNIT: { zh: '只能管理本单位范围内的组织机构', en: 'You can only manage units within your own unit' },
  ORG_HIERARCHY: { zh: '村(社区)下不能再设下级单位', en: 'A village cannot have child units' },
  ORG_NOT_EMPTY: { zh: '该单位下还有下级单位、用户或角色分配，不能删除', en: 'The unit still has child units, users or role assignments' },
  ROLE_IN_USE: { zh: '该角色仍在使用，不能删除', en: 'The role is in use and cannot be deleted' },
  BUILTIN_ROLE_PROTECTED: { zh: '内置管理角色，不能修改', en: 'Built-in administrative role; cannot be changed' },
  ROLE_DUTY_IN_USE: { zh: '该角色已分配给账户，不能改变职责', en: 'The role is assigned to accounts; its duty cannot change' },

  SEPARATION_OF_DUTIES: {
    zh: '违反三权分立:系统管理、安全管理、安全审计和业务职责不能由同一账户兼任',
    en: 'Separation of duties: one account cannot hold two of the system, security, audit and business duties',
  },
  ADMIN_DUTY_RESERVED: { zh: '由安全管理员管理', en: 'Managed by the security administrator' },
  BUSINESS_DUTY_RESERVED: { zh: '由系统管理员管理', en: 'Managed by the system administrator' },

  RECORD_VOID: { zh: '记录已作废，不能再修改', en: 'The record is void and cannot change' },
  RECORD_CLOSED: { zh: '记录已办结，修改前需重新打开', en: 'The record is closed; reopen it to change it' },
  RECORD_NOT_CLOSED: { zh: '只有已办结的记录才需要重新打开', en: 'Only closed records can be reopened' },
  ILLEGAL_TRANSITION: { zh: '当前状态下不能执行此步骤', en: 'This step is not possible from the current state' },
  DATE_IN_FUTURE: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  DATE_ORDER: { zh: '日期先后顺序不正确', en: 'The dates are in the wrong order' },
  UNSUPPORTED_FILE_TYPE: { zh: '不支持的文件类型', en: 'This file type is not accepted' },
  NOT_MULTIPART: { zh: '请以表单方式上传文件', en: 'Upload the file as a multipart form' },
  UPLOAD_INCOMPLETE: { zh: '上传未完成，请重试', en: 'The upload did not complete; try again' },
  NOT_XLSX: { zh: '请上传 Excel(.xlsx)文件', en: 'Upload an Excel (.xlsx) file' },
  XLSX_DAMAGED: { zh: 'Excel 文件已损坏，无法读取', en: 'The Excel file is damaged and cannot be read' },
  XLSX_EXPANDS_TOO_MUCH: { zh: 'Excel 文件解压后过大', en: 'The Excel file expands to too much data' },
  IMPORT_INVALID: { zh: '导入文件有错误，未导入任何记录', en: 'The file has errors; nothing was imported' },
  TEMPLATE_NOT_DOCX: { zh: '模板须为 Word(.docx)文件', en: 'The template must be a Word (.docx) file' },
  TEMPLATE_PLACEHOLDERS_MISSING: { zh: '模板缺少必需的占位符', en: 'The template lacks required placeholders' },

  CALENDAR_SOURCE_DAY: { zh: '国家法定安排的日期不能删除；如需调整，请修改该日的类型', en: 'A day of the national arrangement cannot be removed; change its kind instead' },
  DEADLINE_DONE: { zh: '该期限已完成，不能再变更', en: 'The deadline is already done and cannot change' },
  DEADLINE_PAUSED: { zh: '该期限已暂停计算', en: 'The deadline is already paused' },
  DEADLINE_NOT_PAUSED: { zh: '该期限未暂停，无需恢复', en: 'The deadline is not paused' },
  CALENDAR_SOURCE_YEAR: { zh: '该年度的节假日安排由国家安排数据提供，不能撤销', en: 'A year of the kept national arrangement cannot be withdrawn' },

  EVIDENCE_REQUIRED: { zh: '请先上传拆解过程或拆解后的照片/视频作为证据', en: 'Upload photos or video of the dismantling first' },
  NOTICE_REQUIRED: { zh: '只有已公告的无主船舶才能认定为无主', en: 'Only vessels with a published notice can be declared unclaimed' },
  NOTICE_PERIOD_RUNNING: { zh: '公告期尚未届满', en: 'The notice period is still running' },
  HANDLER_REQUIRED: { zh: '请先指定持有效执法证的承办人', en: 'Assign a handler with a valid certificate first' },
  CERTIFICATE_INVALID: { zh: '承办人的执法证无效或已过期', en: 'A handler’s certificate is not valid' },
  CERTIFICATE_CANCELLED: { zh: '执法证已注销', en: 'The certificate is cancelled' },
  USE_CAMPAIGN_CLOSE: { zh: '已纳入集中销毁行动的船舶，须在结束该行动时统一登记拆解', en: 'Campaign vessels are dismantled by closing the campaign' },
  CAMPAIGN_NOT_FOUND: { zh: '集中销毁行动不存在', en: 'Campaign not found' },
  CAMPAIGN_CLOSED: { zh: '该集中销毁行动已结束', en: 'The campaign is closed' },
  CAMPAIGN_EMPTY: { zh: '本次行动没有纳入任何船舶', en: 'The campaign has no vessels' },
  CAMPAIGN_NOT_EMPTY: { zh: '请先移出行动中的船舶再作废', en: 'Remove the vessels before voiding the campaign' },
  CAMPAIGN_BLOCKED: { zh: '有船舶不能完成销毁，行动未结束', en: 'Some vessels block the campaign; nothing was changed' },
  CAMPAIGN_VESSELS_BLOCKED: { zh: '部分船舶不能纳入本次集中销毁', en: 'These vessels cannot join the campaign' },

  DISPUTE_WRONG_STATE: { zh: '纠纷当前的状态不允许此操作', en: 'The dispute’s current state does not allow this' },
  PARTIES_REQUIRED: { zh: '受理前请登记至少两方当事人', en: 'Record at least two parties before accepting' },
  PARTY_NOT_FOUND: { zh: '当事人不属于本纠纷', en: 'The party is not a party of the dispute' },
  SESSION_REQUIRED: { zh: '请先记录至少一次调解', en: 'Record at least one mediation session first' },
  FOLLOW_UP_REQUIRED: { zh: '请先记录回访', en: 'Record a follow-up visit first' },
  NO_WRITTEN_AGREEMENT: { zh: '该纠纷没有书面调解协议', en: 'The dispute has no written agreement' },

  ADVISOR_SERVICE_OVERLAP: { zh: '该时段与您已登记的服务重叠', en: 'This time overlaps a service you already logged' },
  ADVISOR_MONTH_CHECKED: { zh: '该村该月已检查确认，修改前需重新打开', en: 'The village’s month is signed off; reopen it to change its entries' },
  ADVISOR_MONTH_NOT_CHECKED: { zh: '该村该月尚未检查确认', en: 'The village’s month is not signed off' },
  ADVISOR_MONTH_NOT_OVER: { zh: '该月尚未结束，不能检查确认', en: 'The month has not ended yet' },
  ADVISOR_NOT_LINKED: { zh: '当前账户未关联法律顾问，请指定法律顾问', en: 'Your account is not linked to an advisor; choose the advisor' },
  ADVISOR_VILLAGE_NOT_SERVED: { zh: '该法律顾问在该日期不服务该村(社区)', en: 'The advisor does not serve this village on that day' },
  ADVISOR_HANDOVER_DONE: { zh: '该咨询已转办', en: 'This consultation was already handed over' },
  ADVISOR_HANDOVER_NOT_ALLOWED: { zh: '只有法律咨询可以转办', en: 'Only consultations can be handed over' },
};

/** The message for a code in a language. */
export function errorCodeMessage(code: ErrorCode, lang: 'zh-CN' | 'en'): string {
  const message = ERROR_MESSAGES[code];
  return lang === 'en' ? message.en : message.zh;
}
