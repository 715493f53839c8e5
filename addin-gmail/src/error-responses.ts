/** Failures as Gmail shows them: an error card for triggers, a notification (plus error card) for buttons. */
import { AppError, type ErrorCode } from '../../api/src/lib/errors';
import type { GmailResponse } from './cards/card-types';
import { errorCard } from './cards/navigation-cards';
import { notify, showCard } from './cards/responses';

const TITLES: Partial<Record<ErrorCode, string>> = {
  not_found: 'Not found',
  forbidden: 'Not allowed',
  validation_failed: 'Please check the form',
  conflict: 'Already done',
  bad_request: 'Could not do that',
};

/** Mistakes the user can fix where they are: keep the card (and what was typed), say what is wrong. */
const FIXABLE: ErrorCode[] = ['validation_failed', 'conflict', 'forbidden'];

/** The response for an error; unexpected ones say only that the request id identifies them. */
export function errorResponse(kind: 'trigger' | 'action', err: unknown, requestId: string): GmailResponse {
  const known = err instanceof AppError ? err : null;
  const message = known?.message ?? 'Something went wrong on our side. The request id identifies it in our logs.';
  const title = (known && TITLES[known.code]) ?? 'Something went wrong';
  if (kind === 'trigger') return showCard(errorCard(title, message, requestId));
  if (known && FIXABLE.includes(known.code)) return notify(message);
  return { renderActions: { action: { navigations: [{ updateCard: errorCard(title, message, requestId) }], notification: { text: message } } } };
}
