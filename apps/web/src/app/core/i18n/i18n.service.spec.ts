import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { NzI18nService } from 'ng-zorro-antd/i18n';
import { I18nService, LANG_STORAGE_KEY } from './i18n.service';

describe('I18nService', () => {
  beforeEach(() => localStorage.clear());

  it('speaks Chinese by default and sets the page title', () => {
    const i18n = TestBed.inject(I18nService);
    expect(i18n.lang()).toBe('zh-CN');
    expect(i18n.t('menu.users')).toBe('用户管理');
    expect(TestBed.inject(Title).getTitle()).toBe('法治台账');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(TestBed.inject(NzI18nService).getLocaleId()).toBe('zh-cn');
    expect(i18n.acceptLanguage()).toBe('zh-CN');
  });

  it('switches to English, for ng-zorro too, and remembers the choice', () => {
    const i18n = TestBed.inject(I18nService);
    i18n.use('en');
    expect(i18n.t('menu.users')).toBe('Users');
    expect(i18n.pick({ zh: '本镇', en: 'Whole town' })).toBe('Whole town');
    expect(i18n.name('系统管理员', 'System administrator')).toBe('System administrator');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    expect(TestBed.inject(NzI18nService).getLocaleId()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(TestBed.inject(Title).getTitle()).toBe('Fazhi Ledger');
    expect(i18n.acceptLanguage()).toBe('en');

    i18n.use('zh-CN');
    expect(i18n.t('menu.users')).toBe('用户管理');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('zh-CN');
  });

  it('starts in the language stored before', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    expect(TestBed.inject(I18nService).t('menu.home')).toBe('Home');
  });

  it('fills placeholders', () => {
    const i18n = TestBed.inject(I18nService);
    expect(i18n.t('common.total', { total: 42 })).toBe('共 42 条');
    expect(i18n.t('login.retryAfter', { minutes: 5 })).toContain('5 分钟');
  });
});
