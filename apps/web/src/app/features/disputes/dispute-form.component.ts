import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { DISPUTE_CATEGORY_LABELS, DISPUTE_PARTY_ROLE_LABELS, DISPUTE_SOURCE_LABELS, DisputeCategory, DisputeInput, DisputePartyRole, DisputeSource } from '@fazhi/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { FieldComponent } from '../../shared/field.component';
import { FormPageComponent, FormPageDefinition, FormSlotDirective, labelOptions, textControl } from '../../shared/ledger/form-page.component';
import { chosenTown } from '../../shared/ledger/place-choice.component';
import { toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
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
    name: textControl(50, true),
    idNumber: textControl(18),
    phone: textControl(20),
    address: textControl(200),
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

const PAGE: FormPageDefinition = {
  name: 'dispute',
  idPrefix: 'd',
  submitTest: 'dispute-submit',
  path: '/disputes',
  saved: 'disputes.saved',
  fields: [
    { name: 'town', kind: 'place' },
    { name: 'occurredOn', kind: 'date', label: 'disputes.occurredOn' },
    { name: 'source', kind: 'select', label: 'disputes.source', options: labelOptions(DISPUTE_SOURCE_LABELS) },
    { name: 'category', kind: 'select', label: 'disputes.category', options: labelOptions(DISPUTE_CATEGORY_LABELS), testId: 'form-category' },
    {
      name: 'riskLevel',
      kind: 'select',
      label: 'disputes.riskLevel',
      id: 'd-risk',
      options: (t) => [
        { value: 'normal', label: t('disputes.riskNormal') },
        { value: 'elevated', label: t('disputes.riskElevated') },
      ],
    },
    { name: 'place', kind: 'text', label: 'disputes.place', span: [24] },
    { name: 'summary', kind: 'textarea', label: 'disputes.summary', span: [24], rows: [3, 8] },
    { name: 'parties', kind: 'slot', span: [24] },
    { name: 'remark', kind: 'textarea', label: 'record.remark', span: [24], rows: [2, 4] },
  ],
};

/** Registers a dispute with its parties (DOMAIN.md §3.2). */
@Component({
  selector: 'fz-dispute-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent, FormPageComponent, FormSlotDirective],
  template: `
    <fz-form-page [page]="page" [title]="t('disputes.create')" [subtitle]="t('disputes.formSubtitle')" [form]="form" [request]="request">
      <ng-template fzFormSlot="parties">
        <h3 class="fz-section-title">{{ t('disputes.parties') }}</h3>
        <div data-test="party-rows">
          @for (party of parties.controls; track party; let i = $index) {
            @let c = party.controls;
            <div nz-row [nzGutter]="8" [attr.data-party-row]="i">
              <fz-field nz-col [nzXs]="24" [nzSm]="8" [nzLg]="3" [control]="c.role">
                <nz-select [formControl]="c.role" [attr.aria-label]="t('disputes.partyRole')">
                  @for (role of roles; track role) {
                    <nz-option [nzValue]="role" [nzLabel]="roleLabels[role]" />
                  }
                </nz-select>
              </fz-field>
              @for (f of partyFields; track f.name) {
                <fz-field nz-col [nzXs]="f.xs" [nzSm]="f.sm" [nzLg]="f.lg" [control]="c[f.name]">
                  <input nz-input [formControl]="c[f.name]" [placeholder]="t(f.label)" [attr.id]="f.id ? f.id + i : null" autocomplete="off" />
                </fz-field>
              }
              <div nz-col [nzXs]="4" [nzSm]="2" [nzLg]="2">
                <button nz-button nzType="text" nzDanger type="button" (click)="removeParty(i)" [attr.aria-label]="t('disputes.removeParty')" data-test="party-remove">
                  <nz-icon nzType="delete" />
                </button>
              </div>
            </div>
          }
        </div>
        <button nz-button nzType="dashed" type="button" class="fz-block" (click)="addParty()" data-test="party-add"><nz-icon nzType="plus" />{{ t('disputes.addParty') }}</button>
      </ng-template>
    </fz-form-page>
  `,
})
export class DisputeFormComponent {
  private readonly api = inject(DisputesApi);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;
  protected readonly page = PAGE;
  protected readonly roles = Object.keys(DISPUTE_PARTY_ROLE_LABELS) as DisputePartyRole[];
  protected readonly roleLabels = DISPUTE_PARTY_ROLE_LABELS;
  protected readonly partyFields = [
    { name: 'name', label: 'disputes.partyName', id: 'p-name-', xs: 24, sm: 8, lg: 4 },
    { name: 'idNumber', label: 'disputes.partyIdNumber', id: 'p-id-', xs: 24, sm: 8, lg: 5 },
    { name: 'phone', label: 'disputes.partyPhone', id: 'p-phone-', xs: 24, sm: 8, lg: 4 },
    { name: 'address', label: 'disputes.partyAddress', id: null, xs: 20, sm: 14, lg: 6 },
  ] as const;

  readonly form = new FormGroup({
    townId: new FormControl<string | null>(null),
    villageId: new FormControl<string | null>(null),
    occurredOn: new FormControl<Date | null>(new Date(), { validators: [Validators.required] }),
    source: new FormControl<DisputeSource>('screening', { nonNullable: true, validators: [Validators.required] }),
    category: new FormControl<DisputeCategory | null>(null, { validators: [Validators.required] }),
    summary: textControl(2000, true),
    place: textControl(200),
    riskLevel: new FormControl<'normal' | 'elevated'>('normal', { nonNullable: true }),
    parties: new FormArray<PartyGroup>([partyGroup('applicant'), partyGroup('respondent')]),
    remark: textControl(500),
  });

  get parties(): FormArray<PartyGroup> {
    return this.form.controls.parties;
  }

  addParty(): void {
    this.parties.push(partyGroup());
  }

  removeParty(index: number): void {
    this.parties.removeAt(index);
  }

  protected readonly request = () => this.api.create(this.input());

  /** The fields as the API takes them. */
  input(): DisputeInput {
    const v = this.form.getRawValue();
    return {
      ...chosenTown(v.townId, this.auth),
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
