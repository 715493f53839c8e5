/** How a generated request's slots are filled: own values, one slot from another org or missing, optional ones left out. */
import { randomUUID } from 'node:crypto';
import { OMIT, type Fill, type Slot } from './example-body';
import type { TenantWorld } from './tenant-world';

export interface FillPlan {
  /** The caller's world: every slot not faulted comes from here. */
  own: TenantWorld;
  /** One slot (by `at`) filled with another organisation's value, or with one that exists nowhere. */
  fault?: { at: string; with: 'foreign' | 'missing'; foreign: TenantWorld };
  /** Leave optional ids and refs out. */
  omitOptional?: boolean;
  /** New external refs, thread and message keys, so creations really create. */
  fresh?: boolean;
}

const short = () => randomUUID().slice(0, 8);

/** The fill function for a plan. */
export function slotFill(plan: FillPlan): Fill {
  return (slot: Slot) => {
    if (plan.fault?.at === slot.at) return faultValue(slot, plan.fault);
    if (plan.omitOptional && slot.optional && slot.kind !== 'key') return OMIT;
    if (slot.kind === 'id') return plan.own.ids[slot.entity];
    if (slot.kind === 'ref') return plan.fresh && slot.field === 'externalRef' ? `NEW-${short()}` : plan.own.refs[slot.entity];
    if (slot.entity === 'newEmail') return `person-${short()}@shared-industries.example`;
    if (plan.fresh && slot.entity === 'threadKey') return `conv-${short()}`;
    if (plan.fresh && slot.entity === 'messageKey') return `<${short()}@shared-industries.example>`;
    return plan.own.keys[slot.entity];
  };
}

function faultValue(slot: Slot, fault: NonNullable<FillPlan['fault']>): unknown {
  if (slot.kind === 'key') throw new Error(`natural keys are shared, not faulted (${slot.at})`);
  if (fault.with === 'missing') return slot.kind === 'id' ? randomUUID() : `MISSING-${short()}`;
  return slot.kind === 'id' ? fault.foreign.ids[slot.entity] : fault.foreign.soloRefs[slot.entity];
}
