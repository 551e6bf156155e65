import { StreamableFile } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';

/**
 * The Express adapter with a direct path for JSON answers. Express's `res.json` copies every body of
 * 1,000 bytes or more into a Buffer and hashes it for an ETag; the API's answers are `no-store`, so no
 * client ever sends that ETag back. A handler's plain object or array is written as it is: the same
 * body, `Content-Type: application/json; charset=utf-8` and `Content-Length`, no ETag. Everything
 * else (files, streams, errors, empty bodies, 204 and 304, a type the handler chose) goes through
 * Express as before.
 */
export class JsonReplyAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    if (!isJsonAnswer(body) || response.getHeader('Content-Type') !== undefined) return super.reply(response, body, statusCode);
    const status = statusCode ?? response.statusCode;
    if (status === 204 || status === 304) return super.reply(response, body, statusCode);
    response.statusCode = status;
    const json = JSON.stringify(body);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(json));
    // Node leaves out the body of an answer to HEAD by itself.
    return response.end(json);
  }
}

function isJsonAnswer(body: unknown): body is object {
  return typeof body === 'object' && body !== null && !(body instanceof StreamableFile) && !(body instanceof Error) && !Buffer.isBuffer(body) && !(body instanceof Uint8Array);
}
