import { ArgumentsHost, Catch, ExceptionFilter, Inject, Injectable } from '@nestjs/common';
import type { AuditOutcome } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './error-body';
import { describeError, endResponse } from './process-guards';
import { AppLogger } from './logger';
import { RefusalAudit } from './refusal-audit';
import { requestContext } from './request-context';

export const APP_LOGGER = Symbol('APP_LOGGER');

const OUTCOMES: Record<number, AuditOutcome> = { 400: 'invalid', 403: 'denied', 404: 'not_found', 409: 'conflict', 413: 'invalid', 415: 'invalid', 422: 'invalid' };
const SELF_AUDITED = ['/api/auth/login', '/api/auth/token'];

/** A path value as the audit row may hold it: no NUL (PostgreSQL refuses one), at most 64 characters. */
const storable = (value: string | undefined): string | null => (value ? value.replaceAll('\u0000', '').slice(0, 64) : null);

/**
 * The one error filter: answers `{ statusCode, code, message, errors?, requestId }` and records
 * refused and failed changes (and every permission denial) in the audit log.
 */
@Catch()
@Injectable()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly audit: RefusalAudit,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  /** Never rejects: Nest does not await a filter, so a rejection here would be unhandled. */
  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const requestId = requestContext.get()?.requestId ?? '-';
    try {
      await this.answer(exception, http.getRequest<Request>(), res, requestId);
    } catch (e) {
      // Building the answer failed: a plain 500, or only the end once headers are out.
      this.logger.error({ requestId, err: describeError(e) }, 'error answer failed');
      try {
        if (res.headersSent) endResponse(res);
        else res.status(500).json(toErrorBody(null, requestId, requestContext.get()?.language ?? 'zh').body);
      } catch {
        endResponse(res);
      }
    }
  }

  private async answer(exception: unknown, req: Request, res: Response, requestId: string): Promise<void> {
    if (res.headersSent) {
      // A download that had begun (the client went away, or the writer failed): only end it.
      this.logger.debug({ requestId, err: describeError(exception) }, 'response ended early');
      endResponse(res);
      return;
    }
    const { status, body } = toErrorBody(exception, requestId, requestContext.get()?.language ?? 'zh');
    if (status >= 500) {
      this.logger.error({ requestId, err: describeError(exception) }, 'request failed');
    } else if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as { code?: string; constraint?: string };
      this.logger.warn({ requestId, code: pg.code, constraint: pg.constraint }, 'database refused the request');
    }
    const mutating = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    const outcome: AuditOutcome | undefined = status >= 500 ? 'failure' : OUTCOMES[status];
    const path = req.originalUrl.split('?')[0];
    if (outcome && (mutating || status === 403) && !SELF_AUDITED.includes(path)) {
      const route = (req.route as { path?: string } | undefined)?.path ?? path;
      const entity = route.replace(/^\/api\//, '').split('/')[0] || null;
      const params = req.params as Record<string, string> | undefined;
      await this.audit.recordOutside({
        action: `${req.method.toLowerCase()} ${route}`.slice(0, 64),
        entity,
        entityId: storable(params?.id ?? params?.username),
        outcome,
        detail: { status, code: body.code, message: body.message, ...(body.errors ? { errors: body.errors.map((e) => `${e.path}:${e.code}`) } : {}) },
      });
    }
    if (status === 429 && typeof body.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(body.retryAfterSeconds));
    if (res.headersSent) endResponse(res);
    else res.status(status).json(body);
  }
}
