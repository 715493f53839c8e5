import { ZIdParam, ZLogThreadRequest, ZLogThreadResponse, ZMoveThreadRequest, ZThread, ZThreadDetail } from '@shared/schemas';
import { defineRoute, jsonBody, jsonResponse, newRouter, serviceContext } from '../lib/openapi';
import { getThread } from '../services/threads/get-thread';
import { logThread } from '../services/threads/log-thread';
import { moveThread } from '../services/threads/move-thread';
import { unlogThread } from '../services/threads/unlog-thread';

const postThread = defineRoute({
  method: 'post',
  path: '/threads',
  tags: ['Threads'],
  summary: 'Log a thread to a customer (idempotent; appends only new messages)',
  role: 'collector',
  request: { body: jsonBody(ZLogThreadRequest) },
  responses: {
    200: jsonResponse(ZLogThreadResponse, 'The thread was already logged; new messages, if any, were appended'),
    201: jsonResponse(ZLogThreadResponse, 'The thread was logged'),
  },
});

const getThreadRoute = defineRoute({
  method: 'get',
  path: '/threads/{id}',
  tags: ['Threads'],
  summary: 'A logged thread with its messages (text bodies; HTML is never returned)',
  role: 'viewer',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZThreadDetail, 'The thread') },
});

const patchThread = defineRoute({
  method: 'patch',
  path: '/threads/{id}',
  tags: ['Threads'],
  summary: 'Move a logged thread to another customer',
  role: 'collector',
  request: { params: ZIdParam, body: jsonBody(ZMoveThreadRequest) },
  responses: { 200: jsonResponse(ZThread, 'The moved thread') },
});

const deleteThread = defineRoute({
  method: 'delete',
  path: '/threads/{id}',
  tags: ['Threads'],
  summary: "Unlog a thread: remove it and its messages from the customer's record",
  role: 'collector',
  request: { params: ZIdParam },
  responses: { 204: { description: 'Unlogged' } },
});

/** Logging, reading, moving and unlogging threads. */
export const threadRoutes = newRouter()
  .openapi(postThread, async (c) => {
    const result = await logThread(serviceContext(c), c.req.valid('json'));
    return c.json(result, result.threadCreated ? 201 : 200);
  })
  .openapi(getThreadRoute, async (c) => c.json(await getThread(c.get('db'), c.get('principal').orgId, c.req.valid('param').id), 200))
  .openapi(patchThread, async (c) =>
    c.json(await moveThread(serviceContext(c), c.req.valid('param').id, c.req.valid('json').customerId), 200),
  )
  .openapi(deleteThread, async (c) => {
    await unlogThread(serviceContext(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
