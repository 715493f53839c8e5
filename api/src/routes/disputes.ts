import { ZDispute, ZDisputeConflict, ZIdParam, ZOpenDisputeRequest, ZResolveDisputeRequest } from '@shared/schemas';
import { defineRoute, jsonBody, jsonResponse, newRouter, serviceContext } from '../lib/openapi';
import { openDispute } from '../services/disputes/open-dispute';
import { resolveDispute } from '../services/disputes/resolve-dispute';

const postDispute = defineRoute({
  method: 'post',
  path: '/customers/{id}/disputes',
  tags: ['Disputes'],
  summary: "Open a dispute on one or more of the customer's invoices",
  role: 'collector',
  request: { params: ZIdParam, body: jsonBody(ZOpenDisputeRequest) },
  description: 'The amount defaults to, and may not exceed, the open balance of the invoices (422 naming `amount`). An invoice already in an open dispute is not disputed again: 409 with `existingDisputeId`.',
  responses: {
    201: jsonResponse(ZDispute, 'The new dispute'),
    409: { description: 'An invoice is already in an open dispute; `existingDisputeId` names it', content: { 'application/problem+json': { schema: ZDisputeConflict } } },
  },
});

const postResolve = defineRoute({
  method: 'post',
  path: '/disputes/{id}/resolve',
  tags: ['Disputes'],
  summary: 'Resolve or reject an open dispute with a note',
  role: 'collector',
  request: { params: ZIdParam, body: jsonBody(ZResolveDisputeRequest) },
  responses: { 200: jsonResponse(ZDispute, 'The closed dispute') },
});

/** Opening and closing disputes. */
export const disputeRoutes = newRouter()
  .openapi(postDispute, async (c) => c.json(await openDispute(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(postResolve, async (c) => c.json(await resolveDispute(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
