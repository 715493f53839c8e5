import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, organizations } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { findOrganizationBySlug } from './create-organization';
import { normalizeEntraTenantId } from './entra-tenant-id';

/** Connects an organisation to its Microsoft Entra tenant (null disconnects), so Outlook SSO tokens of that tenant map to its users. */
export async function setEntraTenant(db: Db, input: { slug: string; tenantId: string | null }, actorLabel = 'cli') {
  const org = await findOrganizationBySlug(db, input.slug);
  const tenantId = input.tenantId === null ? null : normalizeEntraTenantId(input.tenantId);
  if (tenantId) {
    const [taken] = await db
      .select({ slug: organizations.slug })
      .from(organizations)
      .where(and(eq(organizations.entraTenantId, tenantId), ne(organizations.id, org.id)));
    if (taken) throw new AppError('conflict', `Tenant ${tenantId} is already connected to organisation "${taken.slug}"`);
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(organizations).set({ entraTenantId: tenantId }).where(eq(organizations.id, org.id)).returning();
    if (!updated) throw new Error('update returned nothing');
    await tx.insert(auditLog).values({
      orgId: org.id,
      actorLabel,
      action: 'organization.entra_tenant_set',
      entityType: 'organization',
      entityId: org.id,
      before: { entraTenantId: org.entraTenantId },
      after: { entraTenantId: tenantId },
    });
    return updated;
  });
}
