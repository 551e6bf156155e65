import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { CertificateDto, CertificateEventKind, TransitionRequest } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { PagedList } from '../../shared/paged-list';
import { StepInput, StepModalComponent, WorkflowStep } from '../../shared/transition-modal.component';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { CertificateFilters, CertificatesApi, Validity } from './certificates.api';
import { CERTIFICATE_EVENT_KEYS, VALIDITY } from './vessel-labels';

type EventKind = Exclude<CertificateEventKind, 'apply'>;

/** The open dialog: issuing a certificate or one event of a certificate, in the step modal. */
interface CertificateForm {
  step: WorkflowStep;
  fields: StepInput[];
  send: (data: Record<string, unknown>) => Observable<CertificateDto>;
}

/** Enforcement certificates: validity at a glance, issue one, renew/replace/cancel/review. */
@Component({
  selector: 'fz-certificate-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, PageHeaderComponent, HasPermissionDirective, StepModalComponent],
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
  protected readonly validity = VALIDITY;
  protected readonly validities = Object.keys(VALIDITY) as Validity[];
  protected readonly eventKeys = CERTIFICATE_EVENT_KEYS;
  protected readonly eventKinds: readonly EventKind[] = ['renew', 'replace', 'annual_review', 'cancel'];
  protected readonly validityFilter = new FormControl<Validity | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly form = signal<CertificateForm | null>(null);
  protected readonly send = computed(() => {
    const form = this.form();
    return (body: Omit<TransitionRequest, 'version'>) => form!.send(body.data ?? {});
  });
  /** Officers who may hold a certificate, for certificate managers; else those already holding one. */
  private readonly directory = signal<{ value: string; label: string }[] | null>(null);

  constructor() {
    this.list.load();
    this.validityFilter.valueChanges.pipe(takeUntilDestroyed()).subscribe((validity) => this.list.search({ officerId: null, validity }));
    if (inject(AuthService).hasAny(['certificate.manage'])) {
      this.api.officers().subscribe({
        next: (officers) => this.directory.set(officers.map((u) => ({ value: u.id, label: `${u.displayName}（${u.orgUnitName}）` }))),
        error: () => this.directory.set(null),
      });
    }
  }

  protected toggle(id: string, open: boolean): void {
    const next = new Set(this.expanded());
    if (open) next.add(id);
    else next.delete(id);
    this.expanded.set(next);
  }

  protected openCreate(): void {
    const listed = this.directory();
    const holders = new Map(this.list.items().map((c) => [c.officerId, c.officerName]));
    this.open('certificate', this.t('certificates.create'), [
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
    ], (data) => this.api.create(data));
  }

  /** Renewing asks the new expiry (and may give a new number); a replacement asks the new number. */
  protected openEvent(certificate: CertificateDto, kind: EventKind): void {
    const field = (name: string, label: TKey, more: Partial<StepInput>): StepInput => ({ name, kind: 'text', label: this.t(label), ...more });
    this.open(kind, `${this.t(this.eventKeys[kind])} · ${certificate.number}`, [
      field('date', 'certificates.eventDate', { kind: 'date' }),
      ...(kind === 'renew' ? [field('expiresOn', 'certificates.newExpiry', { kind: 'date', initial: null })] : []),
      ...(kind === 'renew' || kind === 'replace' ? [field('number', 'certificates.newNumber', { max: 64, optional: kind === 'renew' })] : []),
      field('remark', 'common.remarkOptional', { kind: 'textarea', optional: true, max: 500 }),
    ], (data) => this.api.addEvent(certificate.id, { version: certificate.version, kind, ...data }));
  }

  protected saved(certificate: CertificateDto): void {
    this.form.set(null);
    this.message.success(this.t('certificates.saved', { number: certificate.number }));
    this.list.load();
  }

  private open(key: string, title: string, fields: StepInput[], send: CertificateForm['send']): void {
    this.form.set({ step: { to: key, label: { zh: title, en: title }, requires: [] }, fields, send });
  }
}
