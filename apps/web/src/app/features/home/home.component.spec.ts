import { ChangeDetectionStrategy, Component } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PermissionCode } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { HOME_CARDS, HomeCard } from '../../core/features/feature';
import { APP_ICONS } from '../../registry';
import { HomeComponent } from './home.component';

@Component({ selector: 'fz-test-card', changeDetection: ChangeDetectionStrategy.OnPush, template: '<p data-test="test-card">卡片</p>' })
class TestCardComponent {}

async function render(permissions: readonly PermissionCode[], cards?: readonly HomeCard[]): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNzIcons(APP_ICONS),
      ...(cards ? [{ provide: HOME_CARDS, useValue: cards }] : []),
    ],
  });
  TestBed.inject(AuthService).set(testMe(permissions));
  const fixture = TestBed.createComponent(HomeComponent);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('the home page', () => {
  it('shows a feature’s card to a holder of its permission, loading it only then', async () => {
    const load = jest.fn(() => Promise.resolve(TestCardComponent));
    const card: HomeCard = { key: 'test', permissions: ['dispute.read'], load };

    const without = await render(['user.read'], [card]);
    expect(without.querySelector('[data-test="test-card"]')).toBeNull();
    expect(load).not.toHaveBeenCalled();

    TestBed.resetTestingModule();
    const holder = await render(['dispute.read'], [card]);
    expect(holder.querySelector('.fz-home-deadlines [data-test="test-card"]')?.textContent).toBe('卡片');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('puts the dispute warnings the disputes feature declares under a leader’s deadlines', async () => {
    const el = await render(['dispute.read']);
    expect(el.querySelector('[data-test="dispute-warnings"]')).not.toBeNull();
    expect(el.querySelector('fz-my-deadlines ~ .fz-home-deadlines [data-test="dispute-warnings"]')).not.toBeNull();
    TestBed.inject(HttpTestingController).match(() => true);
  });

  it('leaves them out for whoever may not read disputes', async () => {
    const el = await render(['user.read']);
    expect(el.querySelector('[data-test="my-deadlines"]')).not.toBeNull();
    expect(el.querySelector('[data-test="dispute-warnings"]')).toBeNull();
  });
});
