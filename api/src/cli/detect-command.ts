/** `payside detect --jsonl in.jsonl [--out out.jsonl]`: intent suggestions for messages in a file, without server or database. */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { ZDetectInputLine } from '@shared/schemas';
import { detectIntents } from '@shared/intents';
import { AppError } from '../lib/errors';
import type { Command } from './commands';

/** Detects intents line by line (streamed); a bad line yields `{ id, error }` naming the field, and the command fails at the end. */
export async function detectFile(input: string, output: NodeJS.WritableStream, defaults: { timeZone: string; ownDomains: string[] }): Promise<{ lines: number; errors: number }> {
  const lines = createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity });
  let count = 0;
  let errors = 0;
  for await (const raw of lines) {
    if (raw.trim() === '') continue;
    count++;
    const result = detectLine(raw, count, defaults);
    if ('error' in result) errors++;
    if (!output.write(`${JSON.stringify(result)}\n`)) await once(output, 'drain');
  }
  return { lines: count, errors };
}

function detectLine(raw: string, lineNo: number, defaults: { timeZone: string; ownDomains: string[] }): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { line: lineNo, error: 'not valid JSON' };
  }
  const parsed = ZDetectInputLine.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { id: (json as { id?: unknown })?.id ?? null, line: lineNo, error: `${issue.path.join('.') || 'line'}: ${issue.message}` };
  }
  const m = parsed.data;
  const suggestions = detectIntents(
    { subject: m.subject, bodyText: m.bodyText, from: m.from, to: m.to, cc: m.cc, receivedAt: m.receivedAt },
    { timeZone: m.timeZone ?? defaults.timeZone, orgDomains: [...defaults.ownDomains, ...(m.org?.domains ?? [])], customer: m.customer?.invoices.length ? m.customer : null },
  );
  return { id: m.id, suggestions };
}

export const detectCommands: Record<string, Command> = {
  detect: {
    summary: 'Detect intents (promises, disputes, remittances, …) in messages from a JSONL file; needs no server or database',
    usage: 'detect --jsonl <in.jsonl> [--out <out.jsonl>] [--time-zone Europe/London] [--own-domain example.com]…',
    options: { jsonl: { type: 'string' }, out: { type: 'string' }, 'time-zone': { type: 'string' }, 'own-domain': { type: 'string', multiple: true } },
    database: false,
    run: async ({ values, out }) => {
      const file = typeof values.jsonl === 'string' ? values.jsonl : '';
      if (!file) throw new AppError('validation_failed', '--jsonl <file> is required');
      const timeZone = typeof values['time-zone'] === 'string' ? values['time-zone'] : 'UTC';
      if (!isTimeZone(timeZone)) throw new AppError('validation_failed', `--time-zone: "${timeZone}" is not an IANA time zone`);
      const ownDomains = Array.isArray(values['own-domain']) ? values['own-domain'].map((d) => String(d).toLowerCase()) : [];
      const target: WriteStream | NodeJS.WriteStream = typeof values.out === 'string' ? createWriteStream(values.out) : process.stdout;
      let result: { lines: number; errors: number };
      try {
        result = await detectFile(file, target, { timeZone, ownDomains });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('validation_failed', `--jsonl: ${file} does not exist`);
        throw error;
      } finally {
        if (target !== process.stdout) await new Promise<void>((done) => (target as WriteStream).end(done));
      }
      if (typeof values.out === 'string') out(`${result.lines} messages read, suggestions written to ${values.out}.`);
      if (result.errors > 0) throw new AppError('validation_failed', `${result.errors} of ${result.lines} lines could not be read (see their "error")`);
    },
  },
};

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
