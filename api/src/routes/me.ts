import { ZMe } from '@shared/schemas';
import { defineRoute, jsonResponse, newRouter } from '../lib/openapi';
import { getOrgSettings } from '../services/org/get-org-settings';

const getMe = defineRoute({
  method: 'get',
  path: '/me',
  tags: ['Session'],
  summary: 'The caller and their organisation',
  role: 'viewer',
  responses: { 200: jsonResponse(ZMe, 'Who you are') },
});

/** GET /me. */
export const meRoutes = newRouter().openapi(getMe, async (c) => {
  const p = c.get('principal');
  const org = await getOrgSettings(c.get('db'), p.orgId);
  return c.json(
    {
      user: { id: p.userId, name: p.name, email: p.email, role: p.role },
      organization: { id: org.id, slug: org.slug, name: org.name, timeZone: org.timeZone },
    },
    200,
  );
});
