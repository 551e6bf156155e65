import { ChangeDetectionStrategy, Component, OnInit, inject, input, output } from '@angular/core';
import { FormArray, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { OrgTreeNode, RoleDto, UserDto } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { revealErrors } from '../../shared/form-errors';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AssignmentGroup, assignmentFromDto, assignmentInput } from './assignment-form';
import { RoleAssignmentsComponent } from './role-assignments.component';
import { UsersApi } from './users.api';
import { Submission } from '../../shared/api-error-message';

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
      [nzOkLoading]="submission.busy()"
      (nzOnOk)="submit()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        @if (submission.error(); as message) {
          <nz-alert class="fz-block" nzType="error" nzShowIcon [nzMessage]="message" data-test="form-error" />
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" data-test="roles-form">
          <fz-role-assignments [array]="form.controls.roles" [roles]="roles()" [orgTree]="orgTree()" [defaultOrgUnitId]="user().orgUnitId" />
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
  protected readonly submission = new Submission(this.t);

  ngOnInit(): void {
    for (const assignment of this.user().roles) this.form.controls.roles.push(assignmentFromDto(assignment));
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const user = this.user();
    this.submission.run(this.api.setRoles(user.id, user.version, this.form.controls.roles.controls.map(assignmentInput)), (updated) => this.saved.emit(updated), this.form);
  }
}
