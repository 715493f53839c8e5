import { rankCandidates } from '@shared/matching';
import type { TContextResponse, ZContextRequest } from '@shared/schemas';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { customers, messages, type threads } from '../../db/schema';
import type { Principal } from '../../lib/types';
import { findCustomerRow } from '../customers/get-customer';
import { getCustomerPanel } from '../customers/get-customer-panel';
import { getOrgSettings, todayIn } from '../org/get-org-settings';
import { loadPeople, personOf } from '../people/load-people';
import { messageKeyOf } from '../threads/message-key';
import { findMatchEvidence } from './find-match-evidence';

type ContextRequest = z.output<typeof ZContextRequest>;

/** An email in, everything the sidebar shows out: candidates, thread state and the chosen customer's panel. */
export async function getContext(db: Db, principal: Principal, request: ContextRequest): Promise<TContextResponse> {
  const { orgId } = principal;
  const org = await getOrgSettings(db, orgId);
  const asOf = request.asOf ?? todayIn(org.timeZone);
  const { evidence, threadRow } = await findMatchEvidence(db, orgId, request, {
    ownDomains: org.ownDomains,
    ownAddresses: [principal.email],
  });
  const ranking = rankCandidates(evidence);
  const candidateIds = ranking.candidates.slice(0, 10).map((c) => c.customerId);
  const names = candidateIds.length
    ? await db
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(and(eq(customers.orgId, orgId), inArray(customers.id, candidateIds)))
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));

  let selectedId: string | null = null;
  let selected: TContextResponse['match']['selected'] = null;
  if (request.customerId) {
    selectedId = (await findCustomerRow(db, orgId, request.customerId)).id;
    selected = 'explicit';
  } else if (threadRow) {
    selectedId = threadRow.customerId;
    selected = 'thread';
  } else if (ranking.bestCustomerId) {
    selectedId = ranking.bestCustomerId;
    selected = 'match';
  }

  const [thread, panel] = await Promise.all([
    threadRow ? describeThread(db, orgId, threadRow, request) : null,
    selectedId ? getCustomerPanel(db, orgId, selectedId, { asOf }) : null,
  ]);
  return {
    asOf,
    match: {
      candidates: ranking.candidates
        .filter((c) => nameOf.has(c.customerId))
        .map((c) => ({ customer: { id: c.customerId, name: nameOf.get(c.customerId) ?? '' }, score: c.score, reasons: c.reasons })),
      ambiguous: !request.customerId && !threadRow && ranking.ambiguous,
      selected,
    },
    thread,
    panel,
  };
}

async function describeThread(db: Db, orgId: string, row: typeof threads.$inferSelect, request: ContextRequest) {
  const key = request.internetMessageId ? messageKeyOf(request.provider, { internetMessageId: request.internetMessageId }) : null;
  const [[counted], [customer], people, [logged]] = await Promise.all([
    db.select({ n: count() }).from(messages).where(and(eq(messages.orgId, orgId), eq(messages.threadId, row.id))),
    db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.orgId, orgId), eq(customers.id, row.customerId))),
    loadPeople(db, orgId, [row.loggedBy]),
    key
      ? db.select({ id: messages.id }).from(messages).where(and(eq(messages.orgId, orgId), eq(messages.threadId, row.id), eq(messages.messageKey, key)))
      : Promise.resolve([undefined]),
  ]);
  return {
    id: row.id,
    customer: customer ?? { id: row.customerId, name: '' },
    loggedBy: personOf(people, row.loggedBy),
    loggedAt: row.loggedAt.toISOString(),
    messageCount: counted?.n ?? 0,
    messageLogged: key ? Boolean(logged) : null,
  };
}
