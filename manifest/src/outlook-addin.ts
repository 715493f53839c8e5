/** What both Outlook manifests say about the add-in: identity, texts, and the URLs under a public URL. */

export interface OutlookManifestOptions {
  /** The HTTPS origin (optionally with a path) the Payside server is reached at, e.g. https://payside.example.com. */
  publicUrl: string;
  /** The API's Entra application (client) id, when Microsoft sign-in is configured. */
  entraClientId?: string;
}

/** Stable for the life of the add-in: Outlook treats a new id as a different add-in. */
export const OUTLOOK_ADDIN_ID = '2f9fb48a-7738-407a-900b-b9b00116be44';
export const OUTLOOK_ADDIN_VERSION = '1.0.0';
export const OUTLOOK_ADDIN_TEXT = {
  provider: 'Payside',
  name: 'Payside',
  fullName: 'Payside: the payment relationship beside every email',
  groupLabel: 'Payside',
  buttonLabel: 'Payside',
  buttonTooltip: "Show the customer's balance, overdue invoices, disputes, promises and payer contacts beside this email; log the thread in one click.",
  shortDescription: 'AR status, disputes and promises to pay beside every customer email.',
  description:
    'Payside shows what a customer owes, how late they usually pay, open disputes, promises to pay and payer contacts beside their emails, and logs the thread to the customer in one click.',
} as const;

/** Mailbox requirement set the task pane needs: ItemChanged and pinning arrived in 1.5 (setSelectedDataAsync 1.2, recipients and ids 1.1). */
export const OUTLOOK_MAILBOX_MIN_VERSION = '1.5';

/** Sizes of the PNG icons under /outlook/assets/ (addin-outlook/public/assets/icon-<size>.png). */
export const OUTLOOK_ICON_SIZES = [16, 32, 64, 80, 128, 192] as const;
export type OutlookIconSize = (typeof OUTLOOK_ICON_SIZES)[number];

/** The absolute URLs the manifests point at, derived from the public URL. */
export function outlookAddinUrls(publicUrl: string) {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The public URL must be an http(s) URL, not ${publicUrl}`);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return {
    base,
    origin: url.origin,
    host: url.host,
    taskpane: `${base}/outlook/taskpane.html`,
    support: `${base}/docs`,
    icon: (size: OutlookIconSize) => `${base}/outlook/assets/icon-${size}.png`,
  };
}

/** The Application ID URI of the API's Entra app registration: api://<public host>/<client id>. */
export const entraResourceUri = (publicUrl: string, clientId: string) => `api://${new URL(publicUrl).host}/${clientId}`;
