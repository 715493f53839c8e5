/** Types shared by routes, middleware and services. */
import type { TRole } from '@shared/schemas';
import type { Verifier } from '../auth/verifier';
import type { Db } from '../db/client';

/** Who is calling, resolved by one of the auth verifiers. */
export interface Principal {
  userId: string;
  orgId: string;
  email: string;
  name: string;
  role: TRole;
  via: 'api-token' | 'entra' | 'google';
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
}

export interface AppVariables {
  requestId: string;
  principal: Principal;
  db: Db;
  verifiers: Verifier[];
}

export type AppEnv = { Variables: AppVariables };
