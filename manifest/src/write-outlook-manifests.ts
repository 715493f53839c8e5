/** Writes the Outlook manifests for a public URL to a folder: the XML manifest, the unified manifest and its app package. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutlookManifestOptions } from './outlook-addin';
import { renderOutlookJsonManifest, UNIFIED_MANIFEST_ICONS } from './render-outlook-json-manifest';
import { renderOutlookXmlManifest } from './render-outlook-xml-manifest';
import { zipStored } from './zip';

const assets = new URL('../../addin-outlook/public/assets/', import.meta.url);

/** Renders both manifests into `outDir` and returns the paths written (XML, JSON, .zip app package). */
export function writeOutlookManifests(options: OutlookManifestOptions & { outDir: string }): string[] {
  mkdirSync(options.outDir, { recursive: true });
  const xmlPath = join(options.outDir, 'outlook.xml');
  const jsonPath = join(options.outDir, 'outlook.json');
  const packagePath = join(options.outDir, 'outlook-app-package.zip');
  const json = `${JSON.stringify(renderOutlookJsonManifest(options), null, 2)}\n`;
  writeFileSync(xmlPath, renderOutlookXmlManifest(options));
  writeFileSync(jsonPath, json);
  // The admin centre and "Add from file" take the unified manifest as a package: manifest.json beside its two icons.
  writeFileSync(
    packagePath,
    zipStored([
      { name: 'manifest.json', data: Buffer.from(json) },
      { name: UNIFIED_MANIFEST_ICONS.color, data: readFileSync(new URL('icon-192.png', assets)) },
      { name: UNIFIED_MANIFEST_ICONS.outline, data: readFileSync(new URL('outline-32.png', assets)) },
    ]),
  );
  return [xmlPath, jsonPath, packagePath];
}
