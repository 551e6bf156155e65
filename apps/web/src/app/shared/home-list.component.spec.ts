import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Page } from '@fazhi/contracts';
import { Observable, of, throwError } from 'rxjs';
import { HomeListComponent, HomeListItemDirective } from './home-list.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeListComponent, HomeListItemDirective],
  template: `
    <fz-home-list title="我的待办" emptyText="暂无待办" failedText="待办加载失败" [source]="source()">
      <ng-template [fzHomeListItem]="source()" let-item
        ><span class="row">{{ item.name }}</span></ng-template
      >
    </fz-home-list>
  `,
})
class HostComponent {
  readonly source = input.required<Observable<Page<{ name: string }>>>();
}

async function render(source: Observable<Page<{ name: string }>>): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(HostComponent);
  fixture.componentRef.setInput('source', source);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('home list card', () => {
  it('draws each item with the given template and shows the total as a badge', async () => {
    const el = await render(of({ items: [{ name: '广海调〔2022〕第0003号' }, { name: '广海三无〔2026〕第0001号' }], total: 12, page: 1, pageSize: 2 }));
    expect([...el.querySelectorAll('.row')].map((row) => row.textContent)).toEqual(['广海调〔2022〕第0003号', '广海三无〔2026〕第0001号']);
    expect(el.querySelector('.ant-card-head-title')?.textContent).toContain('我的待办');
    expect(el.querySelector('nz-badge-sup')?.getAttribute('title')).toBe('12');
  });

  it('says so when there is nothing, without a badge', async () => {
    const el = await render(of({ items: [], total: 0, page: 1, pageSize: 10 }));
    expect(el.textContent).toContain('暂无待办');
    expect(el.querySelector('nz-badge')).toBeNull();
  });

  it('warns when the list could not be fetched', async () => {
    const el = await render(throwError(() => new Error('offline')));
    expect(el.querySelector('nz-alert')?.textContent).toContain('待办加载失败');
    expect(el.querySelector('.row')).toBeNull();
  });
});
