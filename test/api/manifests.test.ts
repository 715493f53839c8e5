/**
 * The Outlook manifests: the XML one checked element by element against the XSD
 * sequences, the unified one validated offline against Microsoft's schema; the
 * served routes, /outlook/config.json, the icons and `payside manifest`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderGmailDeployment } from '../../manifest/src/gmail-deployment';
import { renderOutlookJsonManifest, UNIFIED_MANIFEST_VERSION } from '../../manifest/src/render-outlook-json-manifest';
import { renderOutlookXmlManifest } from '../../manifest/src/render-outlook-xml-manifest';
import { createApp } from '../helpers/app';
import { deploymentErrors } from '../helpers/gmail-deployment-schema';
import { serverBaseUrl } from '../../api/src/startup/base-url';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { client } from '../helpers/http';
import { readPng } from '../helpers/png';
import { childEnv, repoRoot, runCli } from '../helpers/spawn';
import { unifiedSchemaPath, validateUnifiedManifest } from '../helpers/unified-manifest';
import { child, childNames, findAll, parseXml, type XmlNode } from '../helpers/xml';
import { readStoredZip } from '../helpers/zip';

const PUBLIC_URL = 'https://payside.example.com';
const CLIENT_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';

/**
 * Child sequences from Microsoft's XSDs (OfficeAppManifestV1_1, MailAppVersionOverridesV1_0/V1_1,
 * OfficeAppBasicTypesV1_0): children may be omitted when optional but never reordered.
 * @see https://learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering
 */
const XSD = {
  mailApp: ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'FormSettings', 'Permissions', 'Rule', 'DisableEntityHighlighting', 'VersionOverrides'],
  mailAppRequired: ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'Requirements', 'FormSettings', 'Rule'],
  overrides10: ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides'],
  overrides11: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  formFactor: ['FunctionFile', 'ExtensionPoint'],
  group: ['Label', 'Control'],
  button: ['Label', 'Supertip', 'Icon', 'Action'],
  supertip: ['Title', 'Description'],
  showTaskpane10: ['SourceLocation'],
  showTaskpane11: ['SourceLocation', 'SupportsPinning', 'SupportsNoItemContext', 'SupportsMultiSelect'],
  resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
  readSettings: ['SourceLocation', 'RequestedHeight'],
};

/** Children are known, in XSD order (repeats only where allowed), and the required ones are there. */
function expectXsdOrder(node: XmlNode, sequence: string[], options: { required?: string[]; repeatable?: string[] } = {}) {
  const names = childNames(node);
  for (const name of names) expect(sequence, `<${name}> is not a child of <${node.name}>`).toContain(name);
  for (let k = 1; k < names.length; k++) {
    const [before, now] = [sequence.indexOf(names[k - 1]!), sequence.indexOf(names[k]!)];
    const inOrder = now > before || (now === before && (options.repeatable ?? []).includes(names[k]!));
    expect(inOrder, `<${names[k]}> after <${names[k - 1]}> in <${node.name}>: ${names.join(', ')}`).toBe(true);
  }
  for (const name of options.required ?? []) expect(names, `<${node.name}> needs <${name}>`).toContain(name);
}

const byType = (node: XmlNode, name: string, type: string) => node.children.filter((c) => c.name === name && c.attrs['xsi:type'] === type);

/** The command buttons of a VersionOverrides block, checked against the XSD on the way. */
function commandButtons(overrides: XmlNode, version: '1.0' | '1.1') {
  const host = child(child(overrides, 'Hosts'), 'Host');
  expect(host.attrs['xsi:type']).toBe('MailHost');
  const formFactor = child(host, 'DesktopFormFactor');
  expectXsdOrder(formFactor, XSD.formFactor, { required: ['ExtensionPoint'], repeatable: ['ExtensionPoint'] });
  return Object.fromEntries(
    (['MessageReadCommandSurface', 'MessageComposeCommandSurface'] as const).map((surface) => {
      const [point] = byType(formFactor, 'ExtensionPoint', surface);
      expect(point, `${surface} in VersionOverrides ${version}`).toBeDefined();
      const group = child(child(point!, 'OfficeTab'), 'Group');
      expectXsdOrder(group, XSD.group, { required: XSD.group, repeatable: ['Control'] });
      const button = child(group, 'Control');
      expect(button.attrs['xsi:type']).toBe('Button');
      expectXsdOrder(button, XSD.button, { required: XSD.button });
      expectXsdOrder(child(button, 'Supertip'), XSD.supertip, { required: XSD.supertip });
      const action = child(button, 'Action');
      expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
      expectXsdOrder(action, version === '1.0' ? XSD.showTaskpane10 : XSD.showTaskpane11, { required: ['SourceLocation'] });
      return [surface, { group, button, action }];
    }),
  );
}

