import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { DATA_SCOPES, DATA_SCOPE_LABELS, DataScope, PermissionCode, PermissionDef, RoleDto, dutyConflict, isPermissionCode } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { DUTIES, DUTY_COLORS, DUTY_LABELS } from '../../shared/duties';
import { RolesApi } from '../../core/api/roles.api';
import { FieldComponent } from '../../shared/field.component';
import { Submission } from '../../shared/api-error-message';

/** Drawer to compose a role from permission codes, grouped by duty. */
@Component({
  selector: 'fz-role-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent],
  templateUrl: './role-editor.component.html',
  styles: `
    .fz-duty {
      margin-bottom: 12px;
    }
    .fz-duty-codes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 8px 16px;
    }
    .fz-duty-codes label {
      margin-left: 0;
    }
    .fz-code {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class RoleEditorComponent implements OnInit {
  private readonly api = inject(RolesApi);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly role = input<RoleDto | null>(null);
  readonly permissions = input.required<readonly PermissionDef[]>();
  readonly saved = output<RoleDto>();
  readonly closed = output<void>();

  protected readonly scopes = DATA_SCOPES;
  protected readonly dutyLabels = DUTY_LABELS;
  protected readonly dutyColors = DUTY_COLORS;
  protected readonly form = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(32), Validators.pattern(/^[a-z][a-z0-9_]*$/)],
    }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(32)] }),
    nameEn: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(64)] }),
    defaultScope: new FormControl<DataScope>('town', { nonNullable: true }),
    permissions: new FormControl<PermissionCode[]>([], { nonNullable: true }),
  });
  private readonly chosen = toSignal(this.form.controls.permissions.valueChanges, { initialValue: [] as PermissionCode[] });
  protected readonly chosenSet = computed(() => new Set<string>(this.chosen()));
  protected readonly conflict = computed(() => dutyConflict(this.chosen()));
  protected readonly groups = computed(() => DUTIES.map((duty) => ({ duty, permissions: this.permissions().filter((p) => p.duty === duty) })).filter((group) => group.permissions.length > 0));
  protected readonly submission = new Submission(this.t);

  ngOnInit(): void {
    const role = this.role();
    if (role) {
      this.form.setValue({
        code: role.code,
        name: role.name,
        nameEn: role.nameEn,
        defaultScope: role.defaultScope,
        permissions: [...role.permissions],
      });
      this.form.controls.code.disable();
    }
  }

  protected scopeLabel(scope: DataScope): string {
    return this.i18n.pick(DATA_SCOPE_LABELS[scope]);
  }

  protected permissionName(permission: PermissionDef): string {
    return this.i18n.name(permission.name, permission.nameEn);
  }

  protected toggle(code: string, checked: boolean): void {
    if (!isPermissionCode(code)) return;
    const current = this.form.controls.permissions.value.filter((c) => c !== code);
    this.form.controls.permissions.setValue(checked ? [...current, code] : current);
    this.form.controls.permissions.markAsDirty();
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.submission.run(this.request(), (role) => this.saved.emit(role), this.form);
  }

  private request(): Observable<RoleDto> {
    const raw = this.form.getRawValue();
    const fields = {
      name: raw.name.trim(),
      nameEn: raw.nameEn.trim(),
      defaultScope: raw.defaultScope,
      permissions: raw.permissions,
    };
    const role = this.role();
    return role ? this.api.update(role.id, { version: role.version, ...fields }) : this.api.create({ code: raw.code.trim(), ...fields });
  }
}
