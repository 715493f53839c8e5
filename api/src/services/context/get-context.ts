import { rankCandidates } from '@shared/matching';
import type { TContextResponse, TPersonRef, ZContextRequest } from '@shared/schemas';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { jsonValue, oneRow } from '../../db/rows';
import type { Principal } from '../../lib/types';
import { getCustomerPanel } from '../customers/get-customer-panel';
import { getOrgSettings, todayIn } from '../org/get-org-settings';
import { personJson } from '../people/load-people';
import { messageKeyOf } from '../threads/message-key';
import { findMatchEvidence, type LoggedThreadFacts } from './find-match-evidence';

type ContextRequest = z.output<typeof ZContextRequest>;

/** An email in, everything the sidebar shows out: candidates, thread state and the chosen customer's panel. */
export async function getContext(db: Db, principal: Principal, request: ContextRequest): Promise<TContextResponse> {
  const { orgId } = principal;
  const org = principal.org ?? (await getOrgSettings(db, orgId));
  const asOf = request.asOf ?? todayIn(org.timeZone);
  const { evidence, threadRow, customerNames: nameOf } = await findMatchEvidence(db, orgId, request, {
    ownDomains: org.ownDomains,
    ownAddresses: [principal.email],
  });
  const ranking = rankCandidates(evidence);

  let selectedId: string | null = null;
  let selected: TContextResponse['match']['selected'] = null;
  if (request.customerId) {
    selectedId = request.customerId; // the panel answers 404 for a missing or foreign id
    selected = 'explicit';
  } else if (threadRow) {
    selectedId = threadRow.customerId;
    selected = 'thread';
  } else if (ranking.bestCustomerId) {
    selectedId = ranking.bestCustomerId;
    selected = 'match';
  }

  const [thread, panel] = await Promise.all([
    threadRow ? describeThread(db, orgId, threadRow, nameOf.get(threadRow.customerId) ?? '', request) : null,
    selectedId ? getCustomerPanel(db, orgId, selectedId, { asOf, org }) : null,
  ]);
  return {
    asOf,
    match: {
      candidates: ranking.candidates
        .slice(0, 10)
        .filter((c) => nameOf.has(c.customerId))
        .map((c) => ({ customer: { id: c.customerId, name: nameOf.get(c.customerId) ?? '' }, score: c.score, reasons: c.reasons })),
      ambiguous: !request.customerId && !threadRow && ranking.ambiguous,
      selected,
    },
    thread,
    panel,
  };
}

async function describeThread(db: Db, orgId: string, row: LoggedThreadFacts, customerName: string, request: ContextRequest) {
  const key = request.internetMessageId ? messageKeyOf(request.provider, { internetMessageId: request.internetMessageId }) : null;
  // One statement: who logged the thread, and whether this message is in it.
  const facts = await oneRow<{ loggedBy: unknown; logged: boolean | null }>(
    db,
    sql`select ${personJson(orgId, sql`${row.loggedBy}::uuid`)} as "loggedBy",
      ${key ? sql`exists (select 1 from messages m where m.org_id = ${orgId} and m.thread_id = ${row.id} and m.message_key = ${key})` : sql`null::boolean`} as logged`,
  );
  return {
    id: row.id,
    customer: { id: row.customerId, name: customerName },
    loggedBy: jsonValue<TPersonRef | null>(facts.loggedBy, null),
    loggedAt: row.loggedAt.toISOString(),
    messageCount: row.messageCount,
    messageLogged: key ? Boolean(facts.logged) : null,
  };
}
