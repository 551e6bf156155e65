import { AbstractControl, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import { DataScope, RoleAssignmentDto, RoleAssignmentInput } from '@fazhi/contracts';

export type AssignmentGroup = FormGroup<{
  roleId: FormControl<string>;
  orgUnitId: FormControl<string>;
  scope: FormControl<DataScope>;
  villageIds: FormControl<string[]>;
}>;

/** A `villages` scope names at least one village. */
function villagesChosen(group: AbstractControl): ValidationErrors | null {
  const scope = group.get('scope')?.value as DataScope | undefined;
  const villages = group.get('villageIds')?.value as string[] | undefined;
  return scope === 'villages' && (!villages || villages.length === 0) ? { villages: true } : null;
}

export function assignmentGroup(value: Partial<RoleAssignmentInput> = {}): AssignmentGroup {
  return new FormGroup(
    {
      roleId: new FormControl(value.roleId ?? '', { nonNullable: true, validators: [Validators.required] }),
      orgUnitId: new FormControl(value.orgUnitId ?? '', { nonNullable: true, validators: [Validators.required] }),
      scope: new FormControl<DataScope>(value.scope ?? 'town', { nonNullable: true, validators: [Validators.required] }),
      villageIds: new FormControl<string[]>(value.villageIds ?? [], { nonNullable: true }),
    },
    { validators: villagesChosen },
  );
}

export function assignmentFromDto(dto: RoleAssignmentDto): AssignmentGroup {
  return assignmentGroup({ roleId: dto.roleId, orgUnitId: dto.orgUnitId, scope: dto.scope, villageIds: dto.villageIds });
}

export function assignmentInput(group: AssignmentGroup): RoleAssignmentInput {
  const { roleId, orgUnitId, scope, villageIds } = group.getRawValue();
  return scope === 'villages' ? { roleId, orgUnitId, scope, villageIds } : { roleId, orgUnitId, scope };
}
