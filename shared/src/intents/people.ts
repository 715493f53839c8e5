/** E-mail addresses and the person's name written next to them. */

const RE_EMAIL = /[\p{L}\d._%+'-]+@[\p{L}\d.-]+\.\p{L}{2,}/gu;
const NAME = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Frau|Herr|Mme|M|Sr|Sra|Dhr|Mevr)\.?\s+)?([\p{Lu}][\p{L}'’-]+(?:\s+(?:van|de|der|den|von|la|le|del|da|di)?\s*[\p{Lu}][\p{L}'’-]+){1,2})`;
const NAME_BEFORE = new RegExp(`${NAME}\\s*(?:\\(|<|,|:|-|–|\\bat\\b|\\bunter\\b|\\bà\\b|\\ben\\b|\\bop\\b|\\bvia\\b)?\\s*(?:[\\p{L} ,]{0,40}[:,]\\s*)?$`, 'u');

export interface FoundAddress {
  address: string;
  index: number;
}

/** Addresses in `text`, in order. */
export function findAddresses(text: string): FoundAddress[] {
  return [...text.slice(0, 20_000).matchAll(RE_EMAIL)].map((m) => ({ address: m[0].replace(/\.$/, '').toLowerCase(), index: m.index ?? 0 }));
}

const NOT_NAMES = /^(?:Please|Bitte|Merci|Por|Kind|Best|Dear|Thanks|Email|E-Mail|Mail|Contact|Kontakt|Tel|Phone|Accounts|Finance|Ihre|Votre|Su|Uw)\b/u;

/** The name written just before an address ("Rachel Kim (rachel.kim@…)"), or null. */
export function nameBefore(text: string, index: number): string | null {
  const left = text.slice(Math.max(0, index - 80), index);
  const m = NAME_BEFORE.exec(left);
  const name = m?.[1]?.trim() ?? null;
  return name && !NOT_NAMES.test(name) ? name : null;
}

/** The domain of an address, lower-case. */
export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
