/**
 * Small constructors for the widgets Payside uses. Text fields that Gmail renders as
 * simple HTML (paragraphs, decorated text and its labels, section headers) are escaped
 * here, so ledger and email data can never inject markup; `bold` is the only markup added.
 * @see https://developers.google.com/apps-script/add-ons/concepts/widgets#text_formatting
 */
import type { CardAction, CardButton, CardSection, CardWidget, SelectionItem } from './card-types';

/** Escapes text for a formatted card field. */
export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

/** Bold, escaped. */
export const bold = (s: string) => `<b>${esc(s)}</b>`;

/** A paragraph of escaped text (or of `html` already built from escaped parts). */
export const paragraph = (text: string, options: { html?: boolean } = {}): CardWidget => ({
  textParagraph: { text: options.html ? text : esc(text) },
});

/** A decorated text: label above, text, label below; all escaped. */
export function decorated(text: string, labels: { top?: string; bottom?: string; icon?: string; button?: CardButton } = {}): CardWidget {
  return {
    decoratedText: {
      text: esc(text),
      wrapText: true,
      ...(labels.top ? { topLabel: esc(labels.top) } : {}),
      ...(labels.bottom ? { bottomLabel: esc(labels.bottom) } : {}),
      ...(labels.icon ? { startIcon: { knownIcon: labels.icon } } : {}),
      ...(labels.button ? { button: labels.button } : {}),
    },
  };
}

/** A text button that posts to one of our endpoints. */
export const button = (text: string, action: CardAction, options: { disabled?: boolean; primary?: boolean } = {}): CardButton => ({
  text,
  onClick: { action },
  ...(options.disabled ? { disabled: true } : {}),
  ...(options.primary ? { color: { red: 0.06, green: 0.42, blue: 0.74 } } : {}),
});

/** A row of buttons; null when there is none (a button list must not be empty). */
export const buttons = (...list: Array<CardButton | null | false | undefined>): CardWidget | null => {
  const present = list.filter((b): b is CardButton => Boolean(b));
  return present.length ? { buttonList: { buttons: present } } : null;
};

/** A section; null when it has no widgets (Gmail rejects empty sections). */
export function section(header: string | null, widgets: Array<CardWidget | null | false | undefined>, options: { collapseAfter?: number } = {}): CardSection | null {
  const present = widgets.filter((w): w is CardWidget => Boolean(w));
  if (present.length === 0) return null;
  const collapse = options.collapseAfter !== undefined && present.length > options.collapseAfter;
  return {
    ...(header ? { header: esc(header) } : {}),
    ...(collapse ? { collapsible: true, uncollapsibleWidgetsCount: options.collapseAfter } : {}),
    widgets: present,
  };
}

/** The sections that are present. */
export const sections = (...list: Array<CardSection | null>): CardSection[] => list.filter((s): s is CardSection => s !== null);

/** A text input (plain label). */
export const textInput = (name: string, label: string, options: { hint?: string; value?: string; multiline?: boolean } = {}): CardWidget => ({
  textInput: {
    name,
    label,
    ...(options.hint ? { hintText: options.hint } : {}),
    ...(options.value ? { value: options.value } : {}),
    ...(options.multiline ? { type: 'MULTIPLE_LINE' } : {}),
  },
});

/** Checkboxes, radio buttons or a dropdown. */
export const selection = (name: string, label: string, type: 'CHECK_BOX' | 'RADIO_BUTTON' | 'DROPDOWN', items: SelectionItem[]): CardWidget => ({
  selectionInput: { name, label, type, items },
});

/** A date picker (the event carries midnight UTC of the chosen day). */
export const datePicker = (name: string, label: string, isoDate?: string): CardWidget => ({
  dateTimePicker: { name, label, type: 'DATE_ONLY', ...(isoDate ? { valueMsEpoch: String(Date.parse(`${isoDate}T00:00:00Z`)) } : {}) },
});

/** A horizontal line. */
export const divider = (): CardWidget => ({ divider: {} });
