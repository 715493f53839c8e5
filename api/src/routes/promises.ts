import { ZCreatePromiseRequest, ZIdParam, ZPromise } from '@shared/schemas';
import { defineRoute, jsonBody, jsonResponse, newRouter, serviceContext } from '../lib/openapi';
import { createPromise } from '../services/promises/create-promise';

const postPromise = defineRoute({
  method: 'post',
  path: '/customers/{id}/promises',
  tags: ['Promises'],
  summary: 'Record a promise to pay (kept automatically when payments cover it by the date)',
  role: 'collector',
  request: { params: ZIdParam, body: jsonBody(ZCreatePromiseRequest) },
  responses: { 201: jsonResponse(ZPromise, 'The new promise') },
});

/** Recording promises to pay. */
export const promiseRoutes = newRouter().openapi(postPromise, async (c) =>
  c.json(await createPromise(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
);
