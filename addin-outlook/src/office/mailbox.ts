/**
 * The only module that reads the mailbox through Office.js; everything returns
 * plain typed values so the React code never touches `Office.*`.
 */
import { officeAsync } from './async';
import type { Address, ComposeItem, MailItem, MailUser, ReadItem } from './types';

const toAddress = (a: Office.EmailAddressDetails | null | undefined): Address | null =>
  a?.emailAddress ? { name: a.displayName || a.emailAddress, email: a.emailAddress } : null;
const toAddresses = (list: Office.EmailAddressDetails[] | undefined): Address[] =>
  (list ?? []).map(toAddress).filter((a): a is Address => a !== null);

/** Resolves once Office.js has initialised the add-in. */
export async function waitForOffice(): Promise<void> {
  await Office.onReady();
}

/** The signed-in mailbox user and display language. */
export function currentUser(): MailUser {
  const profile = Office.context.mailbox?.userProfile;
  return {
    email: profile?.emailAddress?.toLowerCase() ?? '',
    name: profile?.displayName ?? '',
    locale: Office.context.displayLanguage || navigator.language || 'en-US',
  };
}

/** Whether the host supports a Mailbox requirement set version. */
export function supportsMailbox(version: string): boolean {
  return Office.context.requirements?.isSetSupported('Mailbox', version) ?? false;
}

/**
 * The selected item (read mode) or the item being written (compose mode).
 * Read and compose items differ in Office.js: in compose, subject and recipients
 * are objects with getAsync rather than values.
 * @see https://learn.microsoft.com/javascript/api/outlook/office.item
 */
export async function readCurrentItem(): Promise<MailItem | null> {
  const item = Office.context.mailbox?.item;
  if (!item) return null;
  if (typeof (item as Office.MessageRead).subject === 'string') return readMessage(item as Office.MessageRead);
  return composeMessage(item as Office.MessageCompose);
}

async function readMessage(item: Office.MessageRead): Promise<ReadItem> {
  const [bodyText, bodyHtml] = await Promise.all([
    officeAsync<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb)),
    // The HTML is only logged, never needed to show the pane: a failure leaves it out.
    officeAsync<string>((cb) => item.body.getAsync(Office.CoercionType.Html, cb)).catch(() => null),
  ]);
  return {
    mode: 'read',
    key: item.itemId ?? item.internetMessageId ?? `${item.conversationId}:${item.subject}`,
    conversationId: item.conversationId ?? null,
    internetMessageId: item.internetMessageId ?? null,
    itemId: item.itemId ?? null,
    from: toAddress(item.from),
    to: toAddresses(item.to),
    cc: toAddresses(item.cc),
    subject: item.subject ?? '',
    sentAt: item.dateTimeCreated ? new Date(item.dateTimeCreated).toISOString() : null,
    bodyText,
    bodyHtml,
    attachments: (item.attachments ?? []).filter((a) => !a.isInline).map((a) => ({ name: a.name, size: a.size })),
  };
}

async function composeMessage(item: Office.MessageCompose): Promise<ComposeItem> {
  const [to, cc, subject] = await Promise.all([
    officeAsync<Office.EmailAddressDetails[]>((cb) => item.to.getAsync(cb)),
    officeAsync<Office.EmailAddressDetails[]>((cb) => item.cc.getAsync(cb)),
    officeAsync<string>((cb) => item.subject.getAsync(cb)),
  ]);
  return {
    mode: 'compose',
    key: `compose:${item.conversationId ?? ''}:${subject}`,
    conversationId: item.conversationId ?? null,
    to: toAddresses(to),
    cc: toAddresses(cc),
    subject: subject ?? '',
  };
}

/**
 * Calls `handler` whenever the user selects another item while the pane is pinned.
 * @see https://learn.microsoft.com/office/dev/add-ins/outlook/pinnable-taskpane
 */
export async function onItemChanged(handler: () => void): Promise<() => void> {
  const mailbox = Office.context.mailbox;
  if (!mailbox?.addHandlerAsync || !supportsMailbox('1.5')) return () => {};
  await officeAsync<void>((cb) => mailbox.addHandlerAsync(Office.EventType.ItemChanged, handler, cb));
  return () => mailbox.removeHandlerAsync(Office.EventType.ItemChanged, () => {});
}

/** Inserts HTML at the cursor of the message being written. */
export async function insertHtmlAtCursor(html: string): Promise<void> {
  const item = Office.context.mailbox?.item as Office.MessageCompose | undefined;
  if (!item?.body?.setSelectedDataAsync) throw new Error('Open a message you are writing to insert the statement');
  await officeAsync<void>((cb) => item.body.setSelectedDataAsync(html, { coercionType: Office.CoercionType.Html }, cb));
}
