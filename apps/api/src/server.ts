import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, AppModuleOptions } from './app.module';
import { AuditService } from './audit/audit.service';
import { configureHttp } from './common/http-setup';
import { JsonReplyAdapter } from './common/json-reply';
import { NestPinoLogger } from './common/logger';
import { serveApiDocs } from './openapi/api-document';

/** Builds the Nest application (used by the server and by the API tests). */
export async function createApp(options: AppModuleOptions & { sealIntervalMs?: number }): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config: options.config, databaseUrl: options.databaseUrl, logger: options.logger, clock: options.clock, ledgers: options.ledgers }),
    new JsonReplyAdapter(),
    { bodyParser: false, logger: new NestPinoLogger(options.logger), abortOnError: false },
  );
  configureHttp(app, options.config, options.logger);
  if (options.config.apiDocs) serveApiDocs(app);
  await app.init();
  if (options.sealIntervalMs) app.get(AuditService).startSealer(options.sealIntervalMs);
  return app;
}
