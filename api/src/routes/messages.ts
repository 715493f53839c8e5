import { ZIdParam, ZMessageContent } from '@shared/schemas';
import { defineRoute, jsonResponse, newRouter } from '../lib/openapi';
import { getMessageContent } from '../services/messages/get-message-content';

const getContent = defineRoute({
  method: 'get',
  path: '/messages/{id}/content',
  tags: ['Threads'],
  summary: "A logged message's content, with its HTML body exactly as logged",
  description:
    'The HTML is untrusted email content, returned raw as a JSON string: sanitise it and render it only in a sandboxed frame. The response is never HTML, is not cached, and is not sniffable.',
  role: 'viewer',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZMessageContent, 'The message') },
});

/**
 * Headers for a JSON body that carries raw email HTML: no sniffing it as HTML,
 * no rendering if opened directly, no caching of message content.
 */
const untrustedContentHeaders = {
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'content-disposition': 'attachment; filename="message.json"',
};

/** Reading a logged message's content. */
export const messageRoutes = newRouter().openapi(getContent, async (c) =>
  c.json(await getMessageContent(c.get('db'), c.get('principal').orgId, c.req.valid('param').id), 200, untrustedContentHeaders),
);
