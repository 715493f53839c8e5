import { ZCreateHoldRequest, ZHold, ZIdParam } from '@shared/schemas';
import { defineRoute, jsonBody, jsonResponse, newRouter, serviceContext } from '../lib/openapi';
import { clearHold } from '../services/holds/clear-hold';
import { createHold } from '../services/holds/create-hold';

const postHold = defineRoute({
  method: 'post',
  path: '/customers/{id}/holds',
  tags: ['Holds'],
  summary: 'Set a "don\'t chase until …" hold',
  role: 'viewer',
  request: { params: ZIdParam, body: jsonBody(ZCreateHoldRequest) },
  responses: { 201: jsonResponse(ZHold, 'The new hold') },
});

const deleteHold = defineRoute({
  method: 'delete',
  path: '/holds/{id}',
  tags: ['Holds'],
  summary: 'Clear a hold',
  role: 'viewer',
  request: { params: ZIdParam },
  responses: { 204: { description: 'Cleared' } },
});

/** Setting and clearing holds. */
export const holdRoutes = newRouter()
  .openapi(postHold, async (c) => c.json(await createHold(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(deleteHold, async (c) => {
    await clearHold(serviceContext(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
