import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { HullMaterial, VesselCaseDetailDto, VesselCaseInput, VesselSource, isValidIdNumber, isValidMobile } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { FieldComponent } from '../../shared/field.component';
import { FormPageComponent, FormPageDefinition, FormSlotDirective, keyOptions, textControl as text } from '../../shared/ledger/form-page.component';
import { chosenTown } from '../../shared/ledger/place-choice.component';
import { fromPlainDate, toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { HULL_KEYS, SOURCE_KEYS } from './vessel-labels';
import { VesselsApi } from './vessels.api';

const masked = (value: string): boolean => value.includes('*');

function idNumberValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').trim().toUpperCase();
  return value === '' || masked(value) || isValidIdNumber(value) ? null : { idNumber: true };
}

function phoneValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  return value === '' || masked(value) || isValidMobile(value) ? null : { phone: true };
}

const num = (max: number) => new FormControl<number | null>(null, [Validators.min(0), Validators.max(max)]);
const unclaimed = (v: Record<string, unknown>) => !!v['unclaimed'];

const PAGE: FormPageDefinition = {
  name: 'vessel',
  idPrefix: 'v',
  submitTest: 'vessel-save',
  path: '/vessels',
  saved: 'vessels.saved',
  fields: [
    { name: 'town', kind: 'place', placeholder: 'vessels.chooseVillage', testId: 'v-village' },
    { name: 'discoveredAt', kind: 'datetime', label: 'vessels.discoveredAt' },
    { name: 'place', kind: 'text', label: 'vessels.place', placeholder: 'vessels.placeHint' },
    { name: 'gps', kind: 'slot' },
    { name: 'source', kind: 'select', label: 'vessels.source', span: [12, 6], options: keyOptions(SOURCE_KEYS) },
    { name: 'hullMaterial', kind: 'select', label: 'vessels.hullMaterial', id: 'v-hull', span: [12, 6], options: keyOptions(HULL_KEYS) },
    { name: 'lengthM', kind: 'number', label: 'vessels.lengthM', id: 'v-length', span: [12, 6], step: 0.1 },
    { name: 'enginePowerKw', kind: 'number', label: 'vessels.enginePowerKw', id: 'v-power', span: [12, 6] },
    { name: 'gearType', kind: 'text', label: 'vessels.gearType', id: 'v-gear', span: [12, 6] },
    { name: 'gearCount', kind: 'number', label: 'vessels.gearCount', span: [12, 6], precision: 0 },
    { name: 'marks', kind: 'text', label: 'vessels.marks' },
    { name: 'unclaimed', kind: 'switch', label: 'vessels.unclaimedSwitch', extra: 'vessels.unclaimedHint', testId: 'v-unclaimed', span: [24] },
    { name: 'noticeStart', kind: 'date', label: 'vessels.noticeStart', hiddenWhen: (v) => !unclaimed(v) },
    { name: 'noticeEnd', kind: 'date', label: 'vessels.noticeEnd', hiddenWhen: (v) => !unclaimed(v) },
    { name: 'ownerName', kind: 'text', label: 'vessels.ownerName', span: [24, 8], hiddenWhen: unclaimed },
    { name: 'ownerIdNumber', kind: 'text', label: 'vessels.ownerIdNumber', span: [24, 8], hiddenWhen: unclaimed },
    { name: 'ownerPhone', kind: 'text', label: 'vessels.ownerPhone', span: [24, 8], inputMode: 'tel', hiddenWhen: unclaimed },
    { name: 'remark', kind: 'textarea', label: 'record.remark', span: [24], rows: [2, 6] },
  ],
};

/** Register a vessel, or edit one (`/vessels/new`, `/vessels/:id/edit`). */
@Component({
  selector: 'fz-vessel-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent, FormPageComponent, FormSlotDirective],
  template: `
    @let r = record();
    <fz-form-page
      [page]="page"
      [title]="r ? t('vessels.editTitle', { number: r.number }) : t('vessels.createTitle')"
      [subtitle]="t('vessels.formSubtitle')"
      [cancel]="r ? ['/vessels', r.id] : ['/vessels']"
      [form]="form"
      [request]="request"
      [editing]="!!id()"
      [town]="r?.townId ?? null"
      (reload)="load(r!.id)"
    >
      <ng-template fzFormSlot="gps">
        @let c = form.controls;
        <fz-field [label]="t('vessels.gps')" [control]="c.gpsLat.invalid ? c.gpsLat : c.gpsLng">
          <div class="fz-gps">
            <nz-input-number [formControl]="c.gpsLat" [nzMin]="-90" [nzMax]="90" [nzStep]="0.000001" [nzPlaceHolder]="t('vessels.gpsLat')" />
            <nz-input-number [formControl]="c.gpsLng" [nzMin]="-180" [nzMax]="180" [nzStep]="0.000001" [nzPlaceHolder]="t('vessels.gpsLng')" />
            @if (canLocate) {
              <button nz-button type="button" [nzLoading]="locating()" (click)="locate()" data-test="v-locate"><nz-icon nzType="environment" />{{ t('vessels.useLocation') }}</button>
            }
          </div>
        </fz-field>
      </ng-template>
    </fz-form-page>
  `,
  styles: `
    .fz-gps {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .fz-gps nz-input-number {
      width: 140px;
    }
  `,
})
export class VesselFormComponent implements OnInit {
  private readonly api = inject(VesselsApi);
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;
  protected readonly page = PAGE;

