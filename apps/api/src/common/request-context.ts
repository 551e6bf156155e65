import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  userId: string;
  username: string;
  townId: string | null;
  sessionId: string;
}

export interface RequestContext {
  requestId: string;
  address: string | null;
  userAgent: string | null;
  language: 'zh' | 'en';
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
};
