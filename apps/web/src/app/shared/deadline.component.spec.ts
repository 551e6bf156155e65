import { TestBed } from '@angular/core/testing';
import { DeadlineDto } from '@fazhi/contracts';
import { DeadlineDaysComponent } from './deadline.component';

async function render(deadline: Pick<DeadlineDto, 'state' | 'daysLeft' | 'provisional'>): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(DeadlineDaysComponent);
  fixture.componentRef.setInput('deadline', deadline);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('deadline days', () => {
  it('counts the days past a running deadline', async () => {
    const el = await render({ state: 'overdue', daysLeft: -3, provisional: false });
    expect(el.querySelector('[data-test="deadline-days"]')?.textContent).toContain('3');
    expect(el.textContent).toContain('已逾期');
  });

  it('shows only the state of a deadline met, not the days since its due date', async () => {
    const el = await render({ state: 'done', daysLeft: -1711, provisional: false });
    expect(el.querySelector('[data-test="deadline-days"]')).toBeNull();
    expect(el.textContent).not.toContain('1711');
    expect(el.textContent).toContain('已完成');
  });
});
