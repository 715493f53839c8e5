/**
 * A zod schema of exactly the card widgets Payside uses, strict, so a typo or an
 * unsupported field in a card builder fails the tests instead of Gmail's renderer.
 * @see https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1
 */
import { z } from 'zod';

const ZParameter = z.strictObject({ key: z.string().min(1), value: z.string() });
export const ZCardAction = z.strictObject({
  function: z.url(),
  parameters: z.array(ZParameter).optional(),
  loadIndicator: z.enum(['SPINNER', 'NONE']).optional(),
  persistValues: z.boolean().optional(),
  requiredWidgets: z.array(z.string()).optional(),
});
const ZOnClick = z.union([z.strictObject({ action: ZCardAction }), z.strictObject({ openLink: z.strictObject({ url: z.url() }) })]);
const ZColor = z.strictObject({ red: z.number().min(0).max(1), green: z.number().min(0).max(1), blue: z.number().min(0).max(1) });
const ZIcon = z.strictObject({ knownIcon: z.string(), altText: z.string().optional() });
const ZButton = z.strictObject({ text: z.string().min(1), onClick: ZOnClick, disabled: z.boolean().optional(), color: ZColor.optional() });
const ZSelectionItem = z.strictObject({ text: z.string().min(1), value: z.string(), selected: z.boolean().optional() });

const one = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
export const ZWidget = z.union([
  one({ textParagraph: z.strictObject({ text: z.string().min(1) }) }),
  one({
    decoratedText: z.strictObject({
      text: z.string().min(1),
      topLabel: z.string().optional(),
      bottomLabel: z.string().optional(),
      wrapText: z.boolean().optional(),
      startIcon: ZIcon.optional(),
      button: ZButton.optional(),
    }),
  }),
  one({ buttonList: z.strictObject({ buttons: z.array(ZButton).min(1) }) }),
  one({
    textInput: z.strictObject({
      name: z.string().min(1),
      label: z.string().min(1),
      hintText: z.string().optional(),
      value: z.string().optional(),
      type: z.enum(['SINGLE_LINE', 'MULTIPLE_LINE']).optional(),
    }),
  }),
  one({
    selectionInput: z.strictObject({
      name: z.string().min(1),
      label: z.string().min(1),
      type: z.enum(['CHECK_BOX', 'RADIO_BUTTON', 'DROPDOWN', 'SWITCH']),
      items: z.array(ZSelectionItem).min(1).max(100),
    }),
  }),
  one({
    dateTimePicker: z.strictObject({ name: z.string().min(1), label: z.string().min(1), type: z.literal('DATE_ONLY'), valueMsEpoch: z.string().regex(/^\d+$/).optional() }),
  }),
  one({ divider: z.strictObject({}) }),
]);

export const ZCardSection = z.strictObject({
  header: z.string().optional(),
  collapsible: z.boolean().optional(),
  uncollapsibleWidgetsCount: z.number().int().min(1).optional(),
  widgets: z.array(ZWidget).min(1),
});

/** A card; Gmail ignores widgets beyond 100, so more is a bug. */
export const ZCard = z
  .strictObject({
    name: z.string().optional(),
    header: z.strictObject({ title: z.string().min(1), subtitle: z.string().optional() }).optional(),
    sections: z.array(ZCardSection).min(1),
  })
  .refine((card) => card.sections.reduce((n, s) => n + s.widgets.length, 0) <= 100, 'a card holds at most 100 widgets');

const ZNavigation = z.union([
  z.strictObject({ pushCard: ZCard }),
  z.strictObject({ updateCard: ZCard }),
  z.strictObject({ popToRoot: z.literal(true) }),
  z.strictObject({ popCard: z.literal(true) }),
]);

export const ZRenderAction = z.union([
  z.strictObject({
    action: z
      .strictObject({ navigations: z.array(ZNavigation).min(1).optional(), notification: z.strictObject({ text: z.string().min(1) }).optional() })
      .refine((a) => a.navigations || a.notification, 'an action navigates or notifies'),
  }),
  z.strictObject({
    hostAppAction: z.strictObject({
      gmailAction: z.strictObject({
        updateDraftActionMarkup: z.strictObject({
          updateBody: z.strictObject({
            insertContents: z.array(z.strictObject({ content: z.string().min(1), contentType: z.enum(['TEXT', 'MUTABLE_HTML', 'IMMUTABLE_HTML']) })).min(1),
            type: z.literal('IN_PLACE_INSERT'),
          }),
        }),
      }),
    }),
  }),
]);

/** What homepage, contextual and compose triggers return. */
export const ZTriggerResponse = z.strictObject({ action: z.strictObject({ navigations: z.array(z.strictObject({ pushCard: ZCard })).length(1) }) });
/** What button actions return. */
export const ZActionResponse = z.strictObject({ renderActions: ZRenderAction });
