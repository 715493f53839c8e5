/**
 * The Gmail add-on deployment descriptor for a public URL: the JSON that
 * `gcloud workspace-add-ons deployments create|replace --deployment-file=…` takes.
 * @see https://developers.google.com/workspace/add-ons/reference/rest/v1/projects.deployments
 * Checked in tests against test/fixtures/google/gsuiteaddons-deployment.schema.json, written from that reference.
 */
import { endpointUrl, GMAIL_TRIGGERS } from '../../addin-gmail/src/endpoints';

/** The least the add-on needs: run in Gmail, read the open message, insert into drafts, know the user's email. */
export const GMAIL_OAUTH_SCOPES = [
  'https://www.googleapis.com/auth/gmail.addons.execute',
  'https://www.googleapis.com/auth/gmail.addons.current.message.metadata',
  'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
  'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
  'https://www.googleapis.com/auth/userinfo.email',
] as const;

/** A Google-hosted Material icon, so the logo needs nothing from our server. */
export const DEFAULT_LOGO_URL = 'https://www.gstatic.com/images/icons/material/system/1x/payments_black_48dp.png';

export interface GmailDeployment {
  oauthScopes: string[];
  addOns: {
    common: { name: string; logoUrl: string; homepageTrigger: { runFunction: string } };
    gmail: {
      contextualTriggers: Array<{ unconditional: Record<string, never>; onTriggerFunction: string }>;
      composeTrigger: { actions: Array<{ runFunction: string; label: string; logoUrl?: string }>; draftAccess: 'METADATA' | 'NONE' };
    };
    httpOptions: { authorizationHeader: 'SYSTEM_ID_TOKEN' };
  };
}

/** The deployment descriptor with every trigger pointing at `publicUrl` (e.g. https://payside.example.com). */
export function renderGmailDeployment(publicUrl: string, options: { logoUrl?: string } = {}): GmailDeployment {
  const url = (path: string) => endpointUrl(publicUrl, path);
  return {
    oauthScopes: [...GMAIL_OAUTH_SCOPES],
    addOns: {
      common: { name: 'Payside', logoUrl: options.logoUrl ?? DEFAULT_LOGO_URL, homepageTrigger: { runFunction: url(GMAIL_TRIGGERS.homepage) } },
      gmail: {
        contextualTriggers: [{ unconditional: {}, onTriggerFunction: url(GMAIL_TRIGGERS.message) }],
        // The Deployment resource's ComposeTrigger takes MenuItemExtensionPoint actions (runFunction, label, logoUrl);
        // `selectActions: [{ text }]` is the Apps Script manifest's shape, which `deployments create` does not accept.
        // @see https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.script.type/gmail#composetrigger
        composeTrigger: { actions: [{ runFunction: url(GMAIL_TRIGGERS.compose), label: 'Payside statement' }], draftAccess: 'METADATA' },
      },
      // Google signs every request with an ID token of the deployment's service account.
      httpOptions: { authorizationHeader: 'SYSTEM_ID_TOKEN' },
    },
  };
}
