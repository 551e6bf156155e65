import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '../config/config';
import { toErrorBody } from './error-body';
import { AppLogger } from './logger';
import { describeError, endResponse } from './process-guards';
import { requestContext } from './request-context';
import { InputGuardPipe } from './input-guard';
import { createValidationPipe } from './validation';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The client's address as the trusted proxies tell it, when that is an IP address; the connecting one otherwise. */
function clientAddress(req: Request): string | null {
  return req.ip && isIP(req.ip) ? req.ip : (req.socket.remoteAddress ?? null);
}

/** Express-level setup shared by the server and the tests: headers, body limits, context, docs, web. */
const API_PATH = /^\/api(\/|$)/;

export function configureHttp(app: NestExpressApplication, config: AppConfig, logger: AppLogger): void {
  const http = app.getHttpAdapter().getInstance();
  http.disable('x-powered-by');
  // A hop count or the proxies' addresses, never `true` (which would believe any client).
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=()');
    if (!req.path.startsWith('/api/docs')) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    if (config.cookieSecure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (req.path.startsWith('/api')) res.setHeader('Cache-Control', 'no-store');
    const language: 'zh' | 'en' = /^en/i.test(req.header('accept-language') ?? '') ? 'en' : 'zh';
    const started = process.hrtime.bigint();
    // The request line is an info message: no listener at all when the level leaves it out.
    if (logger.isLevelEnabled('info'))
      res.on('finish', () => {
        if (!req.path.startsWith('/api')) return;
        const ctx = requestContext.get();
        logger.info(
          {
            requestId,
            method: req.method,
            path: req.path,
            status: res.statusCode,
            ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
            userId: ctx?.actor?.userId,
          },
          'request',
        );
      });
    requestContext.run({ requestId, address: clientAddress(req), userAgent: req.header('user-agent') ?? null, language }, () => next());
  });
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(cookieParser());
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const ctx = requestContext.get();
    if (res.headersSent) {
      logger.debug({ requestId: ctx?.requestId, err: describeError(err) }, 'response ended early');
      return endResponse(res);
    }
    const { status, body } = toErrorBody(err, ctx?.requestId ?? '-', ctx?.language ?? 'zh');
    res.status(status).json(body);
  });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());

  if (fs.existsSync(path.join(config.webDist, 'index.html'))) {
    const index = path.join(config.webDist, 'index.html');
    const files = express.static(config.webDist, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    });
    // The API's paths are the API's: no file answers for them, and no request to it looks at the disk.
    http.use((req: Request, res: Response, next: NextFunction) => (API_PATH.test(req.path) ? next() : files(req, res, next)));
    http.get(/^\/(?!api(\/|$)).*/, (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || path.extname(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
}
