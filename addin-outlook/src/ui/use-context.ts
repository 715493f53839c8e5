/** Loads POST /v1/context for the current item; answers for a previous item are dropped. */
import type { TContextRequest, TContextResponse } from '@shared/schemas';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import type { MailItem, MailUser } from '../office/types';

export interface ContextState {
  data: TContextResponse | null;
  loading: boolean;
  /** True once a request has taken more than a few seconds. */
  slow: boolean;
  error: ApiError | null;
  reload: () => void;
}

/** The request body for an item: addresses, subject, body, thread id. */
export function contextRequestOf(item: MailItem, user: MailUser, customerId: string | null): TContextRequest {
  const addresses = (list: Array<{ email: string }>) => list.map((a) => a.email);
  return {
    provider: 'outlook',
    threadId: item.conversationId ?? undefined,
    internetMessageId: item.mode === 'read' ? (item.internetMessageId ?? undefined) : undefined,
    from: item.mode === 'read' ? (item.from?.email ?? '') : user.email,
    to: addresses(item.to),
    cc: addresses(item.cc),
    subject: item.subject,
    bodyText: item.mode === 'read' ? item.bodyText.slice(0, 200_000) : '',
    ...(customerId ? { customerId } : {}),
  };
}

/** Fetches the sidebar for `item` (and the customer the user picked, if any). */
export function useContext(api: ApiClient, item: MailItem | null, user: MailUser, customerId: string | null): ContextState {
  const [state, setState] = useState<Omit<ContextState, 'reload'>>({ data: null, loading: false, slow: false, error: null });
  const requestId = useRef(0);
  const load = useCallback(() => {
    const mine = ++requestId.current;
    if (!item) {
      setState({ data: null, loading: false, slow: false, error: null });
      return;
    }
    setState((s) => ({ ...s, loading: true, slow: false, error: null }));
    const slowTimer = setTimeout(() => mine === requestId.current && setState((s) => ({ ...s, slow: true })), 3000);
    api.context(contextRequestOf(item, user, customerId)).then(
      (data) => mine === requestId.current && setState({ data, loading: false, slow: false, error: null }),
      (error: unknown) =>
        mine === requestId.current &&
        setState((s) => ({ ...s, loading: false, slow: false, error: error instanceof ApiError ? error : new ApiError('network', String(error)) })),
    ).finally(() => clearTimeout(slowTimer));
  }, [api, item, user, customerId]);

  useEffect(() => {
    setState({ data: null, loading: Boolean(item), slow: false, error: null });
    load();
  }, [item, customerId, load]);

  return { ...state, reload: load };
}
