import { escapeHtml } from '@shared/html/escape-html';
/** A self-contained API reference page rendered from the OpenAPI document (works offline). */

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  'x-payside-role'?: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}


/** Renders the reference: operations grouped by tag, with role, body schema and responses. */
export function renderDocsPage(specUrl: string, document: { info: { title: string; version: string; description?: string }; paths?: object }): string {
  const byTag = new Map<string, string[]>();
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'Other';
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${escapeHtml(code)}</code> ${escapeHtml(r.description ?? '')}</li>`)
        .join('');
      const html = `<section class="op" id="${escapeHtml(`${method}-${path}`)}">
  <h3><span class="m m-${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>/v1${escapeHtml(path.replace(/^\/v1/, ''))}</code></h3>
  <p>${escapeHtml(op.summary ?? '')}</p>
  ${op['x-payside-role'] ? `<p class="role">Role: <strong>${escapeHtml(op['x-payside-role'])}</strong> or higher</p>` : ''}
  ${schema ? `<details><summary>Request body</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>` : ''}
  <ul class="responses">${responses}</ul>
</section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>${ops.join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:0 auto;padding:24px;color:#1b1b1f}
h1{margin-bottom:0} .op{border:1px solid #e3e3e8;border-radius:8px;padding:8px 16px;margin:12px 0}
h3{font-size:15px;margin:8px 0} .m{display:inline-block;min-width:60px;font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;text-align:center}
.m-get{background:#0f6cbd}.m-post{background:#107c10}.m-patch{background:#8764b8}.m-put{background:#ca5010}.m-delete{background:#c50f1f}
pre{background:#f6f6f8;padding:8px;overflow:auto;font-size:12px} .role{color:#555;font-size:13px}
</style></head>
<body><h1>${escapeHtml(document.info.title)}</h1><p>Version ${escapeHtml(document.info.version)}. ${escapeHtml(document.info.description ?? '')}</p>
<p>Machine-readable: <a href="${escapeHtml(specUrl)}">OpenAPI 3.1 document</a>. Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>. Errors are <code>application/problem+json</code> (RFC 9457) with a <code>requestId</code>.</p>
${sections}
</body></html>`;
}
