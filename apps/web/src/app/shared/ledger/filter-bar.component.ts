import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { I18nService } from '../../core/i18n/i18n.service';
import { FilterActionsComponent } from '../filter-actions.component';
import { FilterTagsComponent } from '../filter-tags.component';
import { ZORRO_IMPORTS } from '../zorro';
import { SortedQuery } from '../paged-list';
import { LedgerTypes } from './ledger-api';
import { LedgerList } from './ledger-list';
import { LedgerView } from './ledger-view';
import { ListSearch } from './list-search';
import { PersonSearchComponent } from './person-search.component';
import { StatusSelectComponent } from './status-select.component';

/**
 * A ledger list's filter card from its `ListSearch`: the controls in a grid (the folded ones
 * hidden on a phone), search and reset, and the tags of the filters set. Searching puts the form's
 * values into the list's query. `data-test="<name>-filters"`, `<name>-search`.
 */
@Component({
  selector: 'fz-filter-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, StatusSelectComponent, PersonSearchComponent, FilterActionsComponent, FilterTagsComponent],
  template: `
    @let s = search();
    @let l = list();
    <nz-card class="fz-filter-card">
      <form nz-form [formGroup]="s.form" (ngSubmit)="l.go(s.query(l.filters()))" [attr.data-test]="view().name + '-filters'">
        <div nz-row [nzGutter]="[16, 8]">
          @for (field of s.fields; track $index) {
            <div nz-col [class.fz-more]="field.more" [class.fz-more-open]="field.more && s.moreOpen()" [nzXs]="24" [nzSm]="12" [nzLg]="field.lg ?? 6">
              @switch (field.kind) {
                @case ('keyword') {
                  <input nz-input formControlName="q" [placeholder]="field.placeholder ? t(field.placeholder) : ''" [attr.aria-label]="t('common.keyword')" />
                }
                @case ('status') {
                  <fz-status-select formControlName="status" [view]="view()" [statuses]="field.statuses ?? []" [placeholder]="field.placeholder ? t(field.placeholder) : ''" />
                }
                @case ('village') {
                  <nz-select formControlName="villageId" nzAllowClear nzShowSearch [nzPlaceHolder]="t('record.village')" data-test="filter-village">
                    @for (village of s.names().villages; track village.id) {
                      <nz-option [nzValue]="village.id" [nzLabel]="s.names().villageLabel(village)" />
                    }
                  </nz-select>
                }
                @case ('range') {
                  <nz-range-picker formControlName="range" [nzPlaceHolder]="field.placeholders ? [t(field.placeholders[0]), t(field.placeholders[1])] : ''" />
                }
                @case ('select') {
                  <nz-select
                    [formControlName]="field.name!"
                    nzAllowClear
                    [nzMode]="field.multiple ? 'multiple' : 'default'"
                    [nzShowSearch]="!!field.showSearch"
                    [nzPlaceHolder]="field.placeholder ? t(field.placeholder) : ''"
                    [attr.data-test]="field.testId ?? null"
                  >
                    @for (option of field.options?.(t) ?? []; track option.value) {
                      <nz-option [nzValue]="option.value" [nzLabel]="option.label" />
                    }
                  </nz-select>
                }
                @case ('person') {
                  <fz-person-search
                    [fields]="s.personal"
                    [labels]="l.model.labels"
                    [field]="control('personField')"
                    [value]="control('person')"
                    [label]="field.label ? t(field.label) : ''"
                    [placeholder]="field.placeholder ? t(field.placeholder) : ''"
                    [testId]="field.testId ?? null"
                  />
                }
              }
            </div>
          }
          <fz-filter-actions nz-col [nzXs]="24" [nzSm]="12" [nzLg]="10" [more]="s.moreOpen()" (moreChange)="s.moreOpen.set(!!$event)" [searchTestId]="view().name + '-search'" (cleared)="l.clear()" />
        </div>
        <fz-filter-tags [tags]="l.tags()" (removed)="l.removeFilter($event)" (cleared)="l.clear()" />
      </form>
    </nz-card>
  `,
})
export class FilterBarComponent<T extends LedgerTypes, F extends SortedQuery<string>> {
  protected readonly t = inject(I18nService).t;

  readonly view = input.required<LedgerView>();
  readonly search = input.required<ListSearch<F>>();
  readonly list = input.required<LedgerList<T, F>>();

  protected control(name: string): FormControl<string> {
    return this.search().form.controls[name] as FormControl<string>;
  }
}