  /** The route's `:id` when editing. */
  readonly id = input<string>();

  protected readonly form = new FormGroup({
    townId: new FormControl<string | null>(null),
    villageId: new FormControl<string | null>(null),
    discoveredAt: new FormControl<Date | null>(new Date(), Validators.required),
    place: text(200, true),
    gpsLat: new FormControl<number | null>(null, [Validators.min(-90), Validators.max(90)]),
    gpsLng: new FormControl<number | null>(null, [Validators.min(-180), Validators.max(180)]),
    source: new FormControl<VesselSource>('patrol', { nonNullable: true, validators: Validators.required }),
    hullMaterial: new FormControl<HullMaterial>('wood', { nonNullable: true, validators: Validators.required }),
    lengthM: num(1000),
    enginePowerKw: num(100000),
    gearType: text(100),
    gearCount: num(100000),
    marks: text(200),
    unclaimed: new FormControl(false, { nonNullable: true }),
    ownerName: text(50),
    ownerIdNumber: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(18), idNumberValidator] }),
    ownerPhone: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(20), phoneValidator] }),
    noticeStart: new FormControl<Date | null>(null),
    noticeEnd: new FormControl<Date | null>(null),
    remark: text(1000),
  });

  protected readonly record = signal<VesselCaseDetailDto | null>(null);
  protected readonly locating = signal(false);
  protected readonly canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  ngOnInit(): void {
    const id = this.id();
    if (id) this.load(id);
  }

  protected load(id: string): void {
    this.api.get(id).subscribe((record) => {
      this.record.set(record);
      const none = (key: string) => (typeof this.form.get(key)?.value === 'string' ? '' : null);
      const value = Object.fromEntries(Object.keys(this.form.controls).map((key) => [key, record[key as keyof VesselCaseDetailDto] ?? none(key)]));
      this.form.reset({ ...value, discoveredAt: new Date(record.discoveredAt), noticeStart: fromPlainDate(record.noticeStart), noticeEnd: fromPlainDate(record.noticeEnd) });
    });
  }

  protected locate(): void {
    this.locating.set(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.locating.set(false);
        this.form.patchValue({
          gpsLat: Math.round(position.coords.latitude * 1e6) / 1e6,
          gpsLng: Math.round(position.coords.longitude * 1e6) / 1e6,
        });
        this.form.controls.gpsLat.markAsDirty();
        this.form.controls.gpsLng.markAsDirty();
      },
      () => {
        this.locating.set(false);
        this.message.warning(this.t('vessels.locateFailed'));
      },
      { enableHighAccuracy: true, timeout: 15000 },
    );
  }

  /** The fields as the API takes them (texts trimmed, none as null), without the town. */
  private input(): VesselCaseInput {
    const { townId, ...v } = this.form.getRawValue();
    const text = (value: string) => value.trim() || null;
    const owner = (value: string) => (v.unclaimed ? null : text(value));
    return {
      ...v,
      discoveredAt: (v.discoveredAt ?? new Date()).toISOString(),
      place: v.place.trim(),
      gearType: text(v.gearType),
      marks: text(v.marks),
      ownerName: owner(v.ownerName),
      ownerIdNumber: owner(v.ownerIdNumber)?.toUpperCase() ?? null,
      ownerPhone: owner(v.ownerPhone),
      noticeStart: v.unclaimed ? toPlainDate(v.noticeStart) : null,
      noticeEnd: v.unclaimed ? toPlainDate(v.noticeEnd) : null,
      remark: text(v.remark),
    };
  }

  /** A new case (with its town when the caller has several), or the changes; masked owner values are left out (unchanged). */
  protected readonly request = (): Observable<{ id: string; number: string }> => {
    const body = this.input();
    const record = this.record();
    if (record) {
      const changes: Partial<VesselCaseInput> = { ...body };
      for (const field of ['ownerName', 'ownerIdNumber', 'ownerPhone'] as const) {
        const value = changes[field];
        if (!this.form.controls[field].dirty || (typeof value === 'string' && masked(value))) delete changes[field];
      }
      return this.api.update(record.id, { ...changes, version: record.version });
    }
    return this.api.create({ ...body, ...chosenTown(this.form.controls.townId.value, this.auth) });
  };
}
