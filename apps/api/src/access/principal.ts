import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ErrorCode } from '@fazhi/contracts';
import type { DataScope } from '@fazhi/contracts';
import type { Request } from 'express';
import { AppException } from '../common/app-exception';
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

/** The account of a principal as access decisions and services read it (the sign-in side loads the whole row). */
export interface PrincipalUser {
  id: string;
  username: string;
  orgUnitId: string;
  townId: string | null;
}

/** The session a principal signed in with. */
export interface PrincipalSession {
  id: string;
  expiresAt: Date;
}

/**
 * The signed-in user of a request, resolved once by the guard. The sign-in side, which loads it,
 * reads it with its own account and session rows (`U`, `S`).
 */
export interface Principal<U extends PrincipalUser = PrincipalUser, S extends PrincipalSession = PrincipalSession> {
  user: U;
  session: S;
  assignments: PrincipalAssignment[];
  permissions: Set<string>;
  scope: ResolvedScope;
  mustChangePassword: boolean;
  passwordExpiresAt: Date | null;
}

/** A request once the guard has resolved its principal (routes that are not public). */
export type PrincipalRequest = Request & { principal?: Principal };

/** The signed-in principal (routes that are not public). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<PrincipalRequest>();
  if (!req.principal) throw new AppException(401, ErrorCode.UNAUTHENTICATED, { zh: '请先登录', en: 'Please sign in' });
  return req.principal;
});
