/** Types shared by routes, middleware and services. */
import type { TRole } from '@shared/schemas';
import type { Verifier } from '../auth/verifier';
import type { Db } from '../db/client';
import type { LedgerSummaries } from '../services/ledger/ledger-summaries';
import type { OrgSettings } from '../services/org/get-org-settings';
import type { RateLimiter } from './rate-limit';
import type { RequestDeadline } from './request-deadline';

/** Who is calling, resolved by one of the auth verifiers. */
export interface Principal {
  userId: string;
  orgId: string;
  email: string;
  name: string;
  role: TRole;
  via: 'api-token' | 'entra' | 'google';
  /** The organisation's settings when the verifier read them with the user (saves the sidebar a query). */
  org?: OrgSettings;
}

/** Who a change is attributed to in the audit log. */
export interface Actor {
  userId: string | null;
  /** The user's email, or "cli" / "system". */
  label: string;
}

/** What every service function takes: the database, the tenant and the actor. */
export interface ServiceContext {
  db: Db;
  orgId: string;
  actor: Actor;
  requestId?: string;
  /** Set by a file import: ledger upserts add their summary audit rows here, written once for the whole file. */
  ledgerSummaries?: LedgerSummaries;
}

export interface AppVariables {
  requestId: string;
  principal: Principal;
  db: Db;
  verifiers: Verifier[];
  /** Per-caller request budgets (lib/rate-limit.ts); absent when rate limiting is off. */
  rateLimiter?: RateLimiter;
  /** This request's deadline (lib/request-deadline.ts); absent when none is set. */
  deadline?: RequestDeadline;
}

export type AppEnv = { Variables: AppVariables };
