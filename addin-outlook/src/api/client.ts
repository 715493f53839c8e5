/**
 * The pane's typed client for the Payside API: request and response types come
 * from the shared zod contracts; every failure becomes an ApiError the UI can explain.
 */
import type {
  TContact,
  TContextRequest,
  TContextResponse,
  TCreateContactRequest,
  TCreateHoldRequest,
  TCreateNoteRequest,
  TCreatePromiseRequest,
  TCustomerPanel,
  TCustomerSearchResponse,
  TDispute,
  THold,
  TLogThreadRequest,
  TLogThreadResponse,
  TMe,
  TMessageContent,
  TNote,
  TOpenDisputeRequest,
  TProblem,
  TPromise,
  TResolveDisputeRequest,
  TThread,
  TTimelinePage,
  TUpdateContactRequest,
} from '@shared/schemas';
import type { z } from 'zod';
import type { ZLogThreadRequest } from '@shared/schemas';

export type ApiErrorKind = 'network' | 'timeout' | 'http';

/** A failed API call: unreachable server, timeout, or a problem+json answer. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly problem?: TProblem,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  getToken: () => Promise<string>;
  timeoutMs?: number;
}

type LogThreadInput = z.input<typeof ZLogThreadRequest>;

/** Creates the client; each method is one endpoint. */
export function createApiClient({ baseUrl, getToken, timeoutMs = 15_000 }: ApiClientOptions) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        method,
        signal: controller.signal,
        headers: { authorization: `Bearer ${await getToken()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      if (controller.signal.aborted) throw new ApiError('timeout', 'Payside is taking too long to answer.');
      throw new ApiError('network', `Can't reach Payside at ${baseUrl}.`, undefined, undefined);
    } finally {
      clearTimeout(timer);
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    const json = text ? safeJson(text) : null;
    if (!res.ok) {
      const problem = json as TProblem | null;
      throw new ApiError('http', problem?.detail ?? problem?.title ?? `Payside answered ${res.status}`, res.status, problem ?? undefined);
    }
    return json as T;
  }

  return {
    me: () => request<TMe>('GET', '/v1/me'),
    context: (body: TContextRequest) => request<TContextResponse>('POST', '/v1/context', body),
    customer: (id: string) => request<TCustomerPanel>('GET', `/v1/customers/${id}`),
    searchCustomers: (q: string) => request<TCustomerSearchResponse>('GET', `/v1/customers?q=${encodeURIComponent(q)}&limit=10`),
    timeline: (customerId: string, cursor: string) => request<TTimelinePage>('GET', `/v1/customers/${customerId}/timeline?limit=10&cursor=${encodeURIComponent(cursor)}`),
    logThread: (body: LogThreadInput | TLogThreadRequest) => request<TLogThreadResponse>('POST', '/v1/threads', body),
    moveThread: (threadId: string, customerId: string) => request<TThread>('PATCH', `/v1/threads/${threadId}`, { customerId }),
    unlogThread: (threadId: string) => request<void>('DELETE', `/v1/threads/${threadId}`),
    messageContent: (messageId: string) => request<TMessageContent>('GET', `/v1/messages/${messageId}/content`),
    createContact: (customerId: string, body: Partial<TCreateContactRequest> & Pick<TCreateContactRequest, 'name' | 'email'>) =>
      request<TContact>('POST', `/v1/customers/${customerId}/contacts`, body),
    updateContact: (contactId: string, body: TUpdateContactRequest) => request<TContact>('PATCH', `/v1/contacts/${contactId}`, body),
    openDispute: (customerId: string, body: TOpenDisputeRequest) => request<TDispute>('POST', `/v1/customers/${customerId}/disputes`, body),
    resolveDispute: (disputeId: string, body: TResolveDisputeRequest) => request<TDispute>('POST', `/v1/disputes/${disputeId}/resolve`, body),
    createPromise: (customerId: string, body: Partial<TCreatePromiseRequest> & Pick<TCreatePromiseRequest, 'amount' | 'promisedDate'>) =>
      request<TPromise>('POST', `/v1/customers/${customerId}/promises`, body),
    createHold: (customerId: string, body: TCreateHoldRequest) => request<THold>('POST', `/v1/customers/${customerId}/holds`, body),
    clearHold: (holdId: string) => request<void>('DELETE', `/v1/holds/${holdId}`),
    createNote: (customerId: string, body: TCreateNoteRequest) => request<TNote>('POST', `/v1/customers/${customerId}/notes`, body),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
