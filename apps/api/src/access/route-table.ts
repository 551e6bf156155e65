import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule, describeAccess } from './access.decorators';

export interface RouteAccess {
  method: string;
  path: string;
  access: string;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** A route as Nest registers it: its controller class and method, and the access rule it declares. */
export interface RouteHandler {
  controller: string;
  handler: string;
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

/** Every route of the application, by controller method (methods of base classes included). */
export function routeHandlers(app: INestApplication, prefix = 'api'): RouteHandler[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const out: RouteHandler[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const type = wrapper.metatype as (new (...a: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined) ?? '';
      const proto = type.prototype as Record<string, () => unknown>;
      // Methods of the class and of the classes it extends, as Nest registers them.
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, type]);
        for (const b of ([] as string[]).concat(base)) {
          for (const p of ([] as string[]).concat(path)) {
            out.push({ controller: type.name, handler: name, method: RequestMethod[method], path: join(prefix, b, p), rule });
          }
        }
      }
    }
  }
  return out;
}

/** Every route of the application with the access rule it declares (or UNDECLARED). */
export function routeTable(app: INestApplication, prefix = 'api'): RouteAccess[] {
  return routeHandlers(app, prefix)
    .map((r) => ({ method: r.method, path: r.path, access: describeAccess(r.rule) }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
