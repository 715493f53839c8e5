/**
 * Demo data: the Northwind Supply Co. organisation with a year of realistic receivables,
 * every date relative to an as-of date so the demo always looks current.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, organizations } from '../db/schema';
import { DEMO_ORG } from './demo-directory';
import { insertPlan } from './insert-plan';
import { planDemo, todayUtc } from './plan-demo';

export interface SeedDemoOptions {
  /** The business date the demo is built around, `YYYY-MM-DD`; default today (UTC). */
  asOf?: string;
  /** The organisation's slug; default `demo`. */
  slug?: string;
}

export interface SeedDemoResult {
  orgId: string;
  /** False when an organisation with the slug already existed: nothing was changed. */
  created: boolean;
}

/** Creates the demo organisation and its data in one transaction, unless the slug is already taken. */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const slug = options.slug ?? DEMO_ORG.slug;
  const plan = planDemo(options.asOf ?? todayUtc());

  const result = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [org] = await tx
      .insert(organizations)
      .values({
        slug,
        name: DEMO_ORG.name,
        timeZone: DEMO_ORG.timeZone,
        baseCurrency: DEMO_ORG.baseCurrency,
        ownDomains: [...DEMO_ORG.ownDomains],
        typicalDelayDays: DEMO_ORG.typicalDelayDays,
      })
      // Two processes seeding at once: the loser sees the winner's org and changes nothing.
      .onConflictDoNothing({ target: organizations.slug })
      .returning({ id: organizations.id });
    if (!org) {
      const [existing] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
      if (!existing) throw new Error(`Organisation ${slug} vanished while seeding`);
      return { orgId: existing.id, created: false };
    }

    await insertPlan(tx, org.id, plan);
    await tx.insert(auditLog).values({
      orgId: org.id,
      actorLabel: 'system',
      action: 'demo.seeded',
      entityType: 'organization',
      entityId: org.id,
      after: {
        asOf: plan.asOf,
        customers: plan.customers.length,
        invoices: plan.ledger.invoices.length,
        payments: plan.ledger.payments.length,
      },
    });
    return { orgId: org.id, created: true };
  });
  // Fresh tables have no statistics until autovacuum gets round to them, and with none the planner guesses badly.
  if (result.created) await db.execute(sql`analyze`);
  return result;
}
