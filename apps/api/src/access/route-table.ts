import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule, describeAccess } from './access.decorators';

export interface RouteAccess {
  method: string;
  path: string;
  access: string;
}

const join = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;

/** Every route of the application with the access rule it declares (or UNDECLARED). */
export function routeTable(app: INestApplication, prefix = 'api'): RouteAccess[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const out: RouteAccess[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const type = wrapper.metatype as (new (...a: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base: string | string[] = Reflect.getMetadata(PATH_METADATA, type) ?? '';
      // Methods of the class and of the classes it extends, as Nest registers them.
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = type.prototype[name];
        const path: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, type]);
        for (const b of ([] as string[]).concat(base)) {
          for (const p of ([] as string[]).concat(path)) {
            out.push({ method: RequestMethod[method], path: join(prefix, b, p), access: describeAccess(rule) });
          }
        }
      }
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
