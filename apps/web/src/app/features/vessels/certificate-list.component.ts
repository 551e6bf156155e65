import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { CertificateDto, CertificateEventKind } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { LedgerCellDirective, LedgerColumn, LedgerRowDetailDirective, LedgerTableComponent } from '../../shared/ledger/ledger-table.component';
import { PagedList } from '../../shared/paged-list';
import { PartForms, partField } from '../../shared/ledger/part-form';
import { RegisterPageComponent, RegisterView } from '../../shared/register/register-page.component';
import { StepModalComponent } from '../../shared/transition-modal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { CertificateFilters, CertificatesApi, Validity } from './certificates.api';
import { CERTIFICATE_EVENT_KEYS, VALIDITY } from './vessel-labels';

type EventKind = Exclude<CertificateEventKind, 'apply'>;

/** Enforcement certificates: validity at a glance, issue one, renew/replace/cancel/review. */
@Component({
  selector: 'fz-certificate-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ZORRO_IMPORTS, RegisterPageComponent, StepModalComponent, LedgerTableComponent, LedgerCellDirective, LedgerRowDetailDirective],
  templateUrl: './certificate-list.component.html',
  styles: `
    .fz-due {
      color: #d46b08;
    }
    .fz-overdue {
      color: #cf1322;
    }
    .fz-cert-events {
      display: block;
      padding-top: 12px;
    }
  `,
})
export class CertificateListComponent {
  private readonly api = inject(CertificatesApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly list = new PagedList<CertificateDto, CertificateFilters>((query) => this.api.list(query), { officerId: null, validity: null });
  protected readonly columns: readonly LedgerColumn<CertificateDto>[] = [
    { key: 'officerName', header: 'certificates.officer', width: '110px' },
    { key: 'number', header: 'certificates.number', width: '140px' },
    { key: 'issuedOn', header: 'certificates.issuedOn', width: '110px', phone: false },
    { key: 'expiresOn', header: 'certificates.expiresOn', width: '110px' },
    { key: 'validity', header: 'certificates.validity', width: '100px' },
    { key: 'daysToExpiry', header: 'certificates.daysToExpiry', width: '100px', phone: false },
    { key: 'actions', header: 'common.actions', width: '220px', permission: ['certificate.manage'] },
  ];
  protected readonly rowKey = (item: CertificateDto) => item.number;
  protected readonly view: RegisterView = { name: 'certificate', title: 'certificates.title', subtitle: 'certificates.subtitle', create: 'certificates.create', manage: 'certificate.manage' };
  protected readonly validity = VALIDITY;
  protected readonly eventKeys = CERTIFICATE_EVENT_KEYS;
  protected readonly eventKinds: readonly EventKind[] = ['renew', 'replace', 'annual_review', 'cancel'];
  protected readonly filters = new FormGroup({ validity: new FormControl<Validity | null>(null) });
  protected readonly filterFields = [
    { name: 'validity', kind: 'select', label: 'certificates.validity', lg: 6, options: () => (Object.keys(VALIDITY) as Validity[]).map((v) => ({ value: v, label: this.t(VALIDITY[v].key) })) },
  ] as const;
  /** Issuing a certificate, or one event of a certificate. */
  protected readonly forms = new PartForms<CertificateDto>();
  /** Officers who may hold a certificate, for certificate managers; else those already holding one. */
  private readonly directory = signal<{ value: string; label: string }[] | null>(null);

  constructor() {
    this.list.load();
    this.filters.controls.validity.valueChanges.pipe(takeUntilDestroyed()).subscribe((validity) => this.list.search({ officerId: null, validity }));
    if (inject(AuthService).hasAny(['certificate.manage'])) {
      this.api.officers().subscribe({
        next: (officers) => this.directory.set(officers.map((u) => ({ value: u.id, label: `${u.displayName}（${u.orgUnitName}）` }))),
        error: () => this.directory.set(null),
      });
    }
  }

  protected openCreate(): void {
    const listed = this.directory();
    const holders = new Map(this.list.items().map((c) => [c.officerId, c.officerName]));
    this.forms.show(
      this.t('certificates.create'),
      [
        {
          name: 'officerId',
          kind: 'select',
          label: this.t('certificates.officer'),
          options: listed ?? [...holders].map(([value, label]) => ({ value, label })),
          extra: listed ? undefined : this.t('certificates.officerHint'),
        },
        { name: 'number', kind: 'text', label: this.t('certificates.number'), max: 64 },
        { name: 'issuedOn', kind: 'date', label: this.t('certificates.issuedOn'), initial: null },
        { name: 'expiresOn', kind: 'date', label: this.t('certificates.expiresOn'), initial: null },
      ],
      (data) => this.api.create(data),
    );
  }

  /** Renewing asks the new expiry (and may give a new number); a replacement asks the new number. */
  protected openEvent(certificate: CertificateDto, kind: EventKind): void {
    const field = partField(this.t);
    this.forms.show(
      `${this.t(this.eventKeys[kind])} · ${certificate.number}`,
      [
        field('date', 'certificates.eventDate', 'date'),
        ...(kind === 'renew' ? [field('expiresOn', 'certificates.newExpiry', 'date', { initial: null })] : []),
        ...(kind === 'renew' || kind === 'replace' ? [field('number', 'certificates.newNumber', 'text', { max: 64, optional: kind === 'renew' })] : []),
        field('remark', 'common.remarkOptional', 'textarea', { optional: true, max: 500 }),
      ],
      (data) => this.api.addEvent(certificate.id, { version: certificate.version, kind, ...data }),
    );
  }

  protected saved(certificate: CertificateDto): void {
    this.forms.close();
    this.message.success(this.t('certificates.saved', { number: certificate.number }));
    this.list.load();
  }
}
