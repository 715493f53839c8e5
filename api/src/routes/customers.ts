import {
  ZCustomerPanel,
  ZCustomerSearchQuery,
  ZCustomerSearchResponse,
  ZIdParam,
  ZPanelQuery,
  ZTimelinePage,
  ZTimelineQuery,
} from '@shared/schemas';
import { defineRoute, jsonResponse, newRouter } from '../lib/openapi';
import { findCustomers } from '../services/customers/find-customers';
import { findCustomerRow } from '../services/customers/get-customer';
import { getCustomerPanel } from '../services/customers/get-customer-panel';
import { getTimeline } from '../services/timeline/get-timeline';

const searchCustomers = defineRoute({
  method: 'get',
  path: '/customers',
  tags: ['Customers'],
  summary: 'Search customers by name, domain, contact email, invoice or PO number',
  role: 'viewer',
  request: { query: ZCustomerSearchQuery },
  responses: { 200: jsonResponse(ZCustomerSearchResponse, 'Matching customers, best first') },
});

const getCustomerDetail = defineRoute({
  method: 'get',
  path: '/customers/{id}',
  tags: ['Customers'],
  summary: 'A customer with AR status, open invoices, disputes, promises, holds, contacts and recent timeline',
  role: 'viewer',
  request: { params: ZIdParam, query: ZPanelQuery },
  responses: { 200: jsonResponse(ZCustomerPanel, 'The customer panel') },
});

const getCustomerTimeline = defineRoute({
  method: 'get',
  path: '/customers/{id}/timeline',
  tags: ['Customers'],
  summary: "A page of the customer's timeline, newest first",
  role: 'viewer',
  request: { params: ZIdParam, query: ZTimelineQuery },
  responses: { 200: jsonResponse(ZTimelinePage, 'Timeline page') },
});

/** Customer search, detail and timeline. */
export const customerRoutes = newRouter()
  .openapi(searchCustomers, async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json(await findCustomers(c.get('db'), c.get('principal').orgId, q, limit), 200);
  })
  .openapi(getCustomerDetail, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getCustomerPanel(c.get('db'), c.get('principal').orgId, id, c.req.valid('query')), 200);
  })
  .openapi(getCustomerTimeline, async (c) => {
    const { id } = c.req.valid('param');
    const { orgId } = c.get('principal');
    await findCustomerRow(c.get('db'), orgId, id);
    return c.json(await getTimeline(c.get('db'), orgId, id, c.req.valid('query')), 200);
  });

