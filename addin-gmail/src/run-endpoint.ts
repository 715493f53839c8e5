/**
 * One Gmail endpoint, end to end: Google's system ID token (401 if bad), the event
 * (an error card if malformed), the user ID token (401 if bad) and its Payside user,
 * the signed button parameters, then the handler. Anything that goes wrong after
 * Google is verified becomes an error card: Gmail shows nothing useful for a 4xx/5xx.
 */
import type { Context } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import { AppError } from '../../api/src/lib/errors';
import { inputErrorOf, problem } from '../../api/src/lib/problem';
import { limitPrincipal } from '../../api/src/lib/rate-limit';
import { describeError } from '../../api/src/lib/request-log';
import { withTenant } from '../../api/src/lib/transaction';
import type { AppEnv } from '../../api/src/lib/types';
import { createActionLinker } from './action-linker';
import { findGmailUser, verifyUserIdToken } from './auth/resolve-gmail-user';
import { verifyParameters } from './auth/sign-parameters';
import { verifySystemToken } from './auth/verify-system-token';
import type { GmailConfig } from './config';
import { endpointUrl } from './endpoints';
import { errorResponse } from './error-responses';
import { ZGmailEvent, type TGmailEvent } from './event';
import { gmailMailReader } from './gmail/gmail-mail-reader';
import type { GmailHandler } from './handlers/context';

export interface EndpointSpec {
  /** The full path, e.g. `/gmail/actions/log-thread`: the token audience and the signature scope. */
  path: string;
  kind: 'trigger' | 'action';
  handler: GmailHandler;
}

export interface EndpointDeps {
  config: GmailConfig;
  keys: JWTVerifyGetKey;
  log: (line: Record<string, unknown>) => void;
}

/** Answers one POST from Google. */
export async function runEndpoint(c: Context<AppEnv>, spec: EndpointSpec, deps: EndpointDeps): Promise<Response> {
  const { config } = deps;
  const requestId = c.get('requestId');
  try {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    await verifySystemToken(bearer, { keys: deps.keys, audience: endpointUrl(config.publicUrl, spec.path), serviceAccount: config.serviceAccount });
    const event = await readEvent(c);
    const email = await verifyUserIdToken(event.authorizationEventObject.userIdToken, deps.keys, config.clientId);
    const principal = await findGmailUser(c.get('db'), email);
    c.set('principal', principal);
    limitPrincipal(c, principal);
    const params = spec.kind === 'action' ? verifyParameters({ secret: config.secret, path: spec.path, userId: principal.userId }, event.commonEventObject.parameters) : {};
    const response = await withTenant(c.get('db'), principal.orgId, (db) =>
      spec.handler(event, {
        db,
        principal,
        service: { db, orgId: principal.orgId, actor: { userId: principal.userId, label: principal.email }, requestId },
        params,
        link: createActionLinker({ baseUrl: config.publicUrl, secret: config.secret, userId: principal.userId }),
        mail: gmailMailReader(config.gmailApiRoot, event),
      }),
      c.get('deadline'),
    );
    return c.json(response);
  } catch (thrown) {
    const err = thrown instanceof AppError ? thrown : (inputErrorOf(thrown) ?? thrown); // bad input that reached the database
    if (err instanceof AppError && err.code === 'unauthorized') return problem(c, 'unauthorized', err.message);
    if (!(err instanceof AppError)) deps.log({ level: 'error', msg: 'gmail endpoint failed', requestId, path: spec.path, error: describeError(err) });
    return c.json(errorResponse(spec.kind, err, requestId));
  }
}

/** The body as a Gmail event; `bad_request` naming what is wrong otherwise. */
async function readEvent(c: Context<AppEnv>): Promise<TGmailEvent> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('bad_request', 'The request body is not JSON, so it is not a Google add-on event.');
  }
  const parsed = ZGmailEvent.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.slice(0, 5).map((i) => i.path.join('.') || '(body)');
    throw new AppError('bad_request', `This is not a Google add-on event we understand (check ${fields.join(', ')}).`);
  }
  const host = parsed.data.commonEventObject.hostApp;
  if (host && host !== 'GMAIL') throw new AppError('bad_request', `Payside's add-on runs in Gmail; this event came from ${host}.`);
  return parsed.data;
}
