/**
 * Event objects exactly as Google POSTs them to HTTP add-on endpoints (field names,
 * nesting, string parameters, formInputs wrappers, msg-/thread- ids as Gmail sends them).
 * @see https://developers.google.com/workspace/add-ons/concepts/event-objects
 */

export const PUBLIC_URL = 'https://payside.example.com';
export const SERVICE_ACCOUNT = 'service-418730241120@gcp-sa-gsuiteaddons.iam.gserviceaccount.com';
export const CLIENT_ID = '418730241120-9o5u3kbfh2v6r8sd0qj6m4p1lc7ne2ta.apps.googleusercontent.com';
export const USER_OAUTH_TOKEN = 'ya29.a0AfB_byDq3n7Z-user-oauth-token-for-tests';
export const MESSAGE_ACCESS_TOKEN = 'AHQf3xZ0k-per-message-gmail-access-token';

type FormInputs = Record<string, { stringInputs?: { value: string[] }; dateInput?: { msSinceEpoch: string } }>;

export interface EventOptions {
  userIdToken?: string;
  systemIdToken?: string;
  gmail?: Record<string, unknown>;
  parameters?: Record<string, string>;
  formInputs?: FormInputs;
}

const common = (o: EventOptions) => ({
  userLocale: 'en-GB',
  hostApp: 'GMAIL',
  platform: 'WEB',
  timeZone: { id: 'Europe/London', offset: 0 },
  ...(o.formInputs ? { formInputs: o.formInputs } : {}),
  ...(o.parameters ? { parameters: o.parameters } : {}),
});

const authorization = (o: EventOptions) => ({
  userOAuthToken: USER_OAUTH_TOKEN,
  ...(o.userIdToken ? { userIdToken: o.userIdToken } : {}),
  ...(o.systemIdToken ? { systemIdToken: o.systemIdToken } : {}),
  authorizedScopes: ['https://www.googleapis.com/auth/gmail.addons.execute', 'https://www.googleapis.com/auth/userinfo.email'],
});

/** The homepage trigger: no Gmail context at all. */
export const homepageEvent = (o: EventOptions = {}) => ({ commonEventObject: common(o), authorizationEventObject: authorization(o) });

/** The contextual trigger (and buttons on its cards): the open message. */
export const messageEvent = (messageId: string, threadId: string, o: EventOptions = {}) => ({
  commonEventObject: common(o),
  authorizationEventObject: authorization(o),
  gmail: { messageId, threadId, accessToken: MESSAGE_ACCESS_TOKEN, ...o.gmail },
});

/** The compose trigger with draftAccess METADATA: the draft's recipients. */
export const composeEvent = (to: string[], cc: string[] = [], o: EventOptions = {}) => ({
  commonEventObject: common(o),
  authorizationEventObject: authorization(o),
  gmail: { accessToken: MESSAGE_ACCESS_TOKEN, toRecipients: to, ccRecipients: cc, bccRecipients: [], ...o.gmail },
});

/** Text inputs as Google wraps them. */
export const text = (value: string) => ({ stringInputs: { value: [value] } });
/** Checkbox groups. */
export const checked = (...values: string[]) => ({ stringInputs: { value: values } });
/** A DATE_ONLY picker: midnight UTC of the day, as a string of milliseconds. */
export const date = (iso: string) => ({ dateInput: { msSinceEpoch: String(Date.parse(`${iso}T00:00:00Z`)) } });
