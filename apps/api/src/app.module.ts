import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { CredentialsService } from './auth/credentials.service';
import { PasswordHistoryRepository } from './auth/password-history.repository';
import { LockoutRepository } from './auth/lockout.repository';
import { PasswordService } from './auth/password.service';
import { SecurityPolicyService } from './auth/security-policy.service';
import { SessionService } from './auth/session.service';
import { Clock, SystemClock } from './common/clock';
import { APP_LOGGER, HttpExceptionFilter } from './common/http-exception.filter';
import { RefusalAudit } from './common/refusal-audit';
import { AppLogger } from './common/logger';
import { APP_CONFIG, AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { LeanDataSource } from './database/lean-data-source';
import { featureModules } from './features';
import { entitiesOf } from './database/entities';
import { migrationsOf } from './database/migrations';
import type { LedgerDescriptor } from './ledger-core/kit/ledger';
import { LEDGERS } from './ledgers';
import { HealthController } from './health/health.controller';
import { AccountCredentials } from './org/account-credentials';
import { OrgUnitsController, RolesController, UsersController } from './org/org.controller';
import { OrgTreeService } from './org/org-tree.service';
import { OrgUnitsService } from './org/org-units.service';
import { RoleAssignmentsService } from './org/role-assignments.service';
import { RolesService } from './org/roles.service';
import { UsersRepository } from './org/users.repository';
import { UsersService } from './org/users.service';
import { SecurityController } from './security/security.controller';
import { SecurityService } from './security/security.service';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: AppLogger;
  clock?: Clock;
  /** The registered ledgers (`LEDGERS` unless a test adds its own). */
  ledgers?: readonly LedgerDescriptor[];
}

/** What every feature module may inject: configuration, clock, audit, role assignments and the org tree. */
const SHARED_PROVIDERS = [AuditRepository, AuditService, RoleAssignmentsService, OrgTreeService, PasswordService, SessionService, SecurityPolicyService];

@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const values = [
      { provide: APP_CONFIG, useValue: options.config },
      { provide: APP_LOGGER, useValue: options.logger },
      { provide: Clock, useValue: options.clock ?? new SystemClock() },
    ];
    // The error filter (common) records refusals through the audit log without importing it.
    const refusals = { provide: RefusalAudit, useExisting: AuditService };
    return {
      module: CoreModule,
      providers: [...values, ...SHARED_PROVIDERS, refusals],
      exports: [...values.map((v) => v.provide), ...SHARED_PROVIDERS, RefusalAudit],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const ledgers = options.ledgers ?? LEDGERS;
    const schema = { entities: entitiesOf(ledgers), migrations: migrationsOf(ledgers) };
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(options.databaseUrl, schema), migrationsRun: false }),
          dataSourceFactory: (o?: DataSourceOptions) => new LeanDataSource(o as DataSourceOptions).initialize(),
        }),
        CoreModule.forRoot(options),
        ...featureModules(ledgers),
      ],
      controllers: [HealthController, AuthController, OrgUnitsController, UsersController, RolesController, SecurityController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        LockoutRepository,
        PasswordHistoryRepository,
        SecurityService,
        AuthService,
        CredentialsService,
        // Account management (org) sets passwords and ends sessions through the sign-in side.
        { provide: AccountCredentials, useExisting: CredentialsService },
        OrgUnitsService,
        UsersRepository,
        UsersService,
        RolesService,
      ],
    };
  }
}
