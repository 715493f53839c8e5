/**
 * The bench's own databases, never the one tests use: `payside_bench` on the PostgreSQL
 * server of DATABASE_URL (a throwaway `payside_bench_smoke_<random>` for smoke runs), or a
 * PGlite folder under bench/.data.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import postgres from 'postgres';
import { openDatabase, type Database } from '../api/src/db/client';

export interface BenchDatabaseOptions {
  /** A PGlite data folder; PostgreSQL from DATABASE_URL otherwise. */
  pgliteDir?: string;
  /** Drop and recreate it first. */
  fresh: boolean;
  /** Database name on the PostgreSQL server. */
  name?: string;
}

/** Where the bench database lives: a postgres URL, or a PGlite folder. */
export interface BenchLocation {
  url?: string;
  pgliteDir?: string;
}

/** A fresh, unique database name for a smoke run. */
export const smokeDatabaseName = () => `payside_bench_smoke_${randomBytes(4).toString('hex')}`;

/** The URL of database `name` on DATABASE_URL's server. */
export function benchUrl(name: string): string {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL is not set: the PostgreSQL bench needs a server (or pass --pglite-only)');
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the database `name` on DATABASE_URL's server (if it exists). */
export async function dropBenchDatabase(name: string): Promise<void> {
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** Opens (and, when `fresh`, recreates) the bench database on one connection, migrated. */
export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<{ database: Database; where: string; location: BenchLocation }> {
  if (options.pgliteDir) {
    if (options.fresh) rmSync(options.pgliteDir, { recursive: true, force: true });
    mkdirSync(options.pgliteDir, { recursive: true });
    const database = await openDatabase({ dataDir: options.pgliteDir });
    await database.migrate();
    return { database, where: `PGlite in ${options.pgliteDir}`, location: { pgliteDir: options.pgliteDir } };
  }
  const name = options.name ?? 'payside_bench';
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const url = benchUrl(name);
  if (options.fresh) {
    await dropBenchDatabase(name);
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
  }
  const database = await openDatabase({ url, maxConnections: 1 });
  await database.migrate();
  return { database, where: `PostgreSQL database ${name}`, location: { url } };
}
