import type { DataScope } from '@fazhi/contracts';
import type { UserEntity } from '../org/user.entity';
import type { SessionEntity } from '../auth/auth.entities';
import type { ResolvedScope } from './data-scope';

export interface PrincipalAssignment {
  id: string;
  roleId: string;
  roleCode: string;
  roleName: string;
  roleNameEn: string;
  orgUnitId: string;
  scope: DataScope;
  villageIds: string[];
  permissions: string[];
}

/** The signed-in user of a request, resolved once by the guard. */
export interface Principal {
  user: UserEntity;
  session: SessionEntity;
  assignments: PrincipalAssignment[];
  permissions: Set<string>;
  scope: ResolvedScope;
  mustChangePassword: boolean;
  passwordExpiresAt: Date | null;
}
