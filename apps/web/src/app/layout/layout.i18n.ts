import { i18nSlice } from '../core/i18n/dictionary';

/** The shell's words: sign-in, menu groups, notifications, result pages. */
export const LAYOUT_I18N = i18nSlice(
  {
    'menu.system': '系统管理',
    'menu.security': '安全管理',

    'shell.language': '切换语言',
    'shell.loggedOut': '已退出登录',
    'shell.logout': '退出登录',
    'shell.toggleMenu': '展开或收起菜单',

    'login.heading': '账号登录',
    'login.username': '用户名',
    'login.password': '密码',
    'login.usernameRequired': '请输入用户名',
    'login.passwordRequired': '请输入密码',
    'login.submit': '登 录',
    'login.failed': '登录失败，请稍后重试',
    'login.retryAfter': '请约 {minutes} 分钟后再试，或联系安全管理员解锁。',
    'login.footer': '仅限授权工作人员使用，所有操作均记录审计日志',

    'result.forbiddenTitle': '无权访问',
    'result.forbidden': '您的角色没有访问此页面的权限。',
    'result.notFoundTitle': '页面不存在',
    'result.notFound': '您访问的页面不存在。',
    'result.backHome': '返回首页',

    'notifications.title': '消息通知',
    'notifications.readAll': '全部已读',
    'notifications.none': '暂无消息',

    'demo.banner': '演示数据：演示账户使用公开密码，切勿用于正式工作',
  },
  {
    'menu.system': 'System',
    'menu.security': 'Security',

    'shell.language': 'Language',
    'shell.loggedOut': 'Signed out',
    'shell.logout': 'Sign out',
    'shell.toggleMenu': 'Show or hide the menu',

    'login.heading': 'Sign in',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.usernameRequired': 'Enter your username',
    'login.passwordRequired': 'Enter your password',
    'login.submit': 'Sign in',
    'login.failed': 'Sign-in failed; please try again later',
    'login.retryAfter': 'Try again in about {minutes} min, or ask a security administrator to unlock the account.',
    'login.footer': 'For authorised staff only; every action is recorded in the audit log',

    'result.forbiddenTitle': 'Access denied',
    'result.forbidden': 'Your roles do not allow this page.',
    'result.notFoundTitle': 'Page not found',
    'result.notFound': 'The page you asked for does not exist.',
    'result.backHome': 'Back to home',

    'notifications.title': 'Notifications',
    'notifications.readAll': 'Mark all read',
    'notifications.none': 'No notifications',

    'demo.banner': 'Demo data: the demo accounts use a published password. Never use this installation for real work.',
  },
);
