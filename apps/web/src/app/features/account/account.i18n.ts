import { i18nSlice } from '../../core/i18n/dictionary';

/** The personal centre's words. */
export const ACCOUNT_I18N = i18nSlice(
  {
    'menu.account': '个人中心',
    'menu.password': '修改密码',

    'password.title': '修改密码',
    'password.subtitle': '修改后所有会话将退出，需要重新登录',
    'password.mustChange': '首次登录或密码已被重置，请先修改密码后再使用系统。',
    'password.current': '当前密码',
    'password.confirm': '确认新密码',
    'password.rules': '至少 {min} 个字符，含小写字母、大写字母、数字、符号中的至少三类，不得包含用户名，不得使用常见密码或最近 5 次用过的密码',
    'password.mismatch': '两次输入的密码不一致',
    'password.submit': '确认修改',
    'password.changed': '密码已修改，请使用新密码重新登录',
  },
  {
    'menu.account': 'My account',
    'menu.password': 'Change password',

    'password.title': 'Change password',
    'password.subtitle': 'Every session ends afterwards; sign in again',
    'password.mustChange': 'This is a first sign-in or the password was reset: change it before going on.',
    'password.current': 'Current password',
    'password.confirm': 'Confirm new password',
    'password.rules': 'At least {min} characters mixing three of lower-case, upper-case, digits and symbols, not containing the username, not a common password nor one of the last 5',
    'password.mismatch': 'The passwords do not match',
    'password.submit': 'Change password',
    'password.changed': 'Password changed; sign in with the new one',
  },
);
