import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access/access.service';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { PasswordHistoryRepository } from './auth/password-history.repository';
import { LockoutRepository } from './auth/lockout.repository';
import { PasswordService } from './auth/password.service';
import { SessionService } from './auth/session.service';
import { Clock, SystemClock } from './common/clock';
import { APP_LOGGER, HttpExceptionFilter } from './common/http-exception.filter';
import { AppLogger } from './common/logger';
import { APP_CONFIG, AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { featureModules } from './features';
import { entitiesOf } from './database/entities';
import { migrationsOf } from './database/migrations';
import type { LedgerDescriptor } from './ledger-core/kit/ledger';
import { LEDGERS } from './ledgers';
import { HealthController } from './health/health.controller';
import { OrgUnitsController, RolesController, UsersController } from './org/org.controller';
import { OrgTreeService } from './org/org-tree.service';
import { OrgUnitsService } from './org/org-units.service';
import { RolesService } from './org/roles.service';
import { UsersRepository } from './org/users.repository';
import { UsersService } from './org/users.service';
import { SecurityController } from './security/security.controller';
import { SecurityPolicyService } from './security/security-policy.service';
import { SecurityService } from './security/security.service';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: AppLogger;
  clock?: Clock;
  /** The registered ledgers (`LEDGERS` unless a test adds its own). */
  ledgers?: readonly LedgerDescriptor[];
}

/** What every feature module may inject: configuration, clock, audit, access and the org tree. */
const SHARED_PROVIDERS = [AuditRepository, AuditService, AccessService, OrgTreeService, PasswordService, SessionService, SecurityPolicyService];

@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const values = [
      { provide: APP_CONFIG, useValue: options.config },
      { provide: APP_LOGGER, useValue: options.logger },
      { provide: Clock, useValue: options.clock ?? new SystemClock() },
    ];
    return { module: CoreModule, providers: [...values, ...SHARED_PROVIDERS], exports: [...values.map((v) => v.provide), ...SHARED_PROVIDERS] };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const ledgers = options.ledgers ?? LEDGERS;
    const schema = { entities: entitiesOf(ledgers), migrations: migrationsOf(ledgers) };
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl, schema), migrationsRun: false }), CoreModule.forRoot(options), ...featureModules(ledgers)],
      controllers: [HealthController, AuthController, OrgUnitsController, UsersController, RolesController, SecurityController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        LockoutRepository,
        PasswordHistoryRepository,
        SecurityService,
        AuthService,
        OrgUnitsService,
        UsersRepository,
        UsersService,
        RolesService,
      ],
    };
  }
}
