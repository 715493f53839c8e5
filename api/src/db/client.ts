/**
 * One schema, two drivers: PostgreSQL through `postgres` when a URL is given,
 * embedded PGlite (persisted in a folder, or in memory) otherwise.
 */
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDataFolderLock, type TDataFolderOwner } from './data-folder-lock';
import { preparingPglite } from './pglite-prepared';
import { preparingStatements } from './prepared-statements';
import * as schema from './schema';

export type Schema = typeof schema;
/** A drizzle database or transaction on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Applies the committed migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenDatabaseOptions {
  /** `postgres://…`; when absent the embedded database is used. */
  url?: string;
  /** PGlite data folder; `memory://` for a throwaway database. */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /**
   * Who opens a PGlite data folder, recorded in its lock (data-folder-lock.ts) for the message
   * another process gets; by default a CLI-like run named after this process's arguments.
   */
  owner?: Omit<TDataFolderOwner, 'pid' | 'startedAt'>;
}

/**
 * Settings of every PostgreSQL connection, and of PGlite's one session. Statements are
 * named and prepared once per connection (preparingStatements; preparingPglite on PGlite);
 * by default PostgreSQL still plans one anew at each execution while it judges the generic
 * plan costlier, as it does for the panel's (planning its many subqueries cost more CPU
 * than running them). Forced, each is planned once per connection; hot-query-plans.test.ts
 * holds the generic plans of the hot statements to the same index rules as the plans for
 * their values.
 * @see https://www.postgresql.org/docs/15/sql-prepare.html#SQL-PREPARE-NOTES
 */
export const SESSION_SETTINGS = { plan_cache_mode: 'force_generic_plan' } as const;


/**
 * Text must come back exactly as stored. PGlite's result decoder drops a leading U+FEFF
 * unless api/scripts/keep-pglite-bom.mjs (npm's postinstall) has fixed it; refuse to run
 * on a copy that would silently shorten subjects and bodies.
 */
async function assertTextKeptExactly(client: PGlite): Promise<void> {
  const { rows } = await client.query<{ text: string }>("select E'\\uFEFF' as text");
  if (rows[0]?.text !== '\uFEFF') {
    await client.close();
    throw new Error('The embedded database drops a leading U+FEFF from text: run `npm install` (its postinstall step, api/scripts/keep-pglite-bom.mjs, fixes PGlite\'s decoder).');
  }
}

/** Opens the database the options point at. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { ...SESSION_SETTINGS },
    });
    const db = drizzlePostgres(preparingStatements(client), { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  // A data folder has one owner at a time (throws DataFolderHeldError); memory:// is private to this process.
  const lock = dataDir.startsWith('memory://') ? undefined : acquireDataFolderLock(dataDir, options.owner ?? { kind: 'cli', command: process.argv.slice(1).join(' ') });
  try {
    // pg_trgm: customer search's trigram indexes (migration 0005).
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    for (const [name, value] of Object.entries(SESSION_SETTINGS)) await client.exec(`set ${name} = ${value}`);
    await assertTextKeptExactly(client);
    const pg = drizzlePglite(preparingPglite(client), { schema });
    return {
      db: pg as unknown as Db,
      kind: 'pglite',
      migrate: () => migratePglite(pg, { migrationsFolder }),
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
