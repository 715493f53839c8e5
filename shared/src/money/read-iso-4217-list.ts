/**
 * Reads ISO 4217 list one (the XML ISO publishes, as shipped by the `currency-codes`
 * package) into code → minor-unit exponent. Used by the generator script and by the test
 * that checks the committed table against the package; never imported at run time.
 */

/** The list's codes and exponents; `withoutMinorUnit` are those ISO gives as "N.A." (gold, SDR, XTS, XXX…). */
export interface Iso4217List {
  published: string;
  exponents: Record<string, number>;
  withoutMinorUnit: string[];
}

/** Parses list one: every `<CcyNtry>` with a `<Ccy>` code; a code listed for several countries counts once. */
export function readIso4217List(xml: string): Iso4217List {
  const published = /<ISO_4217 Pblshd="([^"]+)"/.exec(xml)?.[1];
  if (!published) throw new Error('ISO 4217 list one: no publication date');
  const exponents: Record<string, number> = {};
  const withoutMinorUnit = new Set<string>();
  for (const [, entry = ''] of xml.matchAll(/<CcyNtry>([\s\S]*?)<\/CcyNtry>/g)) {
    const code = /<Ccy>([A-Z]{3})<\/Ccy>/.exec(entry)?.[1];
    const minor = /<CcyMnrUnts>([^<]*)<\/CcyMnrUnts>/.exec(entry)?.[1]?.trim();
    if (!code) continue; // Antarctica: "No universal currency"
    if (minor === undefined || !/^\d$/.test(minor)) {
      withoutMinorUnit.add(code);
      continue;
    }
    const exponent = Number(minor);
    if (exponents[code] !== undefined && exponents[code] !== exponent) throw new Error(`ISO 4217 list one: ${code} has two exponents`);
    exponents[code] = exponent;
  }
  return { published, exponents: sortKeys(exponents), withoutMinorUnit: [...withoutMinorUnit].sort() };
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
