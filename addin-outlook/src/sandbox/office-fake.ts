/**
 * A scripted stand-in for office.js's Outlook mailbox: the subset of
 * `Office.context.mailbox` the pane uses (read and compose items, ItemChanged,
 * setSelectedDataAsync). The sandbox page and the browser tests load it where
 * office.js would be; its data comes from `window.__paysideMailboxData` (set by a
 * test) or the parent sandbox page's.
 */
import { escapeHtml } from '../../../shared/src/html/escape-html';
import type { FakeItem, FakeMailboxControl, FakeMailboxData } from './fake-mailbox.types';

type Callback<T> = (result: { status: 'succeeded' | 'failed'; value: T; error?: { message: string } }) => void;

/** Requirement set versions compare by parts: 1.5 < 1.13. */
const minorOf = (version: string) => Number(version.split('.')[1] ?? 0);

const succeed = <T>(value: T, cb?: Callback<T>) => setTimeout(() => cb?.({ status: 'succeeded', value }), 0);
const lastCallback = <T>(args: unknown[]) => args.findLast((a) => typeof a === 'function') as Callback<T> | undefined;

function loadData(): FakeMailboxData {
  const own = window.__paysideMailboxData;
  if (own) return own;
  try {
    const parent = window.parent !== window ? window.parent.__paysideMailboxData : undefined;
    if (parent) return parent;
  } catch {
    /* cross-origin parent: no data */
  }
  return { user: { name: 'Sandbox User', email: 'user@example.com' }, items: [] };
}

const data = loadData();
let index = data.index ?? 0;
const handlers: Array<(event: unknown) => void> = [];
const inserted: string[] = [];

const details = (a: { name: string; address: string }) => ({ displayName: a.name, emailAddress: a.address, recipientType: 'externalUser' });

const htmlBodyOf = (item: FakeItem) =>
  item.bodyHtml ?? `<html><body><div>${escapeHtml(item.bodyText).replace(/\n/g, '<br>')}</div></body></html>`;

function readItem(item: FakeItem) {
  return {
    itemType: 'message',
    itemId: `AAMk-${item.id}`,
    conversationId: item.conversationId,
    internetMessageId: item.internetMessageId,
    subject: item.subject,
    from: details(item.from),
    sender: details(item.from),
    to: item.to.map(details),
    cc: item.cc.map(details),
    dateTimeCreated: new Date(item.receivedAt),
    attachments: (item.attachments ?? []).map((a, i) => ({ id: `att-${i}`, name: a.name, size: a.size, attachmentType: 'file', isInline: false })),
    body: { getAsync: (...args: unknown[]) => succeed(args[0] === 'html' ? htmlBodyOf(item) : item.bodyText, lastCallback(args)) },
  };
}

function composeItem(item: FakeItem) {
  const getter = <T>(value: T) => ({ getAsync: (...args: unknown[]) => succeed(value, lastCallback(args)) });
  return {
    itemType: 'message',
    conversationId: item.conversationId,
    subject: getter(item.subject),
    to: getter(item.to.map(details)),
    cc: getter(item.cc.map(details)),
    body: {
      getAsync: (...args: unknown[]) => succeed(item.bodyText, lastCallback(args)),
      setSelectedDataAsync: (html: string, ...args: unknown[]) => {
        inserted.push(html);
        succeed(undefined, lastCallback(args));
      },
    },
  };
}

const currentItem = () => {
  const item = data.items[index];
  if (!item) return null;
  return item.mode === 'compose' ? composeItem(item) : readItem(item);
};

const mailbox = {
  get item() {
    return currentItem();
  },
  userProfile: { displayName: data.user.name, emailAddress: data.user.email, timeZone: 'GMT Standard Time' },
  diagnostics: { hostName: 'OutlookWebApp', hostVersion: 'sandbox' },
  addHandlerAsync: (type: string, handler: (event: unknown) => void, ...rest: unknown[]) => {
    if (type === 'olkItemSelectedChanged') handlers.push(handler);
    succeed(undefined, lastCallback(rest));
  },
  removeHandlerAsync: (_type: string, ...rest: unknown[]) => {
    handlers.length = 0;
    succeed(undefined, lastCallback(rest));
  },
};

const office = {
  HostType: { Outlook: 'Outlook' },
  PlatformType: { OfficeOnline: 'OfficeOnline' },
  CoercionType: { Text: 'text', Html: 'html' },
  EventType: { ItemChanged: 'olkItemSelectedChanged' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  context: {
    displayLanguage: data.locale ?? 'en-GB',
    requirements: { isSetSupported: (name: string, version = '1.1') => name === 'Mailbox' && minorOf(version) <= 13 },
    mailbox,
  },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Outlook', platform: 'OfficeOnline' };
    callback?.(info);
    return Promise.resolve(info);
  },
};

const control: FakeMailboxControl = {
  select(next: number) {
    index = next;
    for (const handler of [...handlers]) handler({ type: 'olkItemSelectedChanged' });
  },
  inserted,
  index: () => index,
};

(window as unknown as { Office: typeof office }).Office = office;
window.__paysideOutlook = control;
