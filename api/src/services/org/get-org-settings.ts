import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organizations } from '../../db/schema';
import { notFound } from '../../lib/errors';

export interface OrgSettings {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  ownDomains: string[];
  typicalDelayDays: number;
}

/** The columns of `OrgSettings`, for queries that read them alongside something else (the token look-up). */
export const orgSettingsColumns = {
  id: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  timeZone: organizations.timeZone,
  ownDomains: organizations.ownDomains,
  typicalDelayDays: organizations.typicalDelayDays,
};

/** The organisation's settings that shape AR views and matching. */
export async function getOrgSettings(db: Db, orgId: string): Promise<OrgSettings> {
  const [org] = await db.select(orgSettingsColumns).from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw notFound('Organization');
  return org;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's business date in a time zone, `YYYY-MM-DD` (formatters are built once per zone: building one costs more than a query). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}
