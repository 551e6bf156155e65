import type { Type } from '@nestjs/common';

/** The ledger-core and ledger feature modules, each self-contained. Add new ones here. */
export const FEATURE_MODULES: Type<unknown>[] = [];