describe('XML manifest (add-in only)', () => {
  const root = parseXml(renderOutlookXmlManifest({ publicUrl: PUBLIC_URL, entraClientId: CLIENT_ID }));
  const overrides10 = child(root, 'VersionOverrides');
  const overrides11 = child(overrides10, 'VersionOverrides');

  it('is a MailApp whose children are the ones the XSD requires, in its order', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs).toMatchObject({ xmlns: 'http://schemas.microsoft.com/office/appforoffice/1.1', 'xsi:type': 'MailApp', 'xmlns:bt': 'http://schemas.microsoft.com/office/officeappbasictypes/1.0' });
    expectXsdOrder(root, XSD.mailApp, { required: XSD.mailAppRequired });
    expect(childNames(root)).toEqual(expect.arrayContaining(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Permissions', 'VersionOverrides']));
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(root, 'Version').text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(root, 'DefaultLocale').text).toBe('en-US');
    expect(child(child(root, 'Hosts'), 'Host').attrs.Name).toBe('Mailbox');
  });

  it('needs Mailbox 1.5, opens the pane in read and compose forms, with ReadWriteItem on messages', () => {
    expect(child(child(child(root, 'Requirements'), 'Sets'), 'Set').attrs).toEqual({ Name: 'Mailbox', MinVersion: '1.5' });
    const forms = child(root, 'FormSettings').children;
    expect(forms.map((f) => f.attrs['xsi:type'])).toEqual(['ItemRead', 'ItemEdit']);
    const read = child(forms[0]!, 'DesktopSettings');
    expectXsdOrder(read, XSD.readSettings, { required: XSD.readSettings });
    expect(Number(child(read, 'RequestedHeight').text)).toBeGreaterThanOrEqual(32);
    for (const form of forms) expect(child(child(form, 'DesktopSettings'), 'SourceLocation').attrs.DefaultValue).toBe(`${PUBLIC_URL}/outlook/taskpane.html`);
    expect(child(root, 'Permissions').text).toBe('ReadWriteItem');
    const rule = child(root, 'Rule');
    expect(rule.attrs).toMatchObject({ 'xsi:type': 'RuleCollection', Mode: 'Or' });
    expect(rule.children.map((r) => r.attrs)).toEqual([
      { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Read' },
      { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Edit' },
    ]);
  });

  it('nests VersionOverrides 1.1 inside 1.0, both with read and compose buttons, pinning only in 1.1', () => {
    expect(overrides10.attrs).toMatchObject({ xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides', 'xsi:type': 'VersionOverridesV1_0' });
    expect(overrides11.attrs).toMatchObject({ xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1', 'xsi:type': 'VersionOverridesV1_1' });
    expectXsdOrder(overrides10, XSD.overrides10, { required: ['Hosts', 'Resources', 'VersionOverrides'] });
    expect(childNames(overrides10).at(-1)).toBe('VersionOverrides');
    expectXsdOrder(overrides11, XSD.overrides11, { required: ['Requirements', 'Hosts', 'Resources'] });
    const sets = child(child(overrides11, 'Requirements'), 'bt:Sets');
    expect(sets.attrs.DefaultMinVersion).toBe('1.5');
    expect(child(sets, 'bt:Set').attrs.Name).toBe('Mailbox');

    for (const { action } of Object.values(commandButtons(overrides10, '1.0'))) expect(childNames(action)).not.toContain('SupportsPinning');
    const v11 = commandButtons(overrides11, '1.1');
    for (const { action } of Object.values(v11)) expect(child(action, 'SupportsPinning').text).toBe('true');
    const ids = findAll(overrides11, (n) => n.name === 'Control' || n.name === 'Group').map((n) => n.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every resid inside its own VersionOverrides and keeps strings within the XSD limits', () => {
    for (const overrides of [overrides10, overrides11]) {
      const resources = child(overrides, 'Resources');
      expectXsdOrder(resources, XSD.resources, { required: XSD.resources });
      const defined = new Map(findAll(resources, (n) => n.attrs.id !== undefined).map((n) => [n.attrs.id!, n]));
      const own = (n: XmlNode) => findAll(n, () => true).filter((d) => d.name === 'VersionOverrides').length === 0;
      const hosts = child(overrides, 'Hosts');
      expect(own(hosts)).toBe(true);
      const references = findAll(hosts, (n) => n.attrs.resid !== undefined);
      expect(references.length).toBeGreaterThan(10);
      for (const ref of references) expect(defined.has(ref.attrs.resid!), `resid ${ref.attrs.resid}`).toBe(true);
      for (const id of defined.keys()) expect(id.length).toBeLessThanOrEqual(32);
      for (const s of child(resources, 'bt:ShortStrings').children) expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
      for (const s of child(resources, 'bt:LongStrings').children) expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
      const sizes = child(resources, 'bt:Images').children.map((i) => i.attrs.DefaultValue);
      expect(sizes).toEqual([16, 32, 80].map((s) => `${PUBLIC_URL}/outlook/assets/icon-${s}.png`));
    }
    expect(child(root, 'DisplayName').attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
    expect(child(root, 'Description').attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
  });

  it('points every URL at the public URL (path kept, special characters escaped)', () => {
    const base = 'https://tunnel.example.net/pay&side';
    const tree = parseXml(renderOutlookXmlManifest({ publicUrl: `${base}/` }));
    const urls = findAll(tree, () => true)
      .flatMap((n) => [n.attrs.DefaultValue, n.name === 'AppDomain' ? n.text : undefined])
      .filter((v): v is string => typeof v === 'string' && v.startsWith('http'));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url === 'https://tunnel.example.net' || url.startsWith(`${base}/`), url).toBe(true);
    expect(urls).toContain(`${base}/outlook/taskpane.html`);
    expect(child(child(tree, 'AppDomains'), 'AppDomain').text).toBe('https://tunnel.example.net');
  });
});

describe('unified manifest (JSON)', () => {
  it(`validates against Microsoft's published v${UNIFIED_MANIFEST_VERSION} schema, with and without Entra`, () => {
    expect(existsSync(unifiedSchemaPath(UNIFIED_MANIFEST_VERSION))).toBe(true);
    expect(validateUnifiedManifest(renderOutlookJsonManifest({ publicUrl: PUBLIC_URL }))).toEqual([]);
    expect(validateUnifiedManifest(renderOutlookJsonManifest({ publicUrl: PUBLIC_URL, entraClientId: CLIENT_ID }))).toEqual([]);
    // The validator is not a rubber stamp.
    const broken = { ...renderOutlookJsonManifest({ publicUrl: PUBLIC_URL }), accentColor: 'blue', id: 'payside' };
    expect(validateUnifiedManifest(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('needs Mailbox 1.5 in mail, and opens a pinnable pane from read and compose', () => {
    const manifest = renderOutlookJsonManifest({ publicUrl: PUBLIC_URL }) as any;
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    const [extension] = manifest.extensions;
    expect(extension.requirements).toEqual({ scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: '1.5' }] });
    const [runtime] = extension.runtimes;
    expect(runtime.code.page).toBe(`${PUBLIC_URL}/outlook/taskpane.html`);
    expect(runtime.actions).toEqual([expect.objectContaining({ type: 'openPage', pinnable: true })]);
    const [ribbon] = extension.ribbons;
    expect(ribbon.contexts).toEqual(['mailRead', 'mailCompose']);
    const control = ribbon.tabs[0].groups[0].controls[0];
    expect(control.actionId).toBe(runtime.actions[0].id);
    expect(control.icons.map((i: { url: string }) => i.url)).toEqual([16, 32, 80].map((s) => `${PUBLIC_URL}/outlook/assets/icon-${s}.png`));
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.validDomains).toEqual(['payside.example.com']);
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }]);
    expect(manifest.id).toBe(child(parseXml(renderOutlookXmlManifest({ publicUrl: PUBLIC_URL })), 'Id').text);
  });

  it('names the Entra app and its Application ID URI only when a client id is given', () => {
    expect(renderOutlookJsonManifest({ publicUrl: PUBLIC_URL })).not.toHaveProperty('webApplicationInfo');
    expect(renderOutlookJsonManifest({ publicUrl: `${PUBLIC_URL}:8443/`, entraClientId: CLIENT_ID }).webApplicationInfo).toEqual({
      id: CLIENT_ID,
      resource: `api://payside.example.com:8443/${CLIENT_ID}`,
    });
  });
});

describe('served by the app', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('serves both manifests for PUBLIC_URL without authentication, with the right content types', async () => {
    const app = createApp({ db: database.db, outlook: { publicUrl: PUBLIC_URL, entraClientId: CLIENT_ID } });
    const xml = await client(app).get('/manifest/outlook.xml');
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml; charset=utf-8/i);
    const tree = parseXml(xml.body);
    expect(child(child(tree, 'FormSettings').children[0]!, 'DesktopSettings').children[0]!.attrs.DefaultValue).toBe(`${PUBLIC_URL}/outlook/taskpane.html`);
    const json = await client(app).get('/manifest/outlook.json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(validateUnifiedManifest(json.body)).toEqual([]);
    expect(json.body.webApplicationInfo.resource).toBe(`api://payside.example.com/${CLIENT_ID}`);
  });

  it('never builds a manifest, the Gmail descriptor or the OpenAPI servers from the Host or X-Forwarded-Host header', async () => {
    const hostile = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'host=evil.example;proto=https' };
    const served = async (app: ReturnType<typeof createApp>) => {
      const texts: string[] = [];
      for (const path of ['/manifest/outlook.xml', '/manifest/outlook.json', '/manifest/gmail-deployment.json', '/v1/openapi.json']) {
        const res = await app.request(`http://evil.example${path}`, { headers: hostile });
        expect(res.status, path).toBe(200);
        texts.push(await res.text());
      }
      return texts.join('\n');
    };
    // Without PUBLIC_URL: the configured listen address.
    const listening = await served(createApp({ db: database.db, baseUrl: serverBaseUrl({ PUBLIC_URL: undefined, HOST: '0.0.0.0', PORT: 8787 }) }));
    expect(listening).not.toContain('evil.example');
    expect(listening).toContain('http://localhost:8787/outlook/taskpane.html');
    expect(listening).toContain('http://localhost:8787/gmail/homepage');
    expect(listening).toContain('"servers":[{"url":"http://localhost:8787"}]');
    // With PUBLIC_URL: that.
    const configured = await served(createApp({ db: database.db, baseUrl: serverBaseUrl({ PUBLIC_URL: PUBLIC_URL, HOST: '0.0.0.0', PORT: 8787 }), outlook: { publicUrl: PUBLIC_URL } }));
    expect(configured).not.toContain('evil.example');
    expect(configured).not.toContain('localhost');
    expect(configured).toContain(`${PUBLIC_URL}/outlook/taskpane.html`);
    expect(configured).toContain(`${PUBLIC_URL}/gmail/message`);
  });

  it('falls back to the listen address, a wildcard host read as localhost', () => {
    expect(serverBaseUrl({ PUBLIC_URL: undefined, HOST: '0.0.0.0', PORT: 8787 })).toBe('http://localhost:8787');
    expect(serverBaseUrl({ PUBLIC_URL: undefined, HOST: '::', PORT: 9000 })).toBe('http://localhost:9000');
    expect(serverBaseUrl({ PUBLIC_URL: undefined, HOST: '127.0.0.1', PORT: 8787 })).toBe('http://127.0.0.1:8787');
    expect(serverBaseUrl({ PUBLIC_URL: undefined, HOST: '::1', PORT: 8787 })).toBe('http://[::1]:8787');
    expect(serverBaseUrl({ PUBLIC_URL: 'https://payside.example.com/', HOST: '0.0.0.0', PORT: 8787 })).toBe('https://payside.example.com');
  });

  it("serves the Gmail descriptor in the shape of Google's Deployment resource", async () => {
    const res = await client(createApp({ db: database.db, baseUrl: PUBLIC_URL })).get('/manifest/gmail-deployment.json');
    expect(res.status).toBe(200);
    expect(deploymentErrors(res.body)).toEqual([]);
  });

  it('tells the task pane whether Microsoft sign-in is configured (/outlook/config.json)', async () => {
    const config = async (outlook?: Parameters<typeof createApp>[0]['outlook']) => {
      const res = await client(createApp({ db: database.db, outlook })).get('/outlook/config.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      return res.body;
    };
    expect(await config({ entraClientId: CLIENT_ID, publicUrl: PUBLIC_URL })).toEqual({ entraClientId: CLIENT_ID, apiScope: `api://payside.example.com/${CLIENT_ID}/access_as_user` });
    expect(await config({ entraClientId: CLIENT_ID, publicUrl: PUBLIC_URL, scope: 'payside.read' })).toEqual({ entraClientId: CLIENT_ID, apiScope: `api://payside.example.com/${CLIENT_ID}/payside.read` });
    expect(await config({ entraClientId: CLIENT_ID })).toEqual({ entraClientId: CLIENT_ID, apiScope: null });
    expect(await config({ publicUrl: PUBLIC_URL })).toEqual({ entraClientId: null, apiScope: null });
    expect(await config()).toEqual({ entraClientId: null, apiScope: null });
  });
});

describe('icons', () => {
  const assets = `${repoRoot}addin-outlook/public/assets/`;

  it('exist at every size the manifests use, as square PNGs of that size', () => {
    for (const size of [16, 32, 64, 80, 128, 192]) {
      const png = readPng(readFileSync(`${assets}icon-${size}.png`));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.pixels.readUInt32BE(((size >> 1) * size + (size >> 1)) * 4) & 0xff).toBe(255); // opaque centre
    }
  });

  it('include a 32 px outline icon that is white on transparent, as the unified manifest requires', () => {
    const png = readPng(readFileSync(`${assets}outline-32.png`));
    expect([png.width, png.height]).toEqual([32, 32]);
    let opaque = 0;
    for (let at = 0; at < png.pixels.length; at += 4) {
      const [r, g, b, a] = png.pixels.subarray(at, at + 4);
      if (a! > 0) expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
    expect(opaque).toBeGreaterThan(50);
  });
});

describe('npm run payside -- manifest', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'payside-manifest-'));
    // A data folder that does not exist: rendering manifests must not need (or create) a database.
    env = childEnv({ PAYSIDE_DATA_DIR: join(dir, 'no-data'), DATABASE_URL: undefined, PUBLIC_URL: undefined, PAYSIDE_ENTRA_CLIENT_ID: CLIENT_ID });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the XML manifest, the unified manifest, its app package and the Gmail descriptor for --url, and prints their paths', async () => {
    const out = join(dir, 'out');
    const res = await runCli(['manifest', '--url', 'https://abc123.tunnel.example', '--out', out], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const paths = ['outlook.xml', 'outlook.json', 'outlook-app-package.zip', 'gmail-deployment.json'].map((f) => join(out, f));
    for (const path of paths) expect(res.stdout).toContain(path);

    const xml = parseXml(readFileSync(paths[0]!, 'utf8'));
    expect(child(xml, 'IconUrl').attrs.DefaultValue).toBe('https://abc123.tunnel.example/outlook/assets/icon-64.png');
    const json = JSON.parse(readFileSync(paths[1]!, 'utf8'));
    expect(validateUnifiedManifest(json)).toEqual([]);
    expect(json.webApplicationInfo).toEqual({ id: CLIENT_ID, resource: `api://abc123.tunnel.example/${CLIENT_ID}` });

    const zip = readStoredZip(readFileSync(paths[2]!));
    expect([...zip.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(zip.get('manifest.json')!.toString('utf8'))).toEqual(json);
    expect(readPng(zip.get('color.png')!).width).toBe(192);
    expect(readPng(zip.get('outline.png')!).width).toBe(32);
    const gmail = JSON.parse(readFileSync(paths[3]!, 'utf8'));
    expect(gmail).toEqual(renderGmailDeployment('https://abc123.tunnel.example'));
    expect(deploymentErrors(gmail)).toEqual([]);
    expect(existsSync(join(dir, 'no-data'))).toBe(false);
  });

  it('defaults to PUBLIC_URL and refuses a URL Outlook would not load', async () => {
    const out = join(dir, 'from-env');
    const res = await runCli(['manifest', '--out', out], { ...env, PUBLIC_URL: 'https://payside.acme.example' });
    expect(res.code).toBe(0);
    expect(readFileSync(join(out, 'outlook.xml'), 'utf8')).toContain('https://payside.acme.example/outlook/taskpane.html');

    const insecure = await runCli(['manifest', '--url', 'http://payside.acme.example', '--out', join(dir, 'no')], env);
    expect(insecure.code).toBe(1);
    expect(insecure.stderr).toContain('HTTPS');
    expect(existsSync(join(dir, 'no'))).toBe(false);

    const missing = await runCli(['manifest', '--out', join(dir, 'no')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--url is required');
  });
});
