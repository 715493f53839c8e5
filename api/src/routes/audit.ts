import { ZAuditPage, ZAuditQuery, ZIdParam } from '@shared/schemas';
import { defineRoute, jsonResponse, newRouter } from '../lib/openapi';
import { listCustomerAudit } from '../services/audit/list-customer-audit';

const getCustomerAudit = defineRoute({
  method: 'get',
  path: '/customers/{id}/audit',
  tags: ['Audit'],
  summary: "A page of the customer's audit trail, newest first: who changed what, with before and after",
  role: 'admin',
  request: { params: ZIdParam, query: ZAuditQuery },
  responses: { 200: jsonResponse(ZAuditPage, 'Audit entries, newest first') },
});

/** The admin audit trail of a customer. */
export const auditRoutes = newRouter().openapi(getCustomerAudit, async (c) =>
  c.json(await listCustomerAudit(c.get('db'), c.get('principal').orgId, c.req.valid('param').id, c.req.valid('query')), 200),
);
