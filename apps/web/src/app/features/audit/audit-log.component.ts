import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { AuditEntryDto, AuditOutcome } from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { DateTimePipe } from '../../shared/date-time.pipe';
import { rangeToQuery } from '../../shared/date-range';
import { JsonViewComponent } from '../../shared/json-view.component';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { PagedList } from '../../shared/paged-list';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AUDIT_OUTCOMES, AuditApi, AuditFilters } from './audit.api';
import { FilterActionsComponent } from '../../shared/filter-actions.component';

export const OUTCOME_LABELS: Record<AuditOutcome, TKey> = {
  success: 'audit.outcomeSuccess',
  denied: 'audit.outcomeDenied',
  conflict: 'audit.outcomeConflict',
  invalid: 'audit.outcomeInvalid',
  not_found: 'audit.outcomeNotFound',
  failure: 'audit.outcomeFailure',
};

const OUTCOME_COLORS: Record<AuditOutcome, string> = {
  success: 'green',
  denied: 'red',
  conflict: 'orange',
  invalid: 'gold',
  not_found: 'default',
  failure: 'volcano',
};

/** The append-only audit log; a drawer shows an entry's before/after values and its seal. */
@Component({
  selector: 'fz-audit-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, ReactiveFormsModule, ZORRO_IMPORTS, PageHeaderComponent, DateTimePipe, JsonViewComponent, FilterActionsComponent],
  templateUrl: './audit-log.component.html',
  styles: `
    .fz-audit-detail {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 12px;
      margin-top: 16px;
    }
    .fz-audit-detail h4 {
      margin: 0 0 6px;
      font-weight: 600;
    }
  `,
})
export class AuditLogComponent {
  private readonly api = inject(AuditApi);
  protected readonly t = inject(I18nService).t;

  protected readonly outcomes = AUDIT_OUTCOMES;
  protected readonly outcomeLabels = OUTCOME_LABELS;
  protected readonly outcomeColors = OUTCOME_COLORS;
  protected readonly list = new PagedList<AuditEntryDto, AuditFilters>((query) => this.api.list(query), {
    from: null,
    to: null,
    username: '',
    action: '',
    entity: '',
    entityId: '',
    outcome: null,
  });
  protected readonly filters = new FormGroup({
    range: new FormControl<Date[] | null>(null),
    username: new FormControl('', { nonNullable: true }),
    action: new FormControl('', { nonNullable: true }),
    entity: new FormControl('', { nonNullable: true }),
    entityId: new FormControl('', { nonNullable: true }),
    outcome: new FormControl<AuditOutcome | null>(null),
  });
  protected readonly selected = signal<AuditEntryDto | null>(null);

  constructor() {
    this.list.load();
  }

  protected search(): void {
    const { range, username, action, entity, entityId, outcome } = this.filters.getRawValue();
    this.list.search({
      ...rangeToQuery(range),
      username: username.trim(),
      action: action.trim(),
      entity: entity.trim(),
      entityId: entityId.trim(),
      outcome,
    });
  }

  protected resetFilters(): void {
    this.filters.reset({ range: null, username: '', action: '', entity: '', entityId: '', outcome: null });
    this.list.reset();
  }
}
