/**
 * The message viewer's sanitiser (addin-outlook/src/ui/sanitize-email-html.ts) and frame
 * document (email-srcdoc.ts), unit-tested in Chromium: DOMPurify needs a real DOM.
 */
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn';
import { xssPayloads } from './xss-payloads';

let browser: Browser;
let page: Page;

interface Sanitized {
  html: string;
  blockedImages: number;
}

beforeAll(async () => {
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: { write: false, minify: false, lib: { entry: `${repoRoot}test/e2e/fixtures/email-html-entry.ts`, formats: ['iife'], name: 'EmailHtml' } },
  })) as Rollup.RollupOutput[];
  const script = (result[0]!.output[0] as Rollup.OutputChunk).code;
  browser = await chromium.launch({ executablePath: process.env.PAYSIDE_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>sanitiser</title>');
  await page.addScriptTag({ content: script });
});
afterAll(() => browser?.close());

type EmailHtmlGlobal = { EmailHtml: { sanitizeEmailHtml(html: string, o?: { remoteImages: boolean }): Sanitized; emailSrcdoc(html: string, o: { remoteImages: boolean }): string } };
const sanitize = (html: string, remoteImages = false) =>
  page.evaluate(([h, r]) => (window as unknown as EmailHtmlGlobal).EmailHtml.sanitizeEmailHtml(h, { remoteImages: r }), [html, remoteImages] as const);
