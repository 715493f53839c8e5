import { ZCreateContactRequest } from '@shared/schemas';
import { createContact } from '../../../api/src/services/contacts/create-contact';
import { backToRoot } from '../cards/responses';
import { formString, formStrings } from '../event';
import { param, parseForm, requireRole, type GmailHandler } from './context';
import { customerView } from './views';

/** Adds the sender (as edited in the form) as a contact of the chosen customer, then shows that customer. */
export const handleAddContact: GmailHandler = async (event, ctx) => {
  requireRole(ctx, 'collector', 'add contacts');
  const customerId = param(ctx, 'customerId');
  const input = parseForm(ZCreateContactRequest, {
    name: formString(event, 'name') ?? formString(event, 'email') ?? '',
    email: formString(event, 'email') ?? '',
    role: formString(event, 'role') ?? 'other',
    isPrimaryPayer: formStrings(event, 'primary').includes('yes'),
  });
  const contact = await createContact(ctx.service, customerId, input);
  return backToRoot(await customerView(ctx, event, customerId), `Added ${contact.email} as a contact`);
};
