/**
 * GET /sandbox/gmail: the real contextual and compose cards of every demo mailbox
 * message, produced by the same handlers Google calls (the demo admin as the user,
 * the demo mailbox instead of the Gmail API), rendered as escaped HTML.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../api/src/db/client';
import { organizations, users } from '../../../api/src/db/schema';
import type { Principal } from '../../../api/src/lib/types';
import { demoMailbox, type DemoMailboxItem } from '../../../api/src/seed/demo-mailbox';
import { DEMO_ORG } from '../../../api/src/seed/demo-directory';
import { createActionLinker } from '../action-linker';
import type { TGmailEvent } from '../event';
import { handleComposeOpen } from '../handlers/compose-open';
import type { GmailHandlerContext } from '../handlers/context';
import { handleInsertStatement } from '../handlers/insert-statement';
import { handleMessageOpen } from '../handlers/message-open';
import { composeContext, recipientsOf } from '../handlers/views';
import { escapeHtml as esc } from '../preview/formatted-text';
import { renderCardPreviewHtml } from '../preview/render-card-preview';
import { demoMailReader } from './demo-mail-reader';
import { SANDBOX_STYLE } from './sandbox-style';

/** The demo organisation's first admin, as a Gmail user; null when there is no demo organisation. */
async function demoAdmin(db: Db): Promise<Principal | null> {
  const [row] = await db
    .select({ userId: users.id, orgId: users.orgId, email: users.email, name: users.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(organizations.slug, DEMO_ORG.slug), eq(users.role, 'admin')))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return row ? { ...row, role: 'admin', via: 'google' } : null;
}

const eventFor = (item: DemoMailboxItem): TGmailEvent => ({
  commonEventObject: { hostApp: 'GMAIL', platform: 'WEB' },
  authorizationEventObject: {},
  gmail:
    item.mode === 'compose'
      ? { toRecipients: item.to.map((a) => a.address), ccRecipients: item.cc.map((a) => a.address) }
      : { messageId: item.id, threadId: item.conversationId },
});

/** One demo item: its card, and for drafts what "Insert statement" would put into the body. */
async function renderItem(item: DemoMailboxItem, ctx: GmailHandlerContext): Promise<string> {
  const event = eventFor(item);
  const cards = [renderCardPreviewHtml(item.mode === 'read' ? await handleMessageOpen(event, ctx) : await handleComposeOpen(event, ctx))];
  if (item.mode === 'compose') {
    const context = await composeContext(ctx, recipientsOf(event));
    if (context.panel) cards.push(renderCardPreviewHtml(await handleInsertStatement(event, { ...ctx, params: { customerId: context.panel.customer.id } })));
  }
  const who = `${item.from.name} <${item.from.address}> → ${item.to.map((a) => a.address).join(', ')}`;
  return `<li class="item"><div class="mail"><h2>${esc(item.subject)}</h2><p class="scenario">${esc(item.scenario)}</p><p class="who">${esc(who)}</p><pre>${esc(item.bodyText)}</pre></div><div class="cards">${cards.join('')}</div></li>`;
}

/** The page, or null when the demo organisation does not exist. */
export async function renderGmailSandbox(db: Db, options: { baseUrl: string; secret: string }): Promise<string | null> {
  const principal = await demoAdmin(db);
  if (!principal) return null;
  const ctx = (item: DemoMailboxItem): GmailHandlerContext => ({
    db,
    principal,
    service: { db, orgId: principal.orgId, actor: { userId: principal.userId, label: principal.email } },
    params: {},
    link: createActionLinker({ baseUrl: options.baseUrl, secret: options.secret, userId: principal.userId }),
    mail: demoMailReader(item),
  });
  const items: string[] = [];
  for (const item of demoMailbox()) items.push(await renderItem(item, ctx(item)));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Payside Gmail add-on preview</title><style>${SANDBOX_STYLE}</style></head>
<body><h1>Gmail add-on preview</h1>
<p>The real card JSON the Gmail endpoints return for each demo message, as ${esc(principal.name)} (${esc(principal.email)}), rendered here without Google. Buttons are inert.</p>
<ol class="items">${items.join('\n')}</ol></body></html>`;
}
