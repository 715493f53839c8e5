import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, runCli } from '../../helpers/spawn';

let dir: string;
let env: NodeJS.ProcessEnv;

const message = (id: string, bodyText: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, receivedAt: '2026-12-03T10:00:00Z', from: { name: 'Pat Doe', address: 'pat@customer.example' }, to: [{ name: 'AR', address: 'ar@seller.example' }], cc: [], subject: 'Open items', bodyText, ...extra });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'payside-detect-'));
  env = childEnv({ PAYSIDE_DATA_DIR: join(dir, 'data') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run payside -- detect', { timeout: 120_000 }, () => {
  it('writes one line of suggestions per message, without opening a database', async () => {
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    writeFileSync(
      input,
      [
        message('a', 'Hello,\n\nWe will pay invoice A-7781 on 10 December, EUR 1.250,00.\n\nRegards\nPat', {
          customer: { currency: 'EUR', invoices: [{ number: 'A-7781', balance: '1250.00', currency: 'EUR' }] },
        }),
        message('b', 'Hi, we will pay invoice 55120 tomorrow.\n\nPat'),
        message('c', 'Thanks, noted.'),
        message('d', 'We will pay tomorrow.', { from: { name: 'Me', address: 'me@seller.example' } }),
      ].join('\n'),
    );
    const res = await runCli(['detect', '--jsonl', input, '--out', output, '--time-zone', 'Europe/Berlin', '--own-domain', 'seller.example'], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(existsSync(join(dir, 'data', 'pglite'))).toBe(false);
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(lines[0].suggestions).toEqual([
      expect.objectContaining({ intent: 'promise_to_pay', date: '2026-12-10', amount: { value: '1250.00', currency: 'EUR' }, invoices: ['A-7781'], conditional: false, vague: false }),
    ]);
    expect(lines[0].suggestions[0].evidence.text).toBe('We will pay invoice A-7781 on 10 December, EUR 1.250,00.');
    // Without a customer the number is reported as written.
    expect(lines[1].suggestions).toEqual([expect.objectContaining({ intent: 'promise_to_pay', date: '2026-12-04', invoices: ['55120'] })]);
    expect(lines[2].suggestions).toEqual([]);
    expect(lines[3].suggestions).toEqual([]);
  });

  it('names the bad field of a bad line and fails', async () => {
    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, `${message('ok', 'Thanks.')}\n{"id":"x","receivedAt":"yesterday","from":{"address":"a@b.example"}}\nnot json\n`);
    const res = await runCli(['detect', '--jsonl', input], env);
    expect(res.code).toBe(1);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ id: 'ok', suggestions: [] });
    expect(lines[1]).toEqual({ id: 'x', line: 2, error: 'receivedAt: must be an ISO 8601 date-time' });
    expect(lines[2]).toEqual({ line: 3, error: 'not valid JSON' });
    expect(res.stderr).toContain('2 of 3 lines could not be read');
  });

  it('refuses a missing file and an unknown time zone', async () => {
    const missing = await runCli(['detect', '--jsonl', join(dir, 'nope.jsonl')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--jsonl');
    const zone = await runCli(['detect', '--jsonl', join(dir, 'nope.jsonl'), '--time-zone', 'Mars/Olympus'], env);
    expect(zone.code).toBe(1);
    expect(zone.stderr).toContain('--time-zone');
  });
});
