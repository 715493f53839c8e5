import { ZCreateNoteRequest, ZIdParam, ZNote } from '@shared/schemas';
import { defineRoute, jsonBody, jsonResponse, newRouter, serviceContext } from '../lib/openapi';
import { createNote } from '../services/notes/create-note';

const postNote = defineRoute({
  method: 'post',
  path: '/customers/{id}/notes',
  tags: ['Notes'],
  summary: 'Add a note to a customer',
  role: 'viewer',
  request: { params: ZIdParam, body: jsonBody(ZCreateNoteRequest) },
  responses: { 201: jsonResponse(ZNote, 'The new note') },
});

/** Adding notes. */
export const noteRoutes = newRouter().openapi(postNote, async (c) =>
  c.json(await createNote(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
);
