import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode, HULL_MATERIAL_LABELS, HullMaterial, OrgTreeNode, VESSEL_SOURCE_LABELS, VesselCaseDetailDto, VesselCaseInput, VesselSource, isValidIdNumber, isValidMobile } from '@fazhi/contracts';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable, tap } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { apiError } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { villagesUnder } from '../../shared/org-tree';
import { PageHeaderComponent } from '../../shared/page-header.component';
import { fromPlainDate, toPlainDate } from '../../shared/plain-date';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../../core/api/org.api';
import { Submission } from '../../shared/api-error-message';
import { HULL_KEYS, SOURCE_KEYS } from './vessel-labels';
import { VesselsApi } from './vessels.api';
import { FieldComponent } from '../../shared/field.component';

const masked = (value: string): boolean => value.includes('*');

function idNumberValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').trim().toUpperCase();
  return value === '' || masked(value) || isValidIdNumber(value) ? null : { idNumber: true };
}

function phoneValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  return value === '' || masked(value) || isValidMobile(value) ? null : { phone: true };
}

const text = (max: number, required = false) =>
  new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max), ...(required ? [Validators.required, Validators.pattern(/\S/)] : [])] });
const num = (max: number) => new FormControl<number | null>(null, [Validators.min(0), Validators.max(max)]);

/** Register a vessel, or edit one (`/vessels/new`, `/vessels/:id/edit`). */
@Component({
  selector: 'fz-vessel-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ZORRO_IMPORTS, PageHeaderComponent, FieldComponent],
  templateUrl: './vessel-form.component.html',
  styleUrl: './vessel-form.component.css',
})
export class VesselFormComponent implements OnInit {
  private readonly api = inject(VesselsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

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

  protected readonly sources = Object.keys(VESSEL_SOURCE_LABELS) as VesselSource[];
  protected readonly hulls = Object.keys(HULL_MATERIAL_LABELS) as HullMaterial[];
  protected readonly sourceKeys = SOURCE_KEYS;
  protected readonly hullKeys = HULL_KEYS;
  protected readonly record = signal<VesselCaseDetailDto | null>(null);
  protected readonly orgTree = signal<OrgTreeNode[]>([]);
  protected readonly towns = computed(() => this.auth.me()?.scope.towns ?? []);
  private readonly townId = toSignal(this.form.controls.townId.valueChanges, { initialValue: null });
  protected readonly villages = computed(() => villagesUnder(this.orgTree(), this.record()?.townId ?? this.townId() ?? this.auth.me()?.townId));
  protected readonly unclaimed = toSignal(this.form.controls.unclaimed.valueChanges, { initialValue: false });
  protected readonly submission = new Submission(this.t);
  protected readonly locating = signal(false);
  /** The last save failed on a stale version: offer to reload the record. */
  protected readonly stale = signal(false);
  protected readonly canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  constructor() {
    inject(OrgApi)
      .tree()
      .subscribe((tree) => this.orgTree.set(tree));
    this.form.controls.townId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.villageId.setValue(null));
  }

  ngOnInit(): void {
    const id = this.id();
    if (id) {
      this.load(id);
    } else if (this.towns().length > 1) {
      this.form.controls.townId.addValidators(Validators.required);
    }
  }

  protected load(id: string): void {
    this.api.get(id).subscribe((record) => {
      this.record.set(record);
      this.submission.error.set(null);
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

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.submission.run(
      this.request().pipe(tap({ error: (err: unknown) => this.stale.set(apiError(err)?.code === ErrorCode.STALE_VERSION) })),
      (saved) => {
        this.message.success(this.t('vessels.saved', { number: saved.number }));
        void this.router.navigate(['/vessels', saved.id]);
      },
      this.form,
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
  private request(): Observable<{ id: string; number: string }> {
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
    const townId = this.form.controls.townId.value;
    return this.api.create(townId && this.towns().length > 1 ? { ...body, townId } : body);
  }
}
