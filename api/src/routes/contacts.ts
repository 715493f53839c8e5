import { ZContact, ZCreateContactRequest, ZIdParam, ZUpdateContactRequest } from '@shared/schemas';
import { defineRoute, jsonBody, jsonResponse, newRouter, serviceContext } from '../lib/openapi';
import { createContact } from '../services/contacts/create-contact';
import { updateContact } from '../services/contacts/update-contact';

const postContact = defineRoute({
  method: 'post',
  path: '/customers/{id}/contacts',
  tags: ['Contacts'],
  summary: 'Add a contact (e.g. the sender of an unmatched email) to a customer',
  role: 'collector',
  request: { params: ZIdParam, body: jsonBody(ZCreateContactRequest) },
  responses: { 201: jsonResponse(ZContact, 'The new contact') },
});

const patchContact = defineRoute({
  method: 'patch',
  path: '/contacts/{id}',
  tags: ['Contacts'],
  summary: 'Edit a contact: details, role, primary payer',
  role: 'collector',
  request: { params: ZIdParam, body: jsonBody(ZUpdateContactRequest) },
  responses: { 200: jsonResponse(ZContact, 'The updated contact') },
});

/** Adding and editing contacts. */
export const contactRoutes = newRouter()
  .openapi(postContact, async (c) => c.json(await createContact(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(patchContact, async (c) => c.json(await updateContact(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
