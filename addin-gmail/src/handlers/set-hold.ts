import { formatDate } from '@shared/ar';
import { ZCreateHoldRequest } from '@shared/schemas';
import { createHold } from '../../../api/src/services/holds/create-hold';
import { backToRoot } from '../cards/responses';
import { formDate, formString } from '../event';
import { param, parseForm, type GmailHandler } from './context';
import { customerView } from './views';

/** Sets a "don't chase until …" hold (viewers may, like on /v1). */
export const handleSetHold: GmailHandler = async (event, ctx) => {
  const customerId = param(ctx, 'customerId');
  const input = parseForm(ZCreateHoldRequest, { until: formDate(event, 'until') ?? '', reason: formString(event, 'reason') ?? '' });
  const hold = await createHold(ctx.service, customerId, input);
  return backToRoot(await customerView(ctx, event, customerId), `On hold until ${formatDate(hold.until)}`);
};
