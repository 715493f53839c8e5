/** What every Gmail handler receives besides the event, and the checks they share. */
import { ZUuid, type TRole } from '@shared/schemas';
import type { z } from 'zod';
import { roleAllows } from '../../../api/src/auth/middleware';
import type { Db } from '../../../api/src/db/client';
import { AppError } from '../../../api/src/lib/errors';
import { fieldErrors } from '../../../api/src/lib/problem';
import type { Principal, ServiceContext } from '../../../api/src/lib/types';
import { findUnstorableText } from '../../../api/src/lib/unstorable-text';
import type { ActionLinker, GmailResponse } from '../cards/card-types';
import type { TGmailEvent } from '../event';
import type { LogMessageInput, MessageFacts } from '../gmail/parse-message';

/** The open message, from the Gmail API in production and from the demo mailbox in the sandbox. */
export interface MailReader {
  openMessage(): Promise<MessageFacts>;
  threadMessages(facts: MessageFacts): Promise<LogMessageInput[]>;
}

export interface GmailHandlerContext {
  db: Db;
  principal: Principal;
  /** What the service functions take: database, organisation, actor. */
  service: ServiceContext;
  /** The button's parameters, signature verified. */
  params: Record<string, string>;
  link: ActionLinker;
  mail: MailReader;
}

/** One entry point or button: Google's event in, card JSON out. */
export type GmailHandler = (event: TGmailEvent, ctx: GmailHandlerContext) => Promise<GmailResponse>;

/** 403 unless the user's role is at least `min` (the /v1 routes check the same minimums). */
export function requireRole(ctx: GmailHandlerContext, min: TRole, what: string): void {
  if (!roleAllows(ctx.principal.role, min)) throw new AppError('forbidden', `Only a ${min} or admin can ${what}; you are a ${ctx.principal.role}.`);
}

/** A signed parameter the button must carry; ids (`…Id`) must be uuids, as every /v1 route checks too. */
export function param(ctx: GmailHandlerContext, name: string): string {
  const value = ctx.params[name];
  if (!value) throw new AppError('bad_request', `The button is missing its ${name}. Reopen the message to get a fresh card.`);
  if (name.endsWith('Id') && !ZUuid.safeParse(value).success) throw new AppError('bad_request', `The button's ${name} is not an id. Reopen the message to get a fresh card.`);
  return value;
}

/** Parses form data with the shared request contract; 422 naming the fields otherwise. */
export function parseForm<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  const unstorable = parsed.success ? findUnstorableText(parsed.data) : undefined;
  if (unstorable !== undefined) throw new AppError('validation_failed', `Please check: ${unstorable} (contains a character that cannot be stored)`, [{ field: unstorable, message: 'contains a NUL character or an unpaired UTF-16 surrogate' }]);
  if (parsed.success) return parsed.data;
  const fields = fieldErrors(parsed.error);
  throw new AppError('validation_failed', `Please check: ${fields.map((f) => `${f.field} (${f.message})`).join('; ')}`, fields);
}
