import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@fazhi/contracts';
import type { Request } from 'express';
import { ACCESS_KEY, AccessRule, permits } from '../access/access.decorators';
import { PrincipalRequest } from '../access/principal';
import { AppException, forbidden } from '../common/app-exception';
import { requestContext } from '../common/request-context';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session.service';

export function tokenOf(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const cookies = req.cookies as Record<string, string> | undefined;
  return cookies?.[SESSION_COOKIE] || null;
}

/**
 * Global guard: every route declares `@Public()`, `@Authenticated()` or `@RequirePermission()`;
 * a route that declares none is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** Each route's access rule, read from its metadata once (by controller class, then handler: kit controllers share handlers). */
  private readonly rules = new WeakMap<object, WeakMap<object, AccessRule | null>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  private ruleOf(context: ExecutionContext): AccessRule | null {
    const [handler, cls] = [context.getHandler(), context.getClass()];
    let byHandler = this.rules.get(cls);
    if (!byHandler) this.rules.set(cls, (byHandler = new WeakMap()));
    let rule = byHandler.get(handler);
    if (rule === undefined) byHandler.set(handler, (rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, cls]) ?? null));
    return rule;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.ruleOf(context);
    if (!rule) throw forbidden({ zh: '该接口未声明访问权限', en: 'This route declares no access rule' });
    if (rule.kind === 'public') return true;

    const req = context.switchToHttp().getRequest<PrincipalRequest>();
    const token = tokenOf(req);
    if (!token) throw new AppException(401, ErrorCode.UNAUTHENTICATED, { zh: '请先登录', en: 'Please sign in' });
    const result = await this.auth.principalFor(token);
    if ('error' in result) {
      throw result.error === 'expired'
        ? new AppException(401, ErrorCode.SESSION_EXPIRED, { zh: '登录已过期，请重新登录', en: 'Your session has ended; please sign in again' })
        : new AppException(401, ErrorCode.UNAUTHENTICATED, { zh: '请先登录', en: 'Please sign in' });
    }
    req.principal = result;
    const ctx = requestContext.get();
    if (ctx) ctx.actor = { userId: result.user.id, username: result.user.username, townId: result.user.townId, sessionId: result.session.id };

    if (result.mustChangePassword && !(rule.kind === 'authenticated' && rule.duringPasswordChange)) {
      throw new AppException(403, ErrorCode.PASSWORD_CHANGE_REQUIRED, { zh: '请先修改密码', en: 'Change your password first' });
    }
    if (rule.kind === 'permission' && !permits(rule, result.permissions)) {
      throw forbidden();
    }
    return true;
  }
}
