/**
 * The unified manifest for Microsoft 365 (JSON): the same add-in for new Outlook,
 * Outlook on the web and the Microsoft 365 admin centre. Validated offline against
 * Microsoft's published schema of UNIFIED_MANIFEST_VERSION in the tests.
 * @see https://learn.microsoft.com/office/dev/add-ins/develop/unified-manifest-overview
 */
import {
  entraResourceUri,
  OUTLOOK_ADDIN_ID,
  OUTLOOK_ADDIN_TEXT,
  OUTLOOK_ADDIN_VERSION,
  OUTLOOK_MAILBOX_MIN_VERSION,
  outlookAddinUrls,
  type OutlookManifestOptions,
} from './outlook-addin';

/** The newest unified manifest schema shipped in @microsoft/app-manifest at the time of writing. */
export const UNIFIED_MANIFEST_VERSION = '1.30';
/** File names of the icons inside the app package (color 192×192, outline 32×32 white on transparent). */
export const UNIFIED_MANIFEST_ICONS = { color: 'color.png', outline: 'outline.png' } as const;

const OPEN_PANE_ACTION = 'openPaysidePane';

/** Renders the unified manifest for a public URL; adds webApplicationInfo when an Entra client id is given. */
export function renderOutlookJsonManifest(options: OutlookManifestOptions): Record<string, unknown> {
  const urls = outlookAddinUrls(options.publicUrl);
  const text = OUTLOOK_ADDIN_TEXT;
  const mailbox = [{ name: 'Mailbox', minVersion: OUTLOOK_MAILBOX_MIN_VERSION }];
  const buttonIcons = ([16, 32, 80] as const).map((size) => ({ size, url: urls.icon(size) }));
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    version: OUTLOOK_ADDIN_VERSION,
    id: OUTLOOK_ADDIN_ID,
    localizationInfo: { defaultLanguageTag: 'en-us' },
    developer: { name: text.provider, websiteUrl: urls.base, privacyUrl: urls.support, termsOfUseUrl: urls.support },
    name: { short: text.name, full: text.fullName },
    description: { short: text.shortDescription, full: text.description },
    icons: { ...UNIFIED_MANIFEST_ICONS },
    accentColor: '#0F6CBD',
    validDomains: [urls.host],
    ...(options.entraClientId ? { webApplicationInfo: { id: options.entraClientId, resource: entraResourceUri(options.publicUrl, options.entraClientId) } } : {}),
    // The unified manifest's equivalent of <Permissions>ReadWriteItem</Permissions>.
    authorization: { permissions: { resourceSpecific: [{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }] } },
    extensions: [
      {
        requirements: { scopes: ['mail'], capabilities: mailbox },
        runtimes: [
          {
            requirements: { capabilities: mailbox },
            id: 'TaskPaneRuntime',
            type: 'general',
            code: { page: urls.taskpane },
            lifetime: 'short',
            actions: [{ id: OPEN_PANE_ACTION, type: 'openPage', view: 'paysidePane', displayName: text.buttonLabel, pinnable: true }],
          },
        ],
        ribbons: [
          {
            contexts: ['mailRead', 'mailCompose'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  {
                    id: 'paysideGroup',
                    label: text.groupLabel,
                    controls: [
                      {
                        id: 'paysideOpenPaneButton',
                        type: 'button',
                        label: text.buttonLabel,
                        icons: buttonIcons,
                        supertip: { title: text.buttonLabel, description: text.buttonTooltip },
                        actionId: OPEN_PANE_ACTION,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        // Lets the admin centre generate an add-in only manifest for hosts without unified manifest support.
        // @see https://learn.microsoft.com/office/dev/add-ins/develop/unified-manifest-overview#client-and-platform-support
        alternates: [{ alternateIcons: { icon: { size: 64, url: urls.icon(64) }, highResolutionIcon: { size: 64, url: urls.icon(128) } } }],
      },
    ],
  };
}
