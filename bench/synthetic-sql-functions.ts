/**
 * Session-local SQL helpers of the synthetic organisation (created in `pg_temp`, so they vanish with
 * the generating connection): a seeded pseudo-random number, deterministic ids, and each
 * customer's name, domain, currency, terms and lateness derived from its index, so every
 * statement can recompute them without joins.
 */

const PREFIXES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli', 'Vandelay', 'Gringotts', 'Oscorp', 'Monarch', 'Aperture', 'Massive', 'Dunder', 'Pied', 'Sterling', 'Prestige', 'Nakatomi', 'Oceanic', 'Virtucon', 'Zorg', 'Blue', 'Red', 'Green', 'North', 'South', 'East', 'West', 'Atlas', 'Summit', 'Pioneer', 'Apex', 'Vertex', 'Harbor', 'Granite', 'Silver', 'Golden', 'Iron', 'Cedar', 'Maple', 'Oak', 'Pine', 'River', 'Lake', 'Bright', 'Swift', 'Quantum', 'Nova', 'Polar', 'Orbit', 'Vector', 'Falcon', 'Eagle', 'Lion', 'Tiger', 'Orion'];
const WORDS = ['Industrial', 'Logistics', 'Foods', 'Systems', 'Retail', 'Health', 'Energy', 'Textiles', 'Motors', 'Pharma', 'Media', 'Software', 'Holdings', 'Trading', 'Supplies', 'Construction', 'Chemicals', 'Electronics', 'Packaging', 'Furniture', 'Hospitality', 'Travel', 'Dairy', 'Beverages', 'Metals', 'Plastics', 'Aerospace', 'Marine', 'Mining', 'Paper', 'Printing', 'Security', 'Telecom', 'Optics', 'Robotics', 'Labs', 'Studios', 'Farms', 'Outfitters', 'Works'];
const PLACES = ['Leeds', 'Lyon', 'Hamburg', 'Austin', 'Denver', 'Osaka', 'Perth', 'Dublin', 'Porto', 'Malmo', 'Ghent', 'Turin', 'Bristol', 'Bergen', 'Tampa', 'Quebec', 'Adelaide', 'Utrecht', 'Graz', 'Basel', 'Cork', 'Seville', 'Krakow', 'Tartu', 'Nantes'];
const SUFFIXES = ['Ltd', 'GmbH', 'Inc', 'SA', 'BV', 'LLC', 'Pty Ltd', 'plc'];
const TLDS = ['com', 'com', 'com', 'com', 'co.uk', 'co.uk', 'de', 'fr', 'io', 'nl', 'com.au', 'ca'];
const FIRST = ['Priya', 'James', 'Mei', 'Lucas', 'Sofia', 'Omar', 'Hannah', 'Kenji', 'Elena', 'Marcus', 'Aisha', 'Tom', 'Ingrid', 'Pedro', 'Chloe', 'Ravi', 'Grace', 'Jonas', 'Fatima', 'Liam', 'Yuki', 'Nora', 'Diego', 'Zara', 'Felix', 'Anya', 'Kwame', 'Lena', 'Hugo', 'Maya'];
const LAST = ['Shah', 'Smith', 'Chen', 'Martin', 'Rossi', 'Haddad', 'Becker', 'Tanaka', 'Petrova', 'Brown', 'Okafor', 'Walsh', 'Larsen', 'Silva', 'Dubois', 'Patel', 'Kim', 'Novak', 'Hassan', 'Murphy', 'Sato', 'Berg', 'Garcia', 'Khan', 'Weber', 'Ivanova', 'Mensah', 'Fischer', 'Laurent', 'Cohen'];
/** 20 slots: USD half, then EUR, GBP, CAD, AUD, JPY. */
const CURRENCIES = ['USD', 'USD', 'USD', 'USD', 'USD', 'USD', 'USD', 'USD', 'USD', 'USD', 'EUR', 'EUR', 'EUR', 'EUR', 'EUR', 'GBP', 'GBP', 'GBP', 'CAD', 'AUD', 'JPY'];

/** A SQL array literal of trusted strings. */
export const textArray = (items: readonly string[]) => `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;
const pickSql = (items: readonly string[], index: string) => `(${textArray(items)})[1 + (${index}) % ${items.length}]`;
const lowerPick = (items: readonly string[], index: string) => `lower(${pickSql(items, index)})`;

/** Every customer's registrable domain, `acmelogistics-leeds.co.uk`, from its index `c`. */
const domainExpr = (c: string) =>
  `${lowerPick(PREFIXES, c)} || ${lowerPick(WORDS, `${c} / ${PREFIXES.length}`)} || '-' || ${lowerPick(PLACES, `${c} / ${PREFIXES.length * WORDS.length}`)} || '.' || ${pickSql(TLDS, `${c} * 7 + ${c} / 11`)}`;

/** The `create function pg_temp.…` statements; run them once on the generating connection. */
export function syntheticFunctions(): string[] {
  const fn = (signature: string, returns: string, body: string) =>
    `create or replace function pg_temp.${signature} returns ${returns} language sql immutable parallel safe as $$ select ${body} $$`;
  return [
    fn('rnd(k bigint, salt bigint)', 'float8', '(hashint8extended(k, salt) & 2147483647)::float8 / 2147483648.0'),
    fn('uid(kind text, k bigint)', 'uuid', `overlay(overlay(md5(kind || ':' || k) placing '4' from 13) placing '8' from 17)::uuid`),
    fn('c_name(c bigint)', 'text', `${pickSql(PREFIXES, 'c')} || ' ' || ${pickSql(WORDS, `c / ${PREFIXES.length}`)} || ' ' || ${pickSql(PLACES, `c / ${PREFIXES.length * WORDS.length}`)} || ' ' || ${pickSql(SUFFIXES, 'c')}`),
    fn('c_domain(c bigint)', 'text', domainExpr('c')),
    fn('c_cur(c bigint)', 'text', `(${textArray(CURRENCIES)})[1 + floor(pg_temp.rnd(c, 2) * ${CURRENCIES.length})::int]`),
    fn('c_terms(c bigint)', 'int', '(array[30, 30, 30, 45, 60, 14])[1 + floor(pg_temp.rnd(c, 4) * 6)::int]'),
    // Mean days late: most customers pay around the due date, a tail pays weeks late.
    fn('c_late(c bigint)', 'int', '(-5 + 45 * power(pg_temp.rnd(c, 3), 3))::int'),
    fn('first_name(k bigint)', 'text', pickSql(FIRST, 'k')),
    fn('last_name(k bigint)', 'text', pickSql(LAST, 'k / 7')),
    // Skewed: a few large accounts hold many invoices and threads, most customers few.
    fn('skewed(k bigint, salt bigint, n bigint)', 'bigint', '1 + floor(n * power(pg_temp.rnd(k, salt), 2))::bigint'),
  ];
}

/** Search terms that hit: name prefixes (`acme`), a word inside names (`logistics`). */
export const SEARCH_WORDS = [...PREFIXES.slice(0, 12).map((s) => s.toLowerCase()), ...WORDS.slice(0, 8).map((s) => s.toLowerCase())];
