/**
 * The targets on the labelled corpus (test/fixtures/intents): precision ≥ 0.95 and recall ≥ 0.85
 * for every intent, promise dates exact ≥ 0.95. `npm run eval:intents` prints the same numbers.
 * Kept in its own file: the lead decides whether it gates main while the rules are below target.
 */
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../../shared/src/schemas/intents';
import { evaluateCorpus } from '../../fixtures/intents/evaluate';

describe('intent detection on the corpus', { timeout: 120_000 }, () => {
  const result = evaluateCorpus();
  it.each(INTENTS)('%s: precision ≥ 0.95 and recall ≥ 0.85', (intent) => {
    const score = result.all.intents[intent]!;
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
  });
  it('promise dates are exact ≥ 0.95', () => {
    expect(result.all.promiseDateExact).toBeGreaterThanOrEqual(0.95);
  });
});
