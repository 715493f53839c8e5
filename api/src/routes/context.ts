import { ZContextRequest, ZContextResponse } from '@shared/schemas';
import { defineRoute, jsonBody, jsonResponse, newRouter } from '../lib/openapi';
import { getContext } from '../services/context/get-context';

const postContext = defineRoute({
  method: 'post',
  path: '/context',
  tags: ['Sidebar'],
  summary: 'Match an email to a customer and return everything the sidebar shows',
  role: 'viewer',
  request: { body: jsonBody(ZContextRequest) },
  responses: { 200: jsonResponse(ZContextResponse, 'Candidates, thread state and the chosen customer') },
});

/** POST /context: one call renders the sidebar. */
export const contextRoutes = newRouter().openapi(postContext, async (c) =>
  c.json(await getContext(c.get('db'), c.get('principal'), c.req.valid('json')), 200),
);
