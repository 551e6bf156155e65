import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { FormArray, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { OrgTreeNode, RoleDto, UserDto } from '@fazhi/contracts';
import { apiError, applyFieldErrors } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AssignmentGroup, assignmentFromDto, assignmentInput } from './assignment-form';
import { RoleAssignmentsComponent } from './role-assignments.component';
import { UsersApi } from './users.api';

/** Modal to replace a user's role assignments (PUT /api/users/:id/roles). */
@Component({
  selector: 'fz-user-roles',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, RoleAssignmentsComponent],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="t('users.rolesTitle', { name: user().displayName })"
      [nzWidth]="720"
      [nzMaskClosable]="false"
      [nzOkText]="t('common.save')"
      [nzCancelText]="t('common.cancel')"
      [nzOkLoading]="submitting()"
      (nzOnOk)="submit()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        @if (error(); as message) {
          <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" data-test="form-error" />
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" data-test="roles-form">
          <fz-role-assignments
            [array]="form.controls.roles"
            [roles]="roles()"
            [orgTree]="orgTree()"
            [defaultOrgUnitId]="user().orgUnitId"
          />
        </form>
      </ng-container>
    </nz-modal>
  `,
})
export class UserRolesComponent implements OnInit {
  private readonly api = inject(UsersApi);
  protected readonly t = inject(I18nService).t;

  readonly user = input.required<UserDto>();
  readonly orgTree = input.required<readonly OrgTreeNode[]>();
  readonly roles = input.required<readonly RoleDto[]>();
  readonly saved = output<UserDto>();
  readonly closed = output<void>();

  protected readonly form = new FormGroup({ roles: new FormArray<AssignmentGroup>([]) });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    for (const assignment of this.user().roles) this.form.controls.roles.push(assignmentFromDto(assignment));
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const user = this.user();
    this.submitting.set(true);
    this.error.set(null);
    this.api.setRoles(user.id, user.version, this.form.controls.roles.controls.map(assignmentInput)).subscribe({
      next: (updated) => {
        this.submitting.set(false);
        this.saved.emit(updated);
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        const body = apiError(err);
        const unmatched = applyFieldErrors(this.form, body?.errors);
        if (!body?.errors?.length || unmatched.length > 0) {
          this.error.set([body?.message ?? this.t('error.network'), ...unmatched.map((e) => e.message)].join(' '));
        }
      },
    });
  }
}
