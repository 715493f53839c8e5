/** `npm run payside -- import …`, `import-preset ibm` and `backtest` as an operator runs them: output and exit codes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { childEnv, runCli } from '../helpers/spawn';

let dir: string;
let pgDatabase: TestDatabase | undefined;
let env: NodeJS.ProcessEnv;
const ibmFile = fileURLToPath(new URL('../../../shared/data/ibm-late-payment-histories.csv', import.meta.url));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'payside-ledger-cli-'));
  if (process.env.DATABASE_URL) pgDatabase = await createTestDatabase();
  env = childEnv({ PAYSIDE_DATA_DIR: dir, DATABASE_URL: pgDatabase?.url });
  const org = await runCli(['org', 'create', '--slug', 'books', '--name', 'Books'], env);
  expect(org.code).toBe(0);
}, 60_000);
afterAll(async () => {
  await pgDatabase?.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('payside import', () => {
  it('imports, prints a one-line summary off a terminal, and changes nothing the second time', async () => {
    const path = file('customers.csv', 'Code,Name\nC-1,Acme\nC-2,Bolt\n');
    const first = await runCli(['import', 'customers', path, '--org', 'books', '--map', 'Code=externalRef', '--currency', 'eur'], env);
    expect(first.stderr).toBe(''); // no progress line when stderr is not a terminal
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^customers\.csv: 2 rows of customers: 2 created, 0 updated, 0 unchanged \(\d+\.\d s, [\d,]+ rows\/s\)\.$/m);
    const again = await runCli(['import', 'customers', path, '--org', 'books', '--map', 'Code=externalRef', '--currency', 'EUR'], env);
    expect(again.stdout).toContain('2 rows of customers: 0 created, 0 updated, 2 unchanged');
  }, 60_000);

  it('exits 1 on a bad file, listing rows, columns and reasons, and then "and N more"', async () => {
    const rows = Array.from({ length: 53 }, (_, i) => `I-${i},C-1,31/02/2024,31/03/2024,10`);
    const path = file('invoices.csv', ['Ref,Cust,Issued,Due,Amount', 'I-OK,C-1,01/02/2024,02/03/2024,1.5', ...rows].join('\n'));
    const res = await runCli(['import', 'invoices', path, '--org', 'books', '--date-format', 'dmy', '--currency', 'EUR', '--map', 'Ref=externalRef', '--map', 'Cust=customerRef', '--map', 'Issued=issueDate', '--map', 'Due=dueDate'], env);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    const lines = res.stderr.trim().split('\n');
    expect(lines[0]).toBe('payside: invoices.csv: 53 errors in 54 rows of invoices; nothing was imported.');
    expect(lines[1]).toBe('  row 3, column "Issued": 31/02/2024 is not a calendar date (DD/MM/YYYY)');
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines.at(-1)).toBe('  and 3 more');
    const dry = await runCli(['import', 'invoices', path.replace('invoices', 'none'), '--org', 'books'], env);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('No such file');
  }, 60_000);

  it('explains usage and unknown organisations', async () => {
    const kind = await runCli(['import', 'widgets', 'x.csv', '--org', 'books'], env);
    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain('usage: import <customers|contacts|invoices|payments|credit-notes>');
    const org = await runCli(['import', 'customers', file('c.csv', 'externalRef,name,currency\nX,Y,USD\n'), '--org', 'nope'], env);
    expect(org.code).toBe(1);
    expect(org.stderr).toContain('No organisation with slug "nope"');
    const help = await runCli(['help'], env);
    for (const command of ['import ', 'import-preset', 'backtest']) expect(help.stdout).toContain(command);
  }, 60_000);
});

describe('payside import-preset ibm and backtest', () => {
  it('loads the IBM ledger and prints the backtest next to the due date', async () => {
    const loaded = await runCli(['import-preset', 'ibm', ibmFile, '--org', 'books'], env);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('2,466 rows of payments: 2,466 created');
    expect(loaded.stdout).toContain('resolved disputes: 561 created');
    const res = await runCli(['backtest', 'books'], env);
    expect(res.code).toBe(0);
    const all = /^\s+all\s+2,466\s+([\d.]+) days\s+([\d.]+) days$/m.exec(res.stdout);
    const disputed = /^\s+disputed\s+561\s+([\d.]+) days\s+([\d.]+) days$/m.exec(res.stdout);
    expect(all, res.stdout).not.toBeNull();
    expect(disputed, res.stdout).not.toBeNull();
    expect(Number(all![1])).toBeLessThanOrEqual(Number(all![2]) / 2);
  }, 180_000);
});