const clean = async (html: string) => (await sanitize(html)).html;
/** The elements of HTML parsed inertly, as [tag, ...[attribute, value]]. */
const elementsOf = (html: string) =>
  page.evaluate((h) => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${h}`, 'text/html');
    return [...doc.body.querySelectorAll('*')].map((el) => [el.tagName.toLowerCase(), ...[...el.attributes].map((a) => [a.name, a.value] as [string, string])] as const);
  }, html);

describe('sanitizeEmailHtml', () => {
  it('keeps text, formatting and table layout', async () => {
    const html = '<p dir="ltr">Hi <b>there</b>, <i>see</i> <font color="#c00" face="Arial" size="2">below</font></p><table cellpadding="6" width="100%" border="1"><tr><td align="right" valign="top" colspan="2" bgcolor="#eee" style="color: red">£4,250.00</td></tr></table><ul><li>one</li></ul><blockquote>quoted</blockquote>';
    expect(await clean(html)).toBe(
      '<p dir="ltr">Hi <b>there</b>, <i>see</i> <font color="#c00" face="Arial" size="2">below</font></p><table cellpadding="6" width="100%" border="1"><tbody><tr><td align="right" valign="top" colspan="2" bgcolor="#eee" style="color: red">£4,250.00</td></tr></tbody></table><ul><li>one</li></ul><blockquote>quoted</blockquote>',
    );
  });

  it('keeps http(s), mailto and tel links, opening in a new tab without opener or referrer', async () => {
    expect(await clean('<a href="https://pay.example/i/1">pay</a><a href="mailto:ap@acme.example">mail</a><a href="tel:+44">call</a>')).toBe(
      '<a href="https://pay.example/i/1" target="_blank" rel="noopener noreferrer">pay</a><a href="mailto:ap@acme.example" target="_blank" rel="noopener noreferrer">mail</a><a href="tel:+44" target="_blank" rel="noopener noreferrer">call</a>',
    );
  });

  it('drops javascript:, data:, relative and protocol-relative links, keeping their text', async () => {
    for (const href of ['javascript:alert(1)', ' jav&#x09;ascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '/relative', '//evil.example/x', 'vbscript:msgbox(1)']) {
      expect(await clean(`<a href="${href}" target="_top">text</a>`), href).toBe('<a>text</a>');
    }
  });

  it('blocks remote images by default, counting them; keeps inline data: images', async () => {
    const html = '<img src="https://cdn.example/logo.png" alt="Logo" width="140"><img src="http://t.example/p.gif"><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"><img src="cid:part1"><img src="relative.png">';
    expect(await sanitize(html)).toEqual({
      html: '<img alt="Logo" width="140"><img><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"><img><img>',
      blockedImages: 2,
    });
  });

  it('keeps raster data: images only (no SVG, HTML or script in data: URIs)', async () => {
    const html = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img src="data:image/svg+xml,<svg onload=alert(1)>"><img src="data:text/html,<script>alert(1)</script>">';
    expect(await sanitize(html)).toEqual({ html: '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img><img>', blockedImages: 0 });
  });

  it('after "Show remote images", keeps https images but never http ones', async () => {
    expect(await sanitize('<img src="https://cdn.example/logo.png"><img src="http://t.example/p.gif"><img srcset="https://cdn.example/2x.png 2x">', true)).toEqual({
      html: '<img src="https://cdn.example/logo.png"><img><img>',
      blockedImages: 1,
    });
  });

  it('drops style attributes that could fetch or run something, keeps the others', async () => {
    expect(await clean('<p style="color: #333; font-weight: bold">a</p>')).toBe('<p style="color: #333; font-weight: bold">a</p>');
    for (const style of ['background:url(https://t.example/p.gif)', 'width:expression(alert(1))', 'background:\\75rl(x)', 'behavior:url(x.htc)', 'background-image:image-set("x.png" 1x)', 'color:red;/**/background:u/**/rl(x)']) {
      expect(await clean(`<p style='${style}'>a</p>`), style).toBe('<p>a</p>');
    }
  });

  it('removes scripts, styles, forms, frames, plugins, media, SVG, MathML, templates and <base>/<meta>/<link>', async () => {
    const html =
      '<script>alert(1)</script><style>p{}</style><form action="https://x"><input value="v"><button>Go</button><select><option>o</option></select><textarea>t</textarea></form><iframe src="https://x"></iframe><object data="x"></object><embed src="x"><video src="x"></video><audio src="x"></audio><svg><circle/></svg><math><mi>x</mi></math><template><b>t</b></template><base href="https://x/"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="x"><noscript>n</noscript><p>kept</p>';
    expect(await clean(html)).toBe('Goot<p>kept</p>');
  });

  it('removes every event handler and data-/aria- attribute', async () => {
    expect(await clean('<div onclick="a()" onmouseover="b()" data-x="1" aria-hidden="true" id="m" class="c" title="t">x</div><details open ontoggle="c()"><summary>s</summary>d</details>')).toBe(
      '<div id="m" class="c" title="t">x</div><details open=""><summary>s</summary>d</details>',
    );
  });

  it('is stable: its output parses back to itself (no mutation XSS) and sanitises to itself', async () => {
    for (const p of xssPayloads('http://127.0.0.1:9')) {
      const out = await clean(p.html);
      const reparsed = await page.evaluate((html) => new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body.innerHTML, out);
      expect(reparsed, p.id).toBe(out);
      expect(await clean(out), p.id).toBe(out);
      for (const [tag, ...attrs] of await elementsOf(out)) {
        expect(['div', 'p', 'a', 'img', 'details', 'summary', 'table', 'tbody', 'tr', 'td', 'span', 'b'], `${p.id}: <${tag}>`).toContain(tag);
        for (const [name, value] of attrs) {
          expect(name, p.id).not.toMatch(/^on/i);
          if (name === 'href') expect(value, p.id).toMatch(/^(https?:|mailto:|tel:)/);
          if (name === 'src') expect(value, p.id).toMatch(/^data:image\/(png|gif|jpe?g|webp|bmp|avif)[;,]/);
          if (name === 'style') expect(value, p.id).not.toMatch(/url|expression|behavior|binding/i);
        }
      }
    }
  });
});

describe('emailSrcdoc', () => {
  it('puts the body under a CSP that allows only inline styles and data: images, and https images when asked', async () => {
    const doc = (remoteImages: boolean) => page.evaluate((r) => (window as unknown as EmailHtmlGlobal).EmailHtml.emailSrcdoc('<p>Hi</p>', { remoteImages: r }), remoteImages);
    expect(await doc(false)).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'">`);
    expect(await doc(true)).toContain(`content="default-src 'none'; img-src data: https:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"`);
    expect(await doc(false)).toMatch(/<meta http-equiv="Content-Security-Policy"[^>]*>.*<\/head><body><p>Hi<\/p><\/body><\/html>$/s);
    expect((await doc(false)).indexOf('Content-Security-Policy')).toBeLessThan((await doc(false)).indexOf('<style>'));
  });
});
