/**
 * Renders Gmail add-on card JSON as plain HTML, so the cards can be looked at without
 * Google. Everything is escaped: card text goes through the simple-HTML whitelist,
 * plain fields are text, and draft insertions render in a script-less sandboxed iframe.
 */
import { escapeHtml as esc, renderFormattedText as fmt } from './formatted-text';

type Json = Record<string, any>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function renderButton(b: Json): string {
  const target = str(obj(obj(b.onClick).action).function) || str(obj(obj(b.onClick).openLink).url);
  return `<button type="button"${b.disabled ? ' disabled' : ''}${b.color ? ' class="primary"' : ''} title="${esc(target)}">${esc(str(b.text))}</button>`;
}

function renderSelection(s: Json): string {
  const items = arr(s.items).map(obj);
  const name = esc(str(s.name));
  if (s.type === 'DROPDOWN') {
    const options = items.map((i) => `<option value="${esc(str(i.value))}"${i.selected ? ' selected' : ''}>${esc(str(i.text))}</option>`).join('');
    return `<label class="field">${esc(str(s.label))}<select name="${name}">${options}</select></label>`;
  }
  const type = s.type === 'RADIO_BUTTON' ? 'radio' : 'checkbox';
  const boxes = items
    .map((i) => `<label class="choice"><input type="${type}" name="${name}" value="${esc(str(i.value))}"${i.selected ? ' checked' : ''}> ${esc(str(i.text))}</label>`)
    .join('');
  return `<fieldset><legend>${esc(str(s.label))}</legend>${boxes}</fieldset>`;
}

function renderWidget(widget: unknown): string {
  const w = obj(widget);
  if (w.textParagraph) return `<p>${fmt(str(w.textParagraph.text))}</p>`;
  if (w.decoratedText) {
    const d = obj(w.decoratedText);
    const top = d.topLabel ? `<small>${fmt(str(d.topLabel))}</small>` : '';
    const bottom = d.bottomLabel ? `<small>${fmt(str(d.bottomLabel))}</small>` : '';
    return `<div class="decorated"><div>${top}<div>${fmt(str(d.text))}</div>${bottom}</div>${d.button ? renderButton(obj(d.button)) : ''}</div>`;
  }
  if (w.buttonList) return `<div class="buttons">${arr(w.buttonList.buttons).map((b) => renderButton(obj(b))).join('')}</div>`;
  if (w.textInput) {
    const t = obj(w.textInput);
    const attrs = `name="${esc(str(t.name))}" placeholder="${esc(str(t.hintText))}"`;
    const input = t.type === 'MULTIPLE_LINE' ? `<textarea ${attrs}>${esc(str(t.value))}</textarea>` : `<input ${attrs} value="${esc(str(t.value))}">`;
    return `<label class="field">${esc(str(t.label))}${input}</label>`;
  }
  if (w.selectionInput) return renderSelection(obj(w.selectionInput));
  if (w.dateTimePicker) {
    const p = obj(w.dateTimePicker);
    const ms = Number(p.valueMsEpoch);
    const value = Number.isFinite(ms) && p.valueMsEpoch !== undefined ? new Date(ms).toISOString().slice(0, 10) : '';
    return `<label class="field">${esc(str(p.label))}<input type="date" name="${esc(str(p.name))}" value="${esc(value)}"></label>`;
  }
  if (w.divider) return '<hr>';
  return `<p class="unknown">Unsupported widget: ${esc(Object.keys(w).join(', '))}</p>`;
}

function renderCard(card: Json): string {
  const header = obj(card.header);
  const head = header.title ? `<header><h3>${esc(str(header.title))}</h3>${header.subtitle ? `<p>${esc(str(header.subtitle))}</p>` : ''}</header>` : '';
  const body = arr(card.sections)
    .map(obj)
    .map((s) => `<section>${s.header ? `<h4>${fmt(str(s.header))}</h4>` : ''}${arr(s.widgets).map(renderWidget).join('')}</section>`)
    .join('');
  return `<article class="gmail-card">${head}${body}</article>`;
}

/** Any add-on response (trigger, `renderActions`, or a bare card) as escaped HTML. */
export function renderCardPreviewHtml(response: unknown): string {
  const r = obj(response);
  const render = r.renderActions ? obj(r.renderActions) : r;
  if (!render.action && !render.hostAppAction && Array.isArray(r.sections)) return renderCard(r);
  const action = obj(render.action);
  const parts: string[] = [];
  if (action.notification) parts.push(`<p class="notice">${esc(str(obj(action.notification).text))}</p>`);
  for (const nav of arr(action.navigations).map(obj)) {
    if (nav.pushCard || nav.updateCard) parts.push(renderCard(obj(nav.pushCard ?? nav.updateCard)));
    else parts.push(`<p class="nav">${esc(Object.keys(nav).join(', '))}</p>`);
  }
  const inserts = arr(obj(obj(obj(obj(render.hostAppAction).gmailAction).updateDraftActionMarkup).updateBody).insertContents).map(obj);
  for (const insert of inserts) {
    parts.push(`<figure class="draft"><figcaption>Inserted into the draft (${esc(str(insert.contentType))})</figcaption><iframe sandbox title="Draft insertion" srcdoc="${esc(str(insert.content))}"></iframe></figure>`);
  }
  return parts.join('') || '<p class="unknown">Empty response</p>';
}
