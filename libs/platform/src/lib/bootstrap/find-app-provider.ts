import type { ModuleRef } from '@nestjs/core';

/**
 * A provider the service may declare anywhere in its module tree (not only in modules the platform
 * imports), or undefined when it declares none.
 */
export function findAppProvider<T>(moduleRef: ModuleRef, token: symbol): T | undefined {
  try {
    return moduleRef.get<T>(token, { strict: false });
  } catch {
    return undefined;
  }
}
