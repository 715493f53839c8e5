/**
 * Google's event object, as POSTed to every HTTP add-on endpoint, validated loosely:
 * unknown fields pass through, so a new Google field never breaks the add-on.
 * @see https://developers.google.com/workspace/add-ons/concepts/event-objects
 */
import { z } from 'zod';

const ZMsSinceEpoch = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);

const ZFormInput = z.looseObject({
  stringInputs: z.looseObject({ value: z.array(z.string()).default([]) }).optional(),
  dateInput: z.looseObject({ msSinceEpoch: ZMsSinceEpoch }).optional(),
  dateTimeInput: z.looseObject({ msSinceEpoch: ZMsSinceEpoch, hasDate: z.boolean().optional(), hasTime: z.boolean().optional() }).optional(),
});

export const ZGmailEvent = z.looseObject({
  commonEventObject: z.looseObject({
    hostApp: z.string().optional(),
    platform: z.string().optional(),
    userLocale: z.string().optional(),
    timeZone: z.looseObject({ id: z.string().optional(), offset: z.number().optional() }).optional(),
    formInputs: z.record(z.string(), ZFormInput).optional(),
    parameters: z.record(z.string(), z.string()).optional(),
  }),
  authorizationEventObject: z.looseObject({
    userOAuthToken: z.string().optional(),
    userIdToken: z.string().optional(),
    systemIdToken: z.string().optional(),
  }),
  gmail: z
    .looseObject({
      messageId: z.string().min(1).optional(),
      threadId: z.string().min(1).optional(),
      accessToken: z.string().min(1).optional(),
      toRecipients: z.array(z.string()).optional(),
      ccRecipients: z.array(z.string()).optional(),
      bccRecipients: z.array(z.string()).optional(),
    })
    .optional(),
});
export type TGmailEvent = z.output<typeof ZGmailEvent>;

/** The first value of a text input, trimmed; undefined when empty or absent. */
export function formString(event: TGmailEvent, name: string): string | undefined {
  const value = event.commonEventObject.formInputs?.[name]?.stringInputs?.value[0]?.trim();
  return value ? value : undefined;
}

/** Every value of a multi-valued input (checkboxes). */
export function formStrings(event: TGmailEvent, name: string): string[] {
  return event.commonEventObject.formInputs?.[name]?.stringInputs?.value ?? [];
}

/** A date picker's value as `YYYY-MM-DD` (DATE_ONLY pickers send midnight UTC); a typed `YYYY-MM-DD` is accepted too. */
export function formDate(event: TGmailEvent, name: string): string | undefined {
  const input = event.commonEventObject.formInputs?.[name];
  const ms = input?.dateInput?.msSinceEpoch ?? input?.dateTimeInput?.msSinceEpoch;
  if (ms !== undefined && Number.isFinite(ms)) return new Date(ms).toISOString().slice(0, 10);
  return formString(event, name);
}
