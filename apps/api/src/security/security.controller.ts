import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEntryDto, LockedAccountDto, LoginHistoryEntry, Page, SecurityPolicyDto } from '@fazhi/contracts';
import { RequirePermission } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { SecurityPolicyService } from '../auth/security-policy.service';
import { pageOf } from '../common/pagination';
import { AuditLogQuery, LoginHistoryQuery, SecurityPolicyInput } from './security.dto';
import { SecurityService } from './security.service';

@ApiTags('security')
@Controller()
export class SecurityController {
  constructor(
    private readonly policies: SecurityPolicyService,
    private readonly security: SecurityService,
    private readonly audit: AuditService,
  ) {}

  @RequirePermission('security.policy')
  @Get('security/policy')
  policy(): Promise<SecurityPolicyDto> {
    return this.policies.get();
  }

  @RequirePermission('security.policy')
  @Put('security/policy')
  setPolicy(@Body() body: SecurityPolicyInput): Promise<SecurityPolicyDto> {
    const { version, ...policy } = body;
    return this.policies.update(version, policy);
  }

  @RequirePermission('security.unlock')
  @Get('security/locks')
  locks(@CurrentPrincipal() p: Principal): Promise<LockedAccountDto[]> {
    return this.security.locks(p);
  }

  @RequirePermission('security.unlock')
  @Post('security/locks/:username/unlock')
  @HttpCode(204)
  unlock(@CurrentPrincipal() p: Principal, @Param('username') username: string): Promise<void> {
    return this.security.unlock(p, username);
  }

  @RequirePermission('security.login_history', 'audit.login_history')
  @Get('login-history')
  loginHistory(@CurrentPrincipal() p: Principal, @Query() q: LoginHistoryQuery): Promise<Page<LoginHistoryEntry>> {
    return this.security.loginHistory(p, q);
  }

  @RequirePermission('audit.read')
  @Get('audit-log')
  auditLog(@CurrentPrincipal() p: Principal, @Query() q: AuditLogQuery): Promise<Page<AuditEntryDto>> {
    const { page, pageSize, offset } = pageOf(q);
    return this.audit.list(
      {
        townIds: p.scope.townIds,
        includeUnassigned: p.scope.upperUnitIds.length > 0,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        username: q.username,
        action: q.action,
        entity: q.entity,
        entityId: q.entityId,
        outcome: q.outcome,
        offset,
        limit: pageSize,
      },
      page,
      pageSize,
    );
  }
}
