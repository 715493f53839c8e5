/** The built task pane: initial JavaScript within its budget; what first paint does not need comes later. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialJsFiles, initialJsGzipBytes, lazyJsFiles } from '../../addin-outlook/scripts/bundle-size';
import { repoRoot } from '../helpers/spawn';

const dist = `${repoRoot}addin-outlook/dist`;
const contains = (files: string[], marker: string) => files.filter((f) => readFileSync(`${dist}/${f}`, 'utf8').includes(marker));

describe('Outlook pane bundle', () => {
  it('loads at most 200 KB gzip of JavaScript before first paint (issue 6)', () => {
    expect(initialJsGzipBytes(dist)).toBeLessThanOrEqual(200 * 1024);
  });

  it('leaves DOMPurify, the dialogs and MSAL to chunks loaded on demand', () => {
    const initial = initialJsFiles(dist);
    const lazy = lazyJsFiles(dist);
    // Strings that survive minification: a DOMPurify hook name, a dialog title, MSAL's nested app auth.
    for (const marker of ['uponSanitizeAttribute', 'Record a promise to pay', 'Move thread to another customer', 'NestedAppAuthBridge']) {
      expect(contains(initial, marker), marker).toEqual([]);
      expect(contains(lazy, marker).length, marker).toBeGreaterThan(0);
    }
  });
});
