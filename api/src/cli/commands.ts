/** The CLI's commands: each parses its flags and calls one service. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ZRole } from '@shared/schemas';
import { renderGmailDeployment } from '../../../manifest/src/gmail-deployment';
import { writeOutlookManifests } from '../../../manifest/src/write-outlook-manifests';
import type { Db } from '../db/client';
import { readEnv } from '../env';
import type { ProgressStream } from '../import/progress';
import { AppError } from '../lib/errors';
import { seedDemo } from '../seed/seed-demo';
import { createOrganization, findOrganizationBySlug } from '../services/orgs/create-organization';
import { setEntraTenant } from '../services/orgs/set-entra-tenant';
import { createToken } from '../services/tokens/create-token';
import { ensureDemoToken } from '../startup/demo-token';
import { detectCommands } from './detect-command';
import { ledgerCommands } from './ledger-commands';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface CommandInput {
  db: Db;
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
  out: (line: string) => void;
  /** The operator's error stream (import progress); the caller's terminal even when the server runs the command. */
  stderr: ProgressStream;
  /** The operator's working directory: file paths given to a command are relative to it, not to the server's. */
  cwd: string;
}

export interface Command {
  summary: string;
  usage: string;
  options: OptionSpec;
  /** False for commands that never touch the database: it is then not opened (nor created). */
  database?: false;
  run(input: CommandInput): Promise<void>;
}

const required = (values: CommandInput['values'], name: string): string => {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('validation_failed', `--${name} is required`);
  return v.trim();
};

export const commands: Record<string, Command> = {
  ...ledgerCommands,
  ...detectCommands,
  migrate: {
    summary: 'Apply database migrations (also done on every start)',
    usage: 'migrate',
    options: {},
    run: async ({ out }) => out('Migrations are up to date.'),
  },
  'seed-demo': {
    summary: 'Create the demo organisation (slug "demo") with realistic data, if it does not exist',
    usage: 'seed-demo [--as-of YYYY-MM-DD]',
    options: { 'as-of': { type: 'string' } },
    run: async ({ db, values, out }) => {
      const asOf = typeof values['as-of'] === 'string' ? values['as-of'] : undefined;
      const { orgId, created } = await seedDemo(db, { asOf });
      const dataDir = readEnv().PAYSIDE_DATA_DIR;
      mkdirSync(dataDir, { recursive: true });
      const token = await ensureDemoToken(db, orgId, dataDir);
      out(created ? 'Demo organisation "demo" created.' : 'Demo organisation "demo" already exists; nothing changed.');
      out(`Demo admin token: ${token}`);
    },
  },
  'org create': {
    summary: 'Create an organisation',
    usage: 'org create --slug <slug> --name <name> [--time-zone Europe/London] [--currency GBP] [--own-domain example.com]… [--entra-tenant <tenant id>]',
    options: { slug: { type: 'string' }, name: { type: 'string' }, 'time-zone': { type: 'string' }, currency: { type: 'string' }, 'own-domain': { type: 'string', multiple: true }, 'entra-tenant': { type: 'string' } },
    run: async ({ db, values, out }) => {
      const org = await createOrganization(db, {
        slug: required(values, 'slug'),
        name: required(values, 'name'),
        timeZone: typeof values['time-zone'] === 'string' ? values['time-zone'] : undefined,
        baseCurrency: typeof values.currency === 'string' ? values.currency.toUpperCase() : undefined,
        ownDomains: Array.isArray(values['own-domain']) ? values['own-domain'].map(String) : [],
        entraTenantId: typeof values['entra-tenant'] === 'string' ? values['entra-tenant'] : undefined,
      });
      out(`Organisation "${org.slug}" created (${org.id}).`);
    },
  },
  'org set-entra-tenant': {
    summary: 'Connect an organisation to its Microsoft Entra tenant, so Outlook sign-in maps its users (--clear disconnects)',
    usage: 'org set-entra-tenant --org <slug> (--tenant <tenant id> | --clear)',
    options: { org: { type: 'string' }, tenant: { type: 'string' }, clear: { type: 'boolean' } },
    run: async ({ db, values, out }) => {
      const slug = required(values, 'org');
      if (values.clear === true && values.tenant !== undefined) throw new AppError('validation_failed', 'Give either --tenant or --clear, not both');
      const org = await setEntraTenant(db, { slug, tenantId: values.clear === true ? null : required(values, 'tenant') });
      out(org.entraTenantId ? `Organisation "${org.slug}" is connected to Entra tenant ${org.entraTenantId}.` : `Organisation "${org.slug}" is no longer connected to an Entra tenant.`);
    },
  },
  'token create': {
    summary: 'Create a personal API token (adds the user if needed); the token is printed on the last line',
    usage: 'token create --org <slug> --email <email> --role <admin|collector|viewer> [--name "Full Name"] [--label "token label"]',
    options: { org: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, label: { type: 'string' } },
    run: async ({ db, values, out }) => {
      const org = await findOrganizationBySlug(db, required(values, 'org'));
      const role = ZRole.safeParse(required(values, 'role'));
      if (!role.success) throw new AppError('validation_failed', '--role must be admin, collector or viewer');
      const email = required(values, 'email');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new AppError('validation_failed', `--email: "${email}" is not an email address`);
      const { secret, user } = await createToken(db, {
        orgId: org.id,
        email,
        role: role.data,
        userName: typeof values.name === 'string' ? values.name : undefined,
        tokenName: typeof values.label === 'string' ? values.label : undefined,
      });
      out(`Token for ${user.email} (${user.role}) in "${org.slug}". Store it now; it is not shown again:`);
      out(secret);
    },
  },
  manifest: {
    summary: 'Render the Outlook manifests (XML, unified JSON and its app package) and the Gmail deployment descriptor for the public HTTPS URL into files',
    usage: 'manifest [--url https://payside.example.com] [--out manifest/dist]   (--url defaults to PUBLIC_URL)',
    options: { url: { type: 'string' }, out: { type: 'string' } },
    database: false,
    run: async ({ values, out, cwd }) => {
      const env = readEnv();
      const publicUrl = typeof values.url === 'string' ? values.url : env.PUBLIC_URL;
      if (!publicUrl) throw new AppError('validation_failed', '--url is required (or set PUBLIC_URL): the HTTPS URL Outlook reaches this server at');
      if (!URL.canParse(publicUrl) || new URL(publicUrl).protocol !== 'https:') throw new AppError('validation_failed', `--url: Outlook loads add-ins only over HTTPS; "${publicUrl}" is not an https:// URL`);
      const outDir = resolve(cwd, typeof values.out === 'string' ? values.out : 'manifest/dist');
      const paths = writeOutlookManifests({ publicUrl, entraClientId: env.PAYSIDE_ENTRA_CLIENT_ID, outDir });
      const gmailPath = join(outDir, 'gmail-deployment.json');
      writeFileSync(gmailPath, `${JSON.stringify(renderGmailDeployment(publicUrl), null, 2)}\n`);
      paths.push(gmailPath);
      out(`Manifests for ${publicUrl}:`);
      for (const path of paths) out(`  ${path}`);
    },
  },
};
