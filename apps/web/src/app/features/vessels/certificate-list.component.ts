import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { CertificateDto, CertificateEventKind } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { HasPermissionDirective } from '../../core/permissions/has-permission.directive';
import { revealErrors } from '../../shared/form-errors';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { PagedList } from '../../shared/paged-list';
import { toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { Submission } from '../../shared/api-error-message';
import { CertificateFilters, CertificatesApi, Validity } from './certificates.api';
import { CERTIFICATE_EVENT_KEYS, VALIDITY } from './vessel-labels';
import { FieldComponent } from '../../shared/field.component';

type EventKind = Exclude<CertificateEventKind, 'apply'>;
type Dialog = { kind: 'create' } | { kind: 'event'; certificate: CertificateDto; event: EventKind };

export interface Officer {
  id: string;
  name: string;
}

/** Enforcement certificates: validity at a glance, issue one, renew/replace/cancel/review. */
@Component({
  selector: 'fz-certificate-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, PageHeaderComponent, HasPermissionDirective, FieldComponent],
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
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly list = new PagedList<CertificateDto, CertificateFilters>((query) => this.api.list(query), {
    officerId: null,
    validity: null,
  });
  protected readonly validity = VALIDITY;
  protected readonly validities = Object.keys(VALIDITY) as Validity[];
  protected readonly eventKeys = CERTIFICATE_EVENT_KEYS;
  protected readonly eventKinds: readonly EventKind[] = ['renew', 'replace', 'annual_review', 'cancel'];
  protected readonly validityFilter = new FormControl<Validity | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly dialog = signal<Dialog | null>(null);
  protected readonly submission = new Submission(this.t);
  /** Officers who may hold a certificate, for certificate managers; else those already holding one. */
  private readonly directory = signal<Officer[] | null>(null);
  protected readonly officers = computed<Officer[]>(() => {
    const listed = this.directory();
    if (listed) return listed;
    const seen = new Map<string, string>();
    for (const c of this.list.items()) seen.set(c.officerId, c.officerName);
    return [...seen].map(([id, name]) => ({ id, name }));
  });
  protected readonly fromDirectory = computed(() => this.directory() !== null);

  protected readonly createForm = new FormGroup({
    officerId: new FormControl<string | null>(null, Validators.required),
    number: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(64)] }),
    issuedOn: new FormControl<Date | null>(null, Validators.required),
    expiresOn: new FormControl<Date | null>(null, Validators.required),
  });
  protected readonly eventForm = new FormGroup({
    date: new FormControl<Date | null>(new Date(), Validators.required),
    expiresOn: new FormControl<Date | null>(null),
    number: new FormControl('', { nonNullable: true, validators: Validators.maxLength(64) }),
    remark: new FormControl('', { nonNullable: true, validators: Validators.maxLength(500) }),
  });

  constructor() {
    this.list.load();
    this.validityFilter.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.filter());
    if (this.auth.hasAny(['certificate.manage'])) {
      this.api.officers().subscribe({
        next: (officers) => this.directory.set(officers.map((u) => ({ id: u.id, name: `${u.displayName}（${u.orgUnitName}）` }))),
        error: () => this.directory.set(null),
      });
    }
  }

  protected filter(): void {
    this.list.search({ officerId: null, validity: this.validityFilter.value });
  }

  protected toggle(id: string, open: boolean): void {
    const next = new Set(this.expanded());
    if (open) next.add(id);
    else next.delete(id);
    this.expanded.set(next);
  }

  protected openCreate(): void {
    this.createForm.reset();
    this.submission.error.set(null);
    this.dialog.set({ kind: 'create' });
  }

  protected openEvent(certificate: CertificateDto, event: EventKind): void {
    this.eventForm.reset({ date: new Date(), expiresOn: null, number: '', remark: '' });
    const { expiresOn, number } = this.eventForm.controls;
    expiresOn.setValidators(event === 'renew' ? Validators.required : null);
    number.setValidators(event === 'replace' ? [Validators.required, Validators.pattern(/\S/), Validators.maxLength(64)] : Validators.maxLength(64));
    expiresOn.updateValueAndValidity();
    number.updateValueAndValidity();
    this.submission.error.set(null);
    this.dialog.set({ kind: 'event', certificate, event });
  }

  protected submit(): void {
    const dialog = this.dialog();
    if (!dialog) return;
    const form = dialog.kind === 'create' ? this.createForm : this.eventForm;
    if (form.invalid) {
      revealErrors(form);
      return;
    }
    this.submission.run(
      this.request(dialog),
      (saved) => {
        this.dialog.set(null);
        this.message.success(this.t('certificates.saved', { number: saved.number }));
        this.list.load();
      },
      form,
    );
  }

  private request(dialog: Dialog): Observable<CertificateDto> {
    if (dialog.kind === 'create') {
      const v = this.createForm.getRawValue();
      return this.api.create({
        officerId: v.officerId ?? '',
        number: v.number.trim(),
        issuedOn: toPlainDate(v.issuedOn) ?? '',
        expiresOn: toPlainDate(v.expiresOn) ?? '',
      });
    }
    const v = this.eventForm.getRawValue();
    const expiresOn = toPlainDate(v.expiresOn);
    return this.api.addEvent(dialog.certificate.id, {
      version: dialog.certificate.version,
      kind: dialog.event,
      date: toPlainDate(v.date) ?? '',
      ...(expiresOn && dialog.event === 'renew' ? { expiresOn } : {}),
      ...(v.number.trim() && (dialog.event === 'replace' || dialog.event === 'renew') ? { number: v.number.trim() } : {}),
      ...(v.remark.trim() ? { remark: v.remark.trim() } : {}),
    });
  }
}
