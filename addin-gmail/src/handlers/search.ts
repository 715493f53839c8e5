import { findCustomers } from '../../../api/src/services/customers/find-customers';
import { searchResultsCard, type Surface } from '../cards/navigation-cards';
import { pushCard } from '../cards/responses';
import { formString } from '../event';
import type { GmailHandler } from './context';

const SURFACES: Surface[] = ['message', 'compose', 'home'];

/** Customer search from any card; results can open a customer or take the sender as a contact. */
export const handleSearch: GmailHandler = async (event, ctx) => {
  const query = (formString(event, 'q') ?? '').slice(0, 200);
  const result = await findCustomers(ctx.db, ctx.principal.orgId, query, 20);
  const surface = SURFACES.find((s) => s === ctx.params.surface) ?? 'home';
  const sender = ctx.params.senderEmail ? { email: ctx.params.senderEmail, name: ctx.params.senderName || null } : null;
  return pushCard(searchResultsCard({ query, result, link: ctx.link, role: ctx.principal.role, surface, sender }));
};
