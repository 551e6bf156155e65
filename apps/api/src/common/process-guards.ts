import type { Response } from 'express';
import { AppLogger } from './logger';
import { requestContext } from './request-context';

/** An error as a log field: name, message, code and stack, or the thrown value as text. */
export function describeError(error: unknown): Record<string, unknown> | string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return { name: error.name, message: error.message, ...(code ? { code } : {}), stack: error.stack };
}

/** Ends a response that can no longer carry an answer (its headers are out): the client sees it cut, never complete. */
export function endResponse(res: Response): void {
  if (!res.writableEnded && !res.destroyed) res.destroy();
}

/**
 * Keeps the process up through an unhandled rejection or an uncaught exception: both are logged
 * with the request id of the request they came from (or none), and nothing exits. Answers the
 * function that removes the handlers.
 */
export function guardProcess(logger: AppLogger, proc: NodeJS.EventEmitter = process): () => void {
  const onRejection = (reason: unknown) => logger.error({ requestId: requestContext.get()?.requestId, err: describeError(reason) }, 'unhandled rejection');
  const onException = (error: unknown, origin?: string) => logger.error({ requestId: requestContext.get()?.requestId, origin, err: describeError(error) }, 'uncaught exception');
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
