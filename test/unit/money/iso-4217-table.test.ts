/** The committed table is ISO 4217 list one as the currency-codes package ships it: regenerate, never hand-edit. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ISO_4217_EXPONENTS, ISO_4217_PUBLISHED } from '@shared/money/iso-4217';
import { readIso4217List } from '@shared/money/read-iso-4217-list';

const require = createRequire(import.meta.url);
const xml = readFileSync(require.resolve('currency-codes/iso-4217-list-one.xml'), 'utf8');
const packageData = require('currency-codes/data.js') as Array<{ code: string; digits: number }>;

describe('ISO 4217 table', () => {
  it('equals the list in the currency-codes package (run shared/scripts/generate-iso-4217.ts after bumping it)', () => {
    const list = readIso4217List(xml);
    expect(ISO_4217_EXPONENTS).toEqual(list.exponents);
    expect(ISO_4217_PUBLISHED).toBe(list.published);
  });

  it("agrees with the package's own data.js, leaving out only the codes ISO gives no minor unit", () => {
    const { withoutMinorUnit } = readIso4217List(xml);
    expect(withoutMinorUnit).toEqual(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX']);
    const defined = packageData.filter((c) => !withoutMinorUnit.includes(c.code));
    expect(Object.fromEntries(defined.map((c) => [c.code, c.digits]))).toEqual(ISO_4217_EXPONENTS);
    expect(Object.keys(ISO_4217_EXPONENTS)).toHaveLength(166);
  });
});
