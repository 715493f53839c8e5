/** Styles of the Gmail preview page: a mail on the left, its sidebar card on the right, about Gmail's width. */
export const SANDBOX_STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:24px;color:#1f1f1f;background:#f6f8fc}
.items{list-style:none;padding:0} .item{display:grid;grid-template-columns:1fr 340px;gap:24px;margin:24px 0;align-items:start}
.mail{background:#fff;border-radius:8px;padding:16px} .mail h2{font-size:18px;margin:0 0 4px} .scenario{color:#0b57d0;margin:0}
.who{color:#555;font-size:12px} pre{white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace;background:#f3f3f3;padding:8px;border-radius:4px}
.gmail-card{background:#fff;border:1px solid #dadce0;border-radius:8px;margin-bottom:12px;overflow:hidden}
.gmail-card header{padding:12px 16px;border-bottom:1px solid #eee} .gmail-card h3{margin:0;font-size:16px} .gmail-card header p{margin:2px 0 0;color:#5f6368}
.gmail-card section{padding:8px 16px;border-bottom:1px solid #eee} .gmail-card h4{margin:4px 0 8px;font-size:13px;color:#5f6368}
.decorated{display:flex;justify-content:space-between;gap:8px;margin:6px 0} .decorated small{display:block;color:#5f6368;font-size:12px}
.buttons{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0} button{border:1px solid #dadce0;background:#fff;color:#0b57d0;border-radius:16px;padding:4px 12px;font:inherit}
button.primary{background:#0b57d0;color:#fff} button:disabled{opacity:.5}
.field{display:block;margin:6px 0;font-size:12px;color:#5f6368} .field input,.field select,.field textarea{display:block;width:100%;box-sizing:border-box;font:inherit}
fieldset{border:0;padding:0;margin:6px 0} .choice{display:block} .notice{background:#e8f0fe;padding:6px 10px;border-radius:4px}
.draft iframe{width:100%;height:260px;border:1px solid #dadce0;background:#fff} .unknown{color:#b3261e}
`;
