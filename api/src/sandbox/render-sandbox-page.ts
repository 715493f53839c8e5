import { escapeHtml } from '@shared/html/escape-html';
/** The /sandbox page: a small demo mailbox beside the real task pane on a scripted Office mailbox. */

export interface SandboxItem {
  id: string;
  mode: 'read' | 'compose';
  from: { name: string; address: string };
  to: Array<{ name: string; address: string }>;
  subject: string;
  receivedAt: string;
  scenario: string;
}

/** JSON safe to embed inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Renders the page; the pane iframe reads `__paysideMailboxData` from this window. */
export function renderSandboxPage(input: { mailbox: unknown; items: SandboxItem[]; token: string; gmailPreview: boolean; nonce?: string }): string {
  const script = input.nonce ? `<script nonce="${escapeHtml(input.nonce)}">` : '<script>'; // the page's CSP allows scripts by nonce only
  const rows = input.items
    .map(
      (item, i) => `<li><button type="button" class="msg" data-index="${i}" aria-pressed="${i === 0}">
  <span class="who">${escapeHtml(item.mode === 'compose' ? `Draft to ${item.to.map((t) => t.name).join(', ')}` : item.from.name)}</span>
  <span class="subject">${escapeHtml(item.subject)}</span>
  <span class="scenario">${escapeHtml(item.scenario)}</span>
</button></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Payside sandbox</title>
<style>
body{margin:0;font:14px/1.4 'Segoe UI',system-ui,sans-serif;color:#242424;display:grid;grid-template-columns:minmax(260px,1fr) 360px;height:100vh}
header{grid-column:1/-1;padding:8px 16px;background:#0f6cbd;color:#fff;display:flex;gap:16px;align-items:center}
header a{color:#fff} nav{overflow:auto;border-right:1px solid #e0e0e0} ul{list-style:none;margin:0;padding:0}
.msg{display:flex;flex-direction:column;gap:2px;width:100%;text-align:left;border:0;border-bottom:1px solid #eee;background:#fff;padding:10px 16px;cursor:pointer;font:inherit}
.msg[aria-pressed=true]{background:#ebf3fc;border-left:3px solid #0f6cbd} .who{font-weight:600} .scenario{color:#616161;font-size:12px}
iframe{border:0;width:360px;height:100%} body{grid-template-rows:auto 1fr}
</style>
${script}window.__paysideMailboxData = ${scriptJson(input.mailbox)};
try { localStorage.setItem('payside.connection.v1', JSON.stringify({ serverUrl: location.origin, token: ${scriptJson(input.token)}, method: 'token' })); } catch (e) {}</script>
</head><body>
<header><strong>Payside sandbox</strong><span>Demo mailbox beside the real Outlook task pane (scripted Office.js).</span>${input.gmailPreview ? '<a href="/sandbox/gmail">Gmail card preview</a>' : ''}<a href="/docs">API docs</a></header>
<nav aria-label="Demo mailbox"><ul>${rows}</ul></nav>
<iframe id="pane" title="Payside task pane" src="/sandbox/pane"></iframe>
${script}
for (const button of document.querySelectorAll('.msg')) {
  button.addEventListener('click', () => {
    for (const b of document.querySelectorAll('.msg')) b.setAttribute('aria-pressed', String(b === button));
    document.getElementById('pane').contentWindow.__paysideOutlook?.select(Number(button.dataset.index));
  });
}
</script>
</body></html>`;
}
