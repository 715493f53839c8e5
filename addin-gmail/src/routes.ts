/**
 * The Gmail add-on's HTTP endpoints (mounted at /gmail): one POST per trigger and per
 * button, each answering Google's event object with card JSON. Unconfigured → 503.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createRemoteJWKSet } from 'jose';
import { problem } from '../../api/src/lib/problem';
import type { AppEnv } from '../../api/src/lib/types';
import { resolveGmailConfig, type GmailSettings } from './config';
import { GMAIL_ACTIONS, GMAIL_TRIGGERS, type GmailAction, type GmailTrigger } from './endpoints';
import { handleAddContact } from './handlers/add-contact';
import { handleAddNote } from './handlers/add-note';
import { handleComposeOpen } from './handlers/compose-open';
import type { GmailHandler } from './handlers/context';
import { handleHomepage } from './handlers/homepage';
import { handleInsertStatement } from './handlers/insert-statement';
import { handleLogThread } from './handlers/log-thread';
import { handleMessageOpen } from './handlers/message-open';
import { handleOpenDispute } from './handlers/open-dispute';
import { handlePickCustomer } from './handlers/pick-customer';
import { handleRecordPromise } from './handlers/record-promise';
import { handleResolveDispute } from './handlers/resolve-dispute';
import { handleSearch } from './handlers/search';
import { handleSetHold } from './handlers/set-hold';
import { handleShowForm } from './handlers/show-form';
import { runEndpoint, type EndpointSpec } from './run-endpoint';

export type { GmailSettings } from './config';

const TRIGGER_HANDLERS: Record<GmailTrigger, GmailHandler> = { homepage: handleHomepage, message: handleMessageOpen, compose: handleComposeOpen };

const ACTION_HANDLERS: Record<GmailAction, GmailHandler> = {
  logThread: handleLogThread,
  pickCustomer: handlePickCustomer,
  search: handleSearch,
  showForm: handleShowForm,
  addContact: handleAddContact,
  openDispute: handleOpenDispute,
  resolveDispute: handleResolveDispute,
  recordPromise: handleRecordPromise,
  setHold: handleSetHold,
  addNote: handleAddNote,
  insertStatement: handleInsertStatement,
};

/** Every endpoint with its path and kind. */
export const GMAIL_ENDPOINTS: EndpointSpec[] = [
  ...Object.entries(TRIGGER_HANDLERS).map(([k, handler]) => ({ path: GMAIL_TRIGGERS[k as GmailTrigger], kind: 'trigger' as const, handler })),
  ...Object.entries(ACTION_HANDLERS).map(([k, handler]) => ({ path: GMAIL_ACTIONS[k as GmailAction], kind: 'action' as const, handler })),
];

/** The /gmail sub-app; `log` receives unexpected failures (they still answer an error card). */
export function gmailRoutes(settings: GmailSettings | undefined, log: (line: Record<string, unknown>) => void = () => {}) {
  const app = new Hono<AppEnv>();
  const resolved = resolveGmailConfig(settings);
  if ('missing' in resolved) {
    app.all('*', (c) => problem(c, 'service_unavailable', `Gmail add-on not configured: set ${resolved.missing.join(', ')}`));
    return app;
  }
  const deps = { config: resolved.config, keys: createRemoteJWKSet(new URL(resolved.config.jwksUrl)), log };
  app.use('*', bodyLimit({ maxSize: 1024 * 1024, onError: (c) => problem(c, 'payload_too_large', 'A Gmail event is never this large') }));
  for (const spec of GMAIL_ENDPOINTS) app.post(spec.path.slice('/gmail'.length), (c) => runEndpoint(c, spec, deps));
  return app;
}
