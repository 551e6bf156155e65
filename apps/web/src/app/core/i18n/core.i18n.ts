import { i18nSlice } from './dictionary';

/** The words every page shares: the app's name, common buttons, error and form messages. */
export const CORE_I18N = i18nSlice(
  {
    'app.title': '法治台账',
    'app.subtitle': '乡镇法治工作台账管理系统',

    'common.actions': '操作',
    'common.cancel': '取消',
    'common.delete': '删除',
    'common.edit': '编辑',
    'common.keyword': '关键字',
    'common.ok': '确定',
    'common.refresh': '刷新',
    'common.reset': '重置',
    'common.save': '保存',
    'common.remarkOptional': '备注(选填)',
    'common.search': '查询',
    'common.total': '共 {total} 条',
    'common.version': '版本',
    'common.yes': '是',
    'common.no': '否',

    'error.fieldErrors': '以下字段有误',
    'error.network': '无法连接服务器，请检查网络后重试',
    'error.sessionExpired': '登录已失效，请重新登录',
    'error.status': '请求失败（{status}）',

    'form.invalid': '格式不正确',
    'form.max': '不能大于 {max}',
    'form.maxLength': '最多 {max} 个字符',
    'form.min': '不能小于 {min}',
    'form.minLength': '至少 {min} 个字符',
    'form.pattern': '格式不正确',
    'form.phone': '请输入正确的手机号或固定电话',
    'form.idNumber': '身份证号码无效（18 位，含校验码）',
    'form.required': '必填',
    'form.timeZone': '时区无效，例如 Asia/Shanghai',

    'common.newPassword': '新密码',

    'form.passwordWeak': '密码不符合要求',
  },
  {
    'app.title': 'Fazhi Ledger',
    'app.subtitle': 'Rule-of-law work ledgers for townships',

    'common.actions': 'Actions',
    'common.cancel': 'Cancel',
    'common.delete': 'Delete',
    'common.edit': 'Edit',
    'common.keyword': 'Keyword',
    'common.ok': 'OK',
    'common.refresh': 'Refresh',
    'common.reset': 'Reset',
    'common.save': 'Save',
    'common.remarkOptional': 'Remark (optional)',
    'common.search': 'Search',
    'common.total': '{total} in total',
    'common.version': 'Version',
    'common.yes': 'Yes',
    'common.no': 'No',

    'error.fieldErrors': 'Please correct these fields',
    'error.network': 'Cannot reach the server; check the network and try again',
    'error.sessionExpired': 'Your session has ended; please sign in again',
    'error.status': 'Request failed ({status})',

    'form.invalid': 'Invalid value',
    'form.max': 'At most {max}',
    'form.maxLength': 'At most {max} characters',
    'form.min': 'At least {min}',
    'form.minLength': 'At least {min} characters',
    'form.pattern': 'Invalid format',
    'form.phone': 'Enter a valid mobile or landline number',
    'form.idNumber': 'Invalid ID number (18 characters with check digit)',
    'form.required': 'Required',
    'form.timeZone': 'Unknown time zone, e.g. Asia/Shanghai',

    'common.newPassword': 'New password',

    'form.passwordWeak': 'The password does not meet the rules',
  },
);
