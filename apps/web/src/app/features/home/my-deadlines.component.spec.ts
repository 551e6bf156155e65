import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MyDeadlineDto, Page } from '@fazhi/contracts';
import { of } from 'rxjs';
import { DeadlinesApi } from './deadlines.api';
import { MyDeadlinesComponent } from './my-deadlines.component';

const calendarYear: MyDeadlineDto = {
  id: 'calendar-year:2027',
  townId: null,
  ledger: 'calendar',
  recordId: '2027',
  kind: 'calendar-year',
  title: '2027 年节假日安排',
  dueDate: '2026-12-31',
  daysLeft: 10,
  state: 'ok',
  provisional: false,
};
const across: MyDeadlineDto = {
  id: 'd-1',
  townId: 't-1',
  ledger: 'dispute',
  recordId: 'r-1',
  kind: 'mediation-period',
  title: '广海调〔2026〕第0042号',
  dueDate: '2027-01-04',
  daysLeft: 2,
  state: 'warning',
  provisional: true,
};
const within: MyDeadlineDto = { ...across, id: 'd-2', recordId: 'r-2', title: '广海调〔2026〕第0041号', dueDate: '2026-12-23', daysLeft: 2, provisional: false };

async function render(items: MyDeadlineDto[]): Promise<HTMLElement> {
  const page: Page<MyDeadlineDto> = { items, total: items.length, page: 1, pageSize: 10 };
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: DeadlinesApi, useValue: { mine: () => of(page) } }] });
  const fixture = TestBed.createComponent(MyDeadlinesComponent);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('my deadlines on the home page', () => {
  it('asks the calendar administrator for next year’s arrangement, linking to that year of the calendar', async () => {
    const el = await render([calendarYear]);
    const link = el.querySelector<HTMLAnchorElement>('[data-test="calendar-year-item"]');
    expect(link?.textContent?.trim()).toBe('请录入 2027 年节假日安排');
    expect(link?.getAttribute('href')).toBe('/admin/calendar?year=2027');
    expect(el.querySelector('[data-item="calendar-year:2027"]')?.textContent).toContain('到期日 2026-12-31');
    expect(el.querySelector('[data-test="deadline-provisional"]')).toBeNull();
  });

  it('tags a deadline counted over a year without a holiday arrangement as provisional, and only that one', async () => {
    const el = await render([across, within]);
    const tags = el.querySelectorAll('[data-test="deadline-provisional"]');
    expect(tags).toHaveLength(1);
    expect(tags[0].textContent?.trim()).toBe('暂定');
    expect(el.querySelector('[data-item="d-1"] [data-test="deadline-provisional"]')).not.toBeNull();
    expect(el.querySelector('[data-item="d-2"] [data-test="deadline-days"]')?.textContent).toContain('剩 2 天');
    expect(el.querySelector<HTMLAnchorElement>('[data-item="d-1"] a')?.getAttribute('href')).toBe('/disputes/r-1');
  });
});
