import { ZResolveDisputeRequest } from '@shared/schemas';
import { resolveDispute } from '../../../api/src/services/disputes/resolve-dispute';
import { backToRoot } from '../cards/responses';
import { formString } from '../event';
import { param, parseForm, requireRole, type GmailHandler } from './context';
import { customerView } from './views';

/** Closes a dispute as resolved or rejected with the note typed in the form. */
export const handleResolveDispute: GmailHandler = async (event, ctx) => {
  requireRole(ctx, 'collector', 'resolve disputes');
  const input = parseForm(ZResolveDisputeRequest, { status: formString(event, 'status') ?? 'resolved', note: formString(event, 'note') ?? '' });
  const dispute = await resolveDispute(ctx.service, param(ctx, 'disputeId'), input);
  return backToRoot(await customerView(ctx, event, dispute.customerId), `Dispute ${dispute.status}`);
};
