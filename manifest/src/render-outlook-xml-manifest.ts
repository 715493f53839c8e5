/**
 * The add-in only (XML) manifest, installable in every Outlook. Element order
 * follows the XSD sequences exactly; Outlook rejects a manifest whose children
 * are out of order with the same error as misplaced ones.
 * @see https://learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering
 */
import { OUTLOOK_ADDIN_ID, OUTLOOK_ADDIN_TEXT, OUTLOOK_ADDIN_VERSION, OUTLOOK_MAILBOX_MIN_VERSION, outlookAddinUrls, type OutlookManifestOptions } from './outlook-addin';
import { el, renderXmlDocument, type XmlElement } from './xml';

const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  mailappor: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.0',
  overrides10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  overrides11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
};

/**
 * Renders the XML manifest for a public URL. Microsoft sign-in (nested app
 * authentication) needs nothing in this manifest, so `entraClientId` is unused here.
 * @see https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
 */
export function renderOutlookXmlManifest(options: OutlookManifestOptions): string {
  const urls = outlookAddinUrls(options.publicUrl);
  const text = OUTLOOK_ADDIN_TEXT;
  return renderXmlDocument(
    el('OfficeApp', { xmlns: NS.officeApp, 'xmlns:xsi': NS.xsi, 'xmlns:bt': NS.bt, 'xmlns:mailappor': NS.mailappor, 'xsi:type': 'MailApp' }, [
      el('Id', {}, OUTLOOK_ADDIN_ID),
      el('Version', {}, `${OUTLOOK_ADDIN_VERSION}.0`),
      el('ProviderName', {}, text.provider),
      el('DefaultLocale', {}, 'en-US'),
      el('DisplayName', { DefaultValue: text.name }),
      el('Description', { DefaultValue: text.description }),
      el('IconUrl', { DefaultValue: urls.icon(64) }),
      el('HighResolutionIconUrl', { DefaultValue: urls.icon(128) }),
      el('SupportUrl', { DefaultValue: urls.support }),
      el('AppDomains', {}, [el('AppDomain', {}, urls.origin)]),
      el('Hosts', {}, [el('Host', { Name: 'Mailbox' })]),
      el('Requirements', {}, [el('Sets', {}, [el('Set', { Name: 'Mailbox', MinVersion: OUTLOOK_MAILBOX_MIN_VERSION })])]),
      // For clients without add-in commands: the pane opens from the add-in bar.
      el('FormSettings', {}, [
        el('Form', { 'xsi:type': 'ItemRead' }, [el('DesktopSettings', {}, [el('SourceLocation', { DefaultValue: urls.taskpane }), el('RequestedHeight', {}, '250')])]),
        el('Form', { 'xsi:type': 'ItemEdit' }, [el('DesktopSettings', {}, [el('SourceLocation', { DefaultValue: urls.taskpane })])]),
      ]),
      el('Permissions', {}, 'ReadWriteItem'),
      el('Rule', { 'xsi:type': 'RuleCollection', Mode: 'Or' }, [
        el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Read' }),
        el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Edit' }),
      ]),
      el('DisableEntityHighlighting', {}, 'false'),
      // SupportsPinning exists only in the 1.1 schema, which must nest inside a 1.0 block; the
      // 1.0 block repeats the commands (without pinning) for hosts that stop at 1.0.
      // @see https://learn.microsoft.com/office/dev/add-ins/outlook/pinnable-taskpane
      el('VersionOverrides', { xmlns: NS.overrides10, 'xsi:type': 'VersionOverridesV1_0' }, [
        commandHosts(false),
        resources(urls),
        el('VersionOverrides', { xmlns: NS.overrides11, 'xsi:type': 'VersionOverridesV1_1' }, [
          el('Requirements', {}, [el('bt:Sets', { DefaultMinVersion: OUTLOOK_MAILBOX_MIN_VERSION }, [el('bt:Set', { Name: 'Mailbox' })])]),
          commandHosts(true),
          resources(urls),
        ]),
      ]),
    ]),
  );
}

/** One button that opens the pane, in read mode and in compose mode. */
function commandHosts(pinnable: boolean): XmlElement {
  const surface = (type: 'MessageReadCommandSurface' | 'MessageComposeCommandSurface', prefix: string) =>
    el('ExtensionPoint', { 'xsi:type': type }, [
      el('OfficeTab', { id: 'TabDefault' }, [
        el('Group', { id: `${prefix}Group` }, [
          el('Label', { resid: 'Group.Label' }),
          el('Control', { 'xsi:type': 'Button', id: `${prefix}OpenPaneButton` }, [
            el('Label', { resid: 'PaneButton.Label' }),
            el('Supertip', {}, [el('Title', { resid: 'PaneButton.Label' }), el('Description', { resid: 'PaneButton.Tooltip' })]),
            el('Icon', {}, [el('bt:Image', { size: '16', resid: 'Icon.16' }), el('bt:Image', { size: '32', resid: 'Icon.32' }), el('bt:Image', { size: '80', resid: 'Icon.80' })]),
            el('Action', { 'xsi:type': 'ShowTaskpane' }, [el('SourceLocation', { resid: 'Taskpane.Url' }), pinnable && el('SupportsPinning', {}, 'true')]),
          ]),
        ]),
      ]),
    ]);
  return el('Hosts', {}, [
    el('Host', { 'xsi:type': 'MailHost' }, [el('DesktopFormFactor', {}, [surface('MessageReadCommandSurface', 'msgRead'), surface('MessageComposeCommandSurface', 'msgCompose')])]),
  ]);
}

function resources(urls: ReturnType<typeof outlookAddinUrls>): XmlElement {
  return el('Resources', {}, [
    el('bt:Images', {}, [16, 32, 80].map((size) => el('bt:Image', { id: `Icon.${size}`, DefaultValue: urls.icon(size as 16 | 32 | 80) }))),
    el('bt:Urls', {}, [el('bt:Url', { id: 'Taskpane.Url', DefaultValue: urls.taskpane })]),
    el('bt:ShortStrings', {}, [el('bt:String', { id: 'Group.Label', DefaultValue: OUTLOOK_ADDIN_TEXT.groupLabel }), el('bt:String', { id: 'PaneButton.Label', DefaultValue: OUTLOOK_ADDIN_TEXT.buttonLabel })]),
    el('bt:LongStrings', {}, [el('bt:String', { id: 'PaneButton.Tooltip', DefaultValue: OUTLOOK_ADDIN_TEXT.buttonTooltip })]),
  ]);
}
