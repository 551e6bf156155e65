import { TestBed } from '@angular/core/testing';
import { RecordFactsComponent, dotted, wideFact } from './record-facts.component';

describe('record facts', () => {
  it('shows each fact under its label, a missing one as —, a wide one across both columns', async () => {
    const fixture = TestBed.createComponent(RecordFactsComponent);
    fixture.componentRef.setInput('title', 'record.timeline');
    fixture.componentRef.setInput('testId', 'thing-facts');
    fixture.componentRef.setInput('facts', [
      { label: 'record.town', value: '广海镇' },
      { label: 'record.village', value: null },
      wideFact('record.remark', dotted('2021-03-01', null, '台山市人民法院', ''), 'thing-court'),
    ]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const cells = [...el.querySelectorAll('[data-test="thing-facts"] td.ant-descriptions-item-content')].map((td) => td.textContent?.trim());
    expect(cells).toEqual(['广海镇', '—', '2021-03-01 · 台山市人民法院']);
    expect(el.querySelector('[data-test="thing-court"]')?.closest('td')?.getAttribute('colspan')).toBe('3');
    expect(el.querySelector('.ant-card-head-title')?.textContent).toContain('办理过程');
  });
});
