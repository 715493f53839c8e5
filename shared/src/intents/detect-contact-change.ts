/** contact_change: a new AP / billing / approver contact, or a contact who has left. */
import { ub } from './word-boundary';
import type { TIntentSuggestion } from '../schemas/intents';
import { findAddresses, nameBefore } from './people';
import { evidenceOf } from './reading';
import type { ContextContact, Reading, Segment } from './types';

type ContactChange = Extract<TIntentSuggestion, { intent: 'contact_change' }>;
type Role = ContactChange['role'];

const LEFT = ub(/\b(?:has left|have left|left the company|no longer (?:works?|with|at|employed)|is leaving|will be leaving|has retired|retired|in (?:rente|ruhestand)|à la retraite|jubilad[oa]|met pensioen|ausgeschieden|nicht mehr (?:bei|für|im|in)|verlässt|verlassen|a quitté|quitte|ne (?:fait|travaille) plus|ya no (?:trabaja|está con nosotros|está en la empresa|forma parte)|deja la empresa|ha dejado|dejó la empresa|niet meer (?:werkzaam|bij|in dienst)|is vertrokken|uit dienst|heeft .{0,30} verlaten)\b/iu);
const NEW = ub(
  /\b(?:should (?:now )?go to|(?:send|address|direct|forward)\b.{0,60}\bto\b|add\b.{0,60}\bto your (?:distribution|mailing|contact) list|(?:has )?(?:taken over|takes over|replaces|replacing)|successor|from now on|going forward|new (?:contact|mailbox|address)|nachfolger(?:in)?|übernimmt|ab sofort|zuständig|wenden sie sich|merci d'adresser|adressez|remplace|succède|désormais|à partir de maintenant|est confié|las lleva|los autoriza|autoriza|a partir de ahora|diríjanse|envíen|opvolger|voortaan|neemt .{0,30} over|uitsluitend (?:nog )?op|ontvangen wij facturen)\b/iu);
/** The writer introduces themself as the new contact. */
const SELF_NEW = ub(
  /\b(?:I am|I'm|I have|I've) (?:the new|now (?:the|responsible|handling|looking after)|taken over|joined)\b|\bich bin (?:die neue|der neue|ab sofort|jetzt) (?:ansprechpartner|zuständig|für)|\bich habe\b.{0,40}\bübernommen\b|\bje suis (?:la nouvelle|le nouveau|désormais) (?:interlocut|responsable|en charge|comptable)|\bje reprends\b|\bsoy (?:la nueva|el nuevo)\b|\bik ben (?:de nieuwe|vanaf nu)\b|\bik neem\b.{0,30}\bover\b/iu,
);
const ROLE_RULES: Array<[Exclude<Role, null>, RegExp]> = [
  ['approver', ub(/\b(?:approv|authori[sz]|sign(?:s|ing)? off|controller|finance director|cfo|freigabe|freigeben|freigaben|genehmig|valide|validation|autoriza|aprueba|accordeer|fiatteer|responsable comptable)/iu)],
  ['ap', ub(/\b(?:accounts payable|purchase ledger|payables|AP|remittance|queries|statements?|payment (?:queries|questions)|kreditoren|buchhaltung|comptab|fournisseurs|relances|cuentas por pagar|contabilidad|reclamaciones|crediteuren|boekhouding|crediteurenadministratie)\b/iu)],
  ['billing', ub(/\b(?:invoices?|rechnungen|factures?|facturas?|facturen)\b/iu)],
  ['payer', ub(/\b(?:owner|inhaber|propriétaire|dueño|eigenaar|pays|handles payments)\b/iu)],
];

/** Departures and arrivals named in the new text (one each per person). */
export function detectContactChanges(reading: Reading): ContactChange[] {
  const out: ContactChange[] = [];
  const own = reading.message.from.address.toLowerCase();
  for (const segment of reading.segments) {
    if (segment.field !== 'body') continue;
    if (LEFT.test(segment.text) && !out.some((c) => c.left)) {
      const contact = knownContactIn(segment.text, reading.context.customer?.contacts ?? []) ?? (/\b(?:I|ich|je|yo|ik)\b/iu.test(segment.text) ? { name: reading.message.from.name ?? null, email: own } : null);
      const name = contact?.name ?? nameBefore(segment.text, segment.text.search(LEFT));
      out.push(build(segment, name ?? null, contact?.email ?? null, roleOf(contact?.role) ?? 'ap', true));
    }
    if (SELF_NEW.test(segment.text) && !out.some((c) => !c.left && c.address === own)) {
      out.push(build(segment, reading.message.from.name ?? null, own, roleFrom(segment.text), false));
      continue;
    }
    if (!NEW.test(segment.text)) continue;
    const next = reading.segments[reading.segments.indexOf(segment) + 1];
    const address = findAddresses(segment.text).find((a) => a.address !== own) ?? (next ? findAddresses(next.text).find((a) => a.address !== own) : undefined);
    if (!address || out.some((c) => !c.left && c.address === address.address)) continue;
    if ((reading.context.orgDomains ?? []).some((d) => address.address.endsWith(`@${d}`))) continue;
    out.push(build(segment, nameBefore(segment.text, address.index), address.address, roleFrom(segment.text), false));
  }
  return out;
}

function build(segment: Segment, name: string | null, address: string | null, role: Role, left: boolean): ContactChange {
  return {
    intent: 'contact_change',
    name,
    address,
    role,
    left,
    evidence: evidenceOf(segment),
    confidence: 0.75,
    source: left ? 'rule:contact_change.left' : 'rule:contact_change.new',
    explanation: left ? 'A contact has left.' : 'A new contact or mailbox to use.',
  };
}

function knownContactIn(text: string, contacts: ContextContact[]): ContextContact | null {
  for (const contact of contacts) {
    const parts = (contact.name ?? '').split(/\s+/).filter((p) => p.length > 2);
    if (parts.length > 0 && parts.some((p) => new RegExp(`(?<![\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text))) return contact;
  }
  return null;
}

const roleOf = (role?: string | null): Role => (role === 'ap' || role === 'approver' || role === 'billing' || role === 'payer' ? role : role ? 'other' : null);

function roleFrom(text: string): Role {
  for (const [role, re] of ROLE_RULES) if (re.test(text)) return role;
  return null;
}
