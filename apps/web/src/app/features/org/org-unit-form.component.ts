import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { DEFAULT_TIME_ZONE, ORG_CHILD_LEVEL, ORG_LEVEL_LABELS, OrgLevel, OrgTreeNode, OrgUnitDto, isValidTimeZone } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { OrgApi } from '../../core/api/org.api';
import { FieldComponent } from '../../shared/field.component';
import { Submission } from '../../shared/api-error-message';

function timeZoneValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  return value === '' || isValidTimeZone(value) ? null : { timeZone: true };
}

/** Modal to add a unit under a parent, or to edit one. */
@Component({
  selector: 'fz-org-unit-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent],
  templateUrl: './org-unit-form.component.html',
})
export class OrgUnitFormComponent implements OnInit {
  private readonly api = inject(OrgApi);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  /** The unit to edit. */
  readonly unit = input<OrgTreeNode | null>(null);
  /** The parent of a new unit. */
  readonly parent = input<OrgTreeNode | null>(null);
  readonly saved = output<OrgUnitDto>();
  readonly closed = output<void>();

  protected readonly level = computed<OrgLevel | null>(() => {
    const unit = this.unit();
    if (unit) return unit.level;
    const parent = this.parent();
    return parent ? ORG_CHILD_LEVEL[parent.level] : null;
  });
  protected readonly levelLabel = computed(() => {
    const level = this.level();
    return level ? this.i18n.pick(ORG_LEVEL_LABELS[level]) : '';
  });
  protected readonly form = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(32), Validators.pattern(/^[A-Za-z0-9_-]+$/)],
    }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(64)] }),
    timeZone: new FormControl(DEFAULT_TIME_ZONE, { nonNullable: true, validators: [timeZoneValidator] }),
    numberPrefix: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(16)] }),
    sortOrder: new FormControl(0, { nonNullable: true, validators: [Validators.min(0), Validators.max(9999)] }),
  });
  protected readonly submission = new Submission(this.t);

  ngOnInit(): void {
    const unit = this.unit();
    if (unit) {
      this.form.setValue({
        code: unit.code,
        name: unit.name,
        timeZone: unit.timeZone,
        numberPrefix: unit.numberPrefix ?? '',
        sortOrder: unit.sortOrder,
      });
    } else {
      const parent = this.parent();
      if (parent) this.form.controls.timeZone.setValue(parent.timeZone);
    }
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.submission.run(this.request(), (unit) => this.saved.emit(unit), this.form);
  }

  private request(): Observable<OrgUnitDto> {
    const raw = this.form.getRawValue();
    const fields = {
      code: raw.code.trim(),
      name: raw.name.trim(),
      timeZone: raw.timeZone.trim() || DEFAULT_TIME_ZONE,
      sortOrder: raw.sortOrder,
      ...(this.level() === 'town' && raw.numberPrefix.trim() ? { numberPrefix: raw.numberPrefix.trim() } : {}),
    };
    const unit = this.unit();
    if (unit) return this.api.update(unit.id, { version: unit.version, ...fields });
    const parent = this.parent();
    return this.api.create({ parentId: parent?.id ?? '', ...fields });
  }
}
