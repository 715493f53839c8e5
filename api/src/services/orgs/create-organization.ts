import { eq } from 'drizzle-orm';
import { isIsoCurrency } from '@shared/money';
import type { Db } from '../../db/client';
import { auditLog, organizations } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { normalizeEntraTenantId } from './entra-tenant-id';

export interface CreateOrganizationInput {
  slug: string;
  name: string;
  timeZone?: string;
  baseCurrency?: string;
  ownDomains?: string[];
  /** Microsoft Entra tenant id: Outlook SSO tokens of this tenant map to the org's users. */
  entraTenantId?: string;
}

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Creates an organisation; the slug is its handle in the CLI. */
export async function createOrganization(db: Db, input: CreateOrganizationInput, actorLabel = 'cli') {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug)) throw new AppError('validation_failed', 'slug: lower-case letters, digits and dashes, 2–63 characters');
  if (input.timeZone && !isTimeZone(input.timeZone)) throw new AppError('validation_failed', `timeZone: ${input.timeZone} is not an IANA time zone`);
  if (input.baseCurrency !== undefined && !isIsoCurrency(input.baseCurrency)) throw new AppError('validation_failed', `baseCurrency: ${input.baseCurrency} is not an ISO 4217 currency code`);
  const entraTenantId = input.entraTenantId === undefined ? null : normalizeEntraTenantId(input.entraTenantId);
  if (entraTenantId) {
    const [taken] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.entraTenantId, entraTenantId));
    if (taken) throw new AppError('conflict', `Tenant ${entraTenantId} is already connected to organisation "${taken.slug}"`);
  }
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, input.slug));
  if (existing) throw new AppError('conflict', `An organisation with slug "${input.slug}" already exists`);
  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({
        slug: input.slug,
        name: input.name,
        timeZone: input.timeZone ?? 'UTC',
        baseCurrency: input.baseCurrency ?? 'USD',
        ownDomains: (input.ownDomains ?? []).map((d) => d.toLowerCase()),
        entraTenantId,
      })
      .returning();
    if (!org) throw new Error('insert returned nothing');
    await tx.insert(auditLog).values({ orgId: org.id, actorLabel, action: 'organization.created', entityType: 'organization', entityId: org.id, after: { slug: org.slug, name: org.name } });
    return org;
  });
}

/** The organisation with this slug, or a not-found error. */
export async function findOrganizationBySlug(db: Db, slug: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  if (!org) throw new AppError('not_found', `No organisation with slug "${slug}"`);
  return org;
}
