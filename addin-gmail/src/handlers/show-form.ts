import type { TRole } from '@shared/schemas';
import { AppError, notFound } from '../../../api/src/lib/errors';
import { findCustomerRow } from '../../../api/src/services/customers/get-customer';
import { getCustomerPanel } from '../../../api/src/services/customers/get-customer-panel';
import type { Card } from '../cards/card-types';
import { contactFormCard, disputeFormCard, holdFormCard, noteFormCard, promiseFormCard, resolveFormCard } from '../cards/form-cards';
import { pushCard } from '../cards/responses';
import { param, requireRole, type GmailHandler, type GmailHandlerContext } from './context';

type FormName = 'dispute' | 'resolve' | 'promise' | 'hold' | 'note' | 'contact';

/** Each form with the least role that may submit it (as the matching /v1 route). */
const FORMS: Record<FormName, { role: TRole; what: string; build: (ctx: GmailHandlerContext, customerId: string) => Promise<Card> }> = {
  dispute: { role: 'collector', what: 'open disputes', build: async (ctx, id) => disputeFormCard(await panelOf(ctx, id), ctx.link) },
  promise: { role: 'collector', what: 'record promises', build: async (ctx, id) => promiseFormCard(await panelOf(ctx, id), ctx.link) },
  hold: { role: 'viewer', what: 'set holds', build: async (ctx, id) => holdFormCard(await panelOf(ctx, id), ctx.link) },
  note: { role: 'viewer', what: 'add notes', build: async (ctx, id) => noteFormCard(await panelOf(ctx, id), ctx.link) },
  resolve: {
    role: 'collector',
    what: 'resolve disputes',
    build: async (ctx, id) => {
      const panel = await panelOf(ctx, id);
      const dispute = panel.disputes.find((d) => d.id === param(ctx, 'disputeId'));
      if (!dispute) throw notFound('Open dispute');
      return resolveFormCard(panel, dispute, ctx.link);
    },
  },
  contact: {
    role: 'collector',
    what: 'add contacts',
    build: async (ctx, id) => {
      const customer = await findCustomerRow(ctx.db, ctx.principal.orgId, id);
      return contactFormCard(customer, { email: ctx.params.senderEmail ?? '', name: ctx.params.senderName || null }, ctx.link);
    },
  },
};

const panelOf = (ctx: GmailHandlerContext, customerId: string) => getCustomerPanel(ctx.db, ctx.principal.orgId, customerId);

/** Opens one of the action forms on top of the current card. */
export const handleShowForm: GmailHandler = async (_event, ctx) => {
  const form = FORMS[param(ctx, 'form') as FormName];
  if (!form) throw new AppError('bad_request', 'Unknown form');
  requireRole(ctx, form.role, form.what);
  return pushCard(await form.build(ctx, param(ctx, 'customerId')));
};
