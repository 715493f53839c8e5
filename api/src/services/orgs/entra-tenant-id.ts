import { AppError } from '../../lib/errors';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A Microsoft Entra tenant (directory) id in the lower-case form tokens carry, or a validation error. */
export function normalizeEntraTenantId(value: string): string {
  const tenantId = value.trim().toLowerCase();
  if (!GUID.test(tenantId)) throw new AppError('validation_failed', `entraTenantId: "${value}" is not a tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47)`);
  return tenantId;
}
