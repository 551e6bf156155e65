import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { CampaignDto, FieldError, VesselCaseDto } from '@fazhi/contracts';
import { apiError } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { LedgerCellDirective, LedgerColumn, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { StatusTagComponent } from '../../shared/ledger/status-tag.component';
import { PagedList } from '../../shared/paged-list';
import { VESSEL_VIEW } from './vessel-view';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { CampaignsApi } from './campaigns.api';
import { VesselsApi } from './vessels.api';

interface CandidateFilter {
  townId: string;
  q: string | null;
}

/** Pick persuading or unclaimed cases of the campaign's town and add them to the campaign. */
@Component({
  selector: 'fz-add-vessels-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, LedgerTableComponent, LedgerCellDirective, StatusTagComponent],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="t('campaigns.addVessels')"
      [nzWidth]="720"
      [nzMaskClosable]="false"
      [nzOkText]="t('campaigns.addSelected', { count: selected().size })"
      [nzOkDisabled]="selected().size === 0"
      [nzCancelText]="t('common.cancel')"
      [nzOkLoading]="submitting()"
      (nzOnOk)="submit()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        <p class="fz-muted">{{ t('campaigns.addVesselsHint') }}</p>
        @if (error(); as message) {
          <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" [nzDescription]="blockedTpl" data-test="add-vessels-error" />
          <ng-template #blockedTpl>
            <ul class="fz-blocked">
              @for (e of blocked(); track e.path) {
                <li>
                  <strong>{{ e.path }}</strong>：{{ e.message }}
                </li>
              }
            </ul>
          </ng-template>
        }
        <form class="fz-block fz-filter-actions" (ngSubmit)="search()">
          <input nz-input class="fz-candidate-q" [formControl]="q" [placeholder]="t('vessels.searchPlaceholder')" data-test="candidate-q" />
          <button nz-button type="submit"><nz-icon nzType="search" />{{ t('common.search') }}</button>
        </form>
        <fz-ledger-table [list]="list" [columns]="columns" testId="candidate" rowName="candidate" [rowKey]="rowKey" size="small" scrollX="600px" data-test="candidate-table">
          <ng-template fzCell="pick" [fzCellOf]="list" let-item>
            <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- nz-checkbox renders its checkbox input inside this label -->
            <label nz-checkbox [nzChecked]="selected().has(item.id)" (nzCheckedChange)="toggle(item.id, $event)"></label>
          </ng-template>
          <ng-template fzCell="status" [fzCellOf]="list" let-item>
            <fz-status-tag [view]="view" [status]="item.status" />
          </ng-template>
        </fz-ledger-table>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .fz-candidate-q {
      flex: 1;
      min-width: 160px;
    }
    .fz-blocked {
      margin: 0;
      padding-left: 18px;
    }
  `,
})
export class AddVesselsModalComponent implements OnInit {
  private readonly vessels = inject(VesselsApi);
  private readonly campaigns = inject(CampaignsApi);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly campaign = input.required<CampaignDto>();
  readonly done = output<void>();
  readonly closed = output<void>();

  protected readonly view = VESSEL_VIEW;
  protected readonly columns: readonly LedgerColumn<VesselCaseDto>[] = [
    { key: 'pick', header: () => '', width: '40px' },
    { key: 'number', header: 'vessels.number' },
    { key: 'status', header: 'vessels.status' },
    { key: 'place', header: 'vessels.place', value: (v) => `${v.villageName ?? ''} ${v.place}`, wrap: true },
  ];
  protected readonly rowKey = (v: VesselCaseDto) => v.number;
  protected readonly q = new FormControl('', { nonNullable: true });
  protected readonly list = new PagedList<VesselCaseDto, CandidateFilter>(
    (query) => this.vessels.list({ ...query, status: ['persuading', 'unclaimed'], voided: 'false', sort: 'number', order: 'desc' }),
    { townId: '', q: null },
  );
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly blocked = signal<FieldError[]>([]);

  ngOnInit(): void {
    this.list.pageSize.set(10);
    this.search();
  }

  protected search(): void {
    this.list.search({ townId: this.campaign().townId, q: this.q.value.trim() || null });
  }

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  protected submit(): void {
    const campaign = this.campaign();
    this.submitting.set(true);
    this.error.set(null);
    this.campaigns.addVessels(campaign.id, campaign.version, [...this.selected()]).subscribe({
      next: () => {
        this.submitting.set(false);
        this.done.emit();
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        const body = apiError(err);
        this.blocked.set(body?.errors ?? []);
        this.error.set(body?.message ?? this.t('error.network'));
      },
    });
  }
}
