import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AdvisorMonthCell, AdvisorMonthlyGrid } from '@fazhi/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { testMe } from '../../../testing/me';
import { AuthService } from '../../core/auth/auth.service';
import { APP_ICONS } from '../../registry';
import { AdvisorMonthlyCheckComponent } from './monthly-check.component';

const VILLAGE = '22222222-2222-4222-8222-222222222222';
const cell = (month: string, hours: number, state: AdvisorMonthCell['state'], open: boolean): AdvisorMonthCell => ({
  month,
  hours,
  entries: hours ? 2 : 0,
  state,
  open,
  check: null,
  filter: `voided=false&villageId=${VILLAGE}&month=${month}`,
});
const GRID: AdvisorMonthlyGrid = {
  year: 2026,
  townId: 'town-1',
  requiredHours: 8,
  villages: [
    {
      villageId: VILLAGE,
      villageName: '南湾村',
      townId: 'town-1',
      townName: '广海镇',
      advisorNames: ['陈律师'],
      // October finished short, November finished met, December is still running: short so far, met, or nothing yet.
      months: [cell('2026-10', 5, 'short', false), cell('2026-11', 9, 'met', false), cell('2026-12', 5.5, 'short', true)],
    },
    { villageId: '33333333-3333-4333-8333-333333333333', villageName: '北岸村', townId: 'town-1', townName: '广海镇', advisorNames: [], months: [cell('2026-12', 8.5, 'met', true)] },
    { villageId: '44444444-4444-4444-8444-444444444444', villageName: '东滘村', townId: 'town-1', townName: '广海镇', advisorNames: [], months: [cell('2026-12', 0, 'none', true)] },
  ],
};

describe('the monthly grid', () => {
  async function open() {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)] });
    TestBed.inject(AuthService).set(testMe(['advisor.read', 'advisor.check']));
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AdvisorMonthlyCheckComponent);
    await fixture.whenStable();
    const asked = backend.match((req) => req.url === '/api/advisor-checks').filter((req) => !req.cancelled);
    expect(asked).toHaveLength(1);
    asked[0].flush(GRID);
    await fixture.whenStable();
    backend.verify();
    const el = fixture.nativeElement as HTMLElement;
    const at = (village: string, month: string) => el.querySelector<HTMLButtonElement>(`tr[data-village="${village}"] [data-month="${month}"]`)!;
    return { fixture, el, at };
  }

  it('shows a running month under 8 hours grey as not over yet, and a finished one short in orange', async () => {
    const { at } = await open();
    expect(at('南湾村', '2026-10').className).toContain('fz-month-short');
    expect(at('南湾村', '2026-10').title).toBe('不足8小时');
    expect(at('南湾村', '2026-12').className).toContain('fz-month-pending');
    expect(at('南湾村', '2026-12').className).not.toContain('fz-month-short');
    expect(at('南湾村', '2026-12').title).toBe('本月未结束');
    expect(at('东滘村', '2026-12').className).toContain('fz-month-pending');
    expect(at('东滘村', '2026-12').title).toBe('本月未结束');
  });

  it('shows a month that met the rule green even before it ends', async () => {
    const { at } = await open();
    expect(at('南湾村', '2026-11').className).toContain('fz-month-met');
    expect(at('北岸村', '2026-12').className).toContain('fz-month-met');
    expect(at('北岸村', '2026-12').title).toBe('达标');
  });

  it("names a running month's cell not over yet in its drawer too, with its hours so far", async () => {
    const { fixture, at } = await open();
    at('南湾村', '2026-12').click();
    await fixture.whenStable();
    const state = document.querySelector<HTMLElement>('[data-test="advisor-month-state"]')!;
    expect(state.className).toContain('fz-month-pending');
    expect(state.textContent?.trim()).toBe('本月未结束');
    expect(document.querySelector('[data-test="advisor-month-detail"]')?.textContent).toContain('5.5');
  });
});
