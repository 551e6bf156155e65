import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, output } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormArray, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { OrgTreeNode, PASSWORD_MAX_LENGTH, RoleDto, UserDto, isValidMobile } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { toTreeOptions } from '../../shared/org-tree';
import { passwordHints, passwordPolicyValidator, sibling } from '../../shared/password-hints';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AssignmentGroup, assignmentInput } from './assignment-form';
import { RoleAssignmentsComponent } from './role-assignments.component';
import { UsersApi } from './users.api';
import { FieldComponent } from '../../shared/field.component';
import { Submission } from '../../shared/api-error-message';

function phoneValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  return value === '' || value.includes('*') || isValidMobile(value) ? null : { phone: true };
}

/** Drawer to create a user (with roles) or edit one's name, phone and unit. */
@Component({
  selector: 'fz-user-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, RoleAssignmentsComponent, FieldComponent],
  templateUrl: './user-editor.component.html',
})
export class UserEditorComponent implements OnInit {
  private readonly api = inject(UsersApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  /** The user to edit; absent to create one. */
  readonly user = input<UserDto | null>(null);
  readonly orgTree = input.required<readonly OrgTreeNode[]>();
  readonly roles = input.required<readonly RoleDto[]>();
  readonly saved = output<UserDto>();
  readonly closed = output<void>();

  protected readonly form = new FormGroup({
    username: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(64), Validators.pattern(/^[A-Za-z0-9_.-]+$/)],
    }),
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(64)] }),
    phone: new FormControl('', { nonNullable: true, validators: [phoneValidator] }),
    orgUnitId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH), passwordPolicyValidator(sibling('username'))],
    }),
    roles: new FormArray<AssignmentGroup>([]),
  });

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly hints = computed(() => passwordHints(this.value().password ?? '', this.value().username ?? ''));
  protected readonly orgNodes = computed(() => toTreeOptions(this.orgTree()));
  protected readonly editing = computed(() => this.user() !== null);
  protected readonly submission = new Submission(this.t);

  ngOnInit(): void {
    const user = this.user();
    if (user) {
      this.form.patchValue({ username: user.username, displayName: user.displayName, phone: user.phone ?? '', orgUnitId: user.orgUnitId });
      this.form.controls.username.disable();
      this.form.controls.password.disable();
      this.form.controls.roles.disable();
    }
    this.form.controls.username.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.form.controls.password.updateValueAndValidity({ emitEvent: false }));
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.submission.run(this.request(), (user) => this.saved.emit(user), this.form);
  }

  private request(): Observable<UserDto> {
    const raw = this.form.getRawValue();
    const phone = raw.phone.trim();
    const user = this.user();
    if (user) {
      return this.api.update(user.id, {
        version: user.version,
        displayName: raw.displayName.trim(),
        orgUnitId: raw.orgUnitId,
        ...(this.form.controls.phone.dirty && !phone.includes('*') ? { phone } : {}),
      });
    }
    return this.api.create({
      username: raw.username.trim(),
      displayName: raw.displayName.trim(),
      orgUnitId: raw.orgUnitId,
      password: raw.password,
      roles: this.form.controls.roles.controls.map(assignmentInput),
      ...(phone ? { phone } : {}),
    });
  }
}
