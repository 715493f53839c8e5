/**
 * Every URL Google calls, in one place: the routes mount them, the cards point their
 * buttons at them, and the deployment descriptor lists the triggers.
 */

/** The trigger endpoints named in the deployment descriptor. */
export const GMAIL_TRIGGERS = {
  homepage: '/gmail/homepage',
  message: '/gmail/message',
  compose: '/gmail/compose',
} as const;

/** One endpoint per button. */
export const GMAIL_ACTIONS = {
  logThread: '/gmail/actions/log-thread',
  pickCustomer: '/gmail/actions/pick-customer',
  search: '/gmail/actions/search',
  showForm: '/gmail/actions/show-form',
  addContact: '/gmail/actions/add-contact',
  openDispute: '/gmail/actions/open-dispute',
  resolveDispute: '/gmail/actions/resolve-dispute',
  recordPromise: '/gmail/actions/record-promise',
  setHold: '/gmail/actions/set-hold',
  addNote: '/gmail/actions/add-note',
  insertStatement: '/gmail/actions/insert-statement',
} as const;

export type GmailTrigger = keyof typeof GMAIL_TRIGGERS;
export type GmailAction = keyof typeof GMAIL_ACTIONS;

/** `https://payside.example.com` + `/gmail/message`, without doubled slashes. */
export function endpointUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
