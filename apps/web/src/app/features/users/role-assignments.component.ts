import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { DATA_SCOPES, DATA_SCOPE_LABELS, DataScope, OrgTreeNode, RoleDto, dutyConflict } from '@fazhi/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { toTreeOptions, villagesUnder } from '../../shared/org-tree';
import { ZORRO_IMPORTS } from '../../shared/zorro';
import { AssignmentGroup, assignmentGroup } from './assignment-form';
import { FieldComponent } from '../../shared/field.component';

/** Edits a user's role assignments: role, org unit, data scope and (for `villages`) the villages. */
@Component({
  selector: 'fz-role-assignments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ZORRO_IMPORTS, FieldComponent],
  templateUrl: './role-assignments.component.html',
  styles: `
    .fz-assignment {
      position: relative;
      padding: 12px 40px 0 12px;
      margin-bottom: 12px;
      background: #fafafa;
      border: 1px solid #f0f0f0;
      border-radius: 6px;
    }
    .fz-assignment-remove {
      position: absolute;
      top: 8px;
      right: 4px;
    }
    .fz-assignment-alert {
      margin-bottom: 12px;
    }
  `,
})
export class RoleAssignmentsComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly array = input.required<FormArray<AssignmentGroup>>();
  readonly roles = input.required<readonly RoleDto[]>();
  readonly orgTree = input.required<readonly OrgTreeNode[]>();
  /** Org unit proposed for a new assignment. */
  readonly defaultOrgUnitId = input<string>('');

  protected readonly scopes = DATA_SCOPES;
  protected readonly orgNodes = computed(() => toTreeOptions(this.orgTree()));

  protected scopeLabel(scope: DataScope): string {
    return this.i18n.pick(DATA_SCOPE_LABELS[scope]);
  }

  protected roleName(role: RoleDto): string {
    return this.i18n.name(role.name, role.nameEn);
  }

  protected villages(group: AssignmentGroup): OrgTreeNode[] {
    return villagesUnder(this.orgTree(), group.controls.orgUnitId.value);
  }

  protected onRoleChange(group: AssignmentGroup, roleId: string): void {
    const role = this.roles().find((r) => r.id === roleId);
    if (role) group.controls.scope.setValue(role.defaultScope);
  }

  protected onScopeChange(group: AssignmentGroup): void {
    group.updateValueAndValidity();
  }

  protected add(): void {
    this.array().push(assignmentGroup({ orgUnitId: this.defaultOrgUnitId() }));
  }

  protected remove(index: number): void {
    this.array().removeAt(index);
  }

  /** Separation of duties across the chosen roles, as the API will judge it. */
  protected conflict(): boolean {
    const chosen = new Set(this.array().controls.map((group) => group.controls.roleId.value));
    const codes = this.roles()
      .filter((role) => chosen.has(role.id))
      .flatMap((role) => role.permissions);
    return dutyConflict(codes) !== null;
  }
}
