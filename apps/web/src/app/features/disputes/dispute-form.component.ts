import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_PARTY_ROLE_LABELS,
  DISPUTE_SOURCE_LABELS,
  DisputeCategory,
  DisputeInput,
  DisputePartyRole,
  DisputeSource,
  OrgTreeNode,
} from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { Submission } from '../../shared/api-error-message';
import { FieldComponent } from '../../shared/field.component';
import { revealErrors } from '../../shared/form-errors';
import { villagesUnder } from '../../shared/org-tree';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../../core/api/org.api';
import { DisputesApi } from './disputes.api';

export type PartyGroup = FormGroup<{
  role: FormControl<DisputePartyRole>;
  name: FormControl<string>;
  idNumber: FormControl<string>;
  phone: FormControl<string>;
  address: FormControl<string>;
}>;

/** One party row; the first two default to applicant and respondent. */
export function partyGroup(role: DisputePartyRole = 'party'): PartyGroup {
  return new FormGroup({
    role: new FormControl<DisputePartyRole>(role, { nonNullable: true, validators: [Validators.required] }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(50)] }),
    idNumber: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(18)] }),
    phone: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(20)] }),
    address: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
  });
}

/** The party rows as the API takes them: trimmed, empty optional fields left out as null. */
export function partiesInput(rows: PartyGroup['value'][]): NonNullable<DisputeInput['parties']> {
  const opt = (value: string | undefined): string | null => value?.trim() || null;
  return rows.map((row) => ({
    role: row.role ?? 'party',
    name: (row.name ?? '').trim(),
    idNumber: opt(row.idNumber),
    phone: opt(row.phone),
    address: opt(row.address),
  }));
}

/** Registers a dispute with its parties (DOMAIN.md §3.2). */
@Component({
  selector: 'fz-dispute-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent, FieldComponent],
  templateUrl: './dispute-form.component.html',
})
export class DisputeFormComponent {
  private readonly api = inject(DisputesApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly sources = Object.keys(DISPUTE_SOURCE_LABELS) as DisputeSource[];
  protected readonly sourceLabels = DISPUTE_SOURCE_LABELS;
  protected readonly categories = DISPUTE_CATEGORIES;
  protected readonly categoryLabels = DISPUTE_CATEGORY_LABELS;
  protected readonly roles = Object.keys(DISPUTE_PARTY_ROLE_LABELS) as DisputePartyRole[];
  protected readonly roleLabels = DISPUTE_PARTY_ROLE_LABELS;

  readonly form = new FormGroup({
    townId: new FormControl<string | null>(null),
    villageId: new FormControl<string | null>(null),
    occurredOn: new FormControl<Date | null>(new Date(), { validators: [Validators.required] }),
    source: new FormControl<DisputeSource>('screening', { nonNullable: true, validators: [Validators.required] }),
    category: new FormControl<DisputeCategory | null>(null, { validators: [Validators.required] }),
    summary: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(2000)] }),
    place: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    riskLevel: new FormControl<'normal' | 'elevated'>('normal', { nonNullable: true }),
    parties: new FormArray<PartyGroup>([partyGroup('applicant'), partyGroup('respondent')]),
    remark: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });

  private readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  private readonly townId = toSignal(this.form.controls.townId.valueChanges, { initialValue: null });
  protected readonly villages = computed(() => villagesUnder(this.orgTree(), this.townId() ?? this.auth.me()?.townId));
  protected readonly submission = new Submission(this.t);

  constructor() {
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
    this.form.controls.townId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.villageId.setValue(null));
    if (this.towns().length > 1) this.form.controls.townId.addValidators(Validators.required);
  }

  get parties(): FormArray<PartyGroup> {
    return this.form.controls.parties;
  }

  addParty(): void {
    this.parties.push(partyGroup());
  }

  removeParty(index: number): void {
    this.parties.removeAt(index);
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.submission.run(
      this.api.create(this.input()),
      (saved) => {
        this.message.success(this.t('disputes.saved', { number: saved.number }));
        void this.router.navigate(['/disputes', saved.id]);
      },
      this.form,
    );
  }

  /** The fields as the API takes them. */
  input(): DisputeInput {
    const v = this.form.getRawValue();
    const townId = v.townId && this.towns().length > 1 ? v.townId : undefined;
    return {
      ...(townId ? { townId } : {}),
      villageId: v.villageId,
      occurredOn: toPlainDate(v.occurredOn) ?? '',
      source: v.source,
      category: v.category as DisputeCategory,
      summary: v.summary.trim(),
      place: v.place.trim() || null,
      riskLevel: v.riskLevel,
      parties: partiesInput(this.parties.getRawValue()),
      remark: v.remark.trim() || null,
    };
  }
}
