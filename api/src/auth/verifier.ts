/** The pluggable auth step: each verifier recognises one kind of credential. */
import type { Db } from '../db/client';
import type { Principal } from '../lib/types';

export interface VerifierInput {
  /** The Bearer credential, if any. */
  bearer: string | undefined;
  headers: Headers;
  db: Db;
}

/**
 * Returns the principal for a credential it recognises, null for one it does not
 * (the next verifier is tried), and throws `unauthorized` for a recognised but bad one.
 */
export type Verifier = (input: VerifierInput) => Promise<Principal | null>;
