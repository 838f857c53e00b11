// DOM helpers. Text from users or the model only ever goes in through text nodes:
// h() turns string children into Text nodes and never parses markup.

/** h('p', {class: 'x', id: 'y'}, 'text', child) -> element. on* props add listeners. */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) { node.replaceChildren(); return node; }
/** Replaces the children of `node` (strings become text; null and false are skipped). */
export function fill(node, ...children) { node.replaceChildren(); return append(node, children); }
export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** Shows `message` right after `control` (or its fieldset) and links it with aria-describedby. */
export function showFieldError(control, message) {
  const after = control.dataset && control.dataset.errorAfter && document.getElementById(control.dataset.errorAfter);
  const anchor = after || (control.closest('fieldset') && control.type !== 'text' && control.tagName !== 'TEXTAREA' && control.tagName !== 'SELECT'
    ? control.closest('fieldset') : control);
  const id = `${control.id || anchor.id || control.name}-error`;
  let p = document.getElementById(id);
  if (!p) {
    p = h('p', { class: 'field-error', id });
    anchor.after(p);
  }
  p.textContent = message;
  control.setAttribute('aria-invalid', 'true');
  const described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!described.includes(id)) control.setAttribute('aria-describedby', [...described, id].join(' '));
  return p;
}

export function clearErrors(root) {
  for (const p of $$('.field-error', root)) p.remove();
  for (const c of $$('[aria-invalid="true"]', root)) {
    c.removeAttribute('aria-invalid');
    const rest = (c.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (rest.length) c.setAttribute('aria-describedby', rest.join(' ')); else c.removeAttribute('aria-describedby');
  }
}

/**
 * Puts an API error next to what caused it: 422 details go to the matching field
 * (fields: {apiPath: element}); anything else goes next to `fallback` (usually the button).
 * Focuses the first control in error so keyboard and screen reader users land on it.
 */
export function showError(err, fallback, fields = {}) {
  let first = null;
  for (const d of err.details || []) {
    const key = Object.keys(fields).find((k) => d.path === k || d.path.endsWith(`.${k}`) || d.path.endsWith(`/${k}`));
    if (key) {
      showFieldError(fields[key], d.message);
      first = first || fields[key];
    }
  }
  if (!first) {
    const extra = (err.details || []).map((d) => d.message).filter(Boolean);
    const text = extra.length && !extra.includes(err.message) ? `${err.message} ${extra.join(' ')}` : err.message;
    showFieldError(fallback, text).setAttribute('role', 'alert');
    if (fallback.tagName === 'BUTTON') fallback.removeAttribute('aria-invalid');
    first = fallback;
  }
  (first.matches('fieldset') ? first.querySelector('input, textarea, select') || first : first).focus();
}

/** A notice (role=status or alert) at the top of `container`. */
export function notice(container, kind, text, { alert = false } = {}) {
  const n = h('div', { class: `notice ${kind}`, role: alert ? 'alert' : 'status' }, text);
  container.prepend(n);
  return n;
}

export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => { clearTimeout(timer); timer = setTimeout(() => { timer = null; fn(...args); }, ms); };
  wrapped.flush = (...args) => {
    if (!timer) return undefined;
    clearTimeout(timer);
    timer = null;
    return fn(...args);
  };
  return wrapped;
}

export const pct = (x) => (typeof x === 'number' && Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—');

export function fmtDate(iso, withTime = true) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(undefined, withTime
    ? { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', year: 'numeric' });
}

/** 'history-taking' -> 'History taking' (for ids the API gives without a name). */
export function humanize(id) {
  const s = String(id ?? '').replace(/[-_]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : '';
}

// Competency names from Curriculum/competencies.json (the library's cards carry only ids);
// Tests/browser/test_performance.py checks this list against the curriculum.
const COMPETENCIES = {
  'history-taking': 'History taking',
  'examination-investigation': 'Examination and investigation',
  'clinical-reasoning': 'Clinical reasoning',
  'management-planning': 'Management planning',
  'communication-empathy': 'Communication and empathy',
  'safety-escalation': 'Safety and escalation',
  'documentation': 'Documentation',
  'ai-basic-knowledge': 'Basic knowledge of AI',
  'ai-ethics-social': 'Social and ethical implications of AI',
  'ai-clinical-encounters': 'AI-enhanced clinical encounters',
  'ai-output-evaluation': 'Evaluation of AI output',
  'ai-workflow-integration': 'Workflow integration of AI',
  'ai-practice-learning': 'Practice-based learning and improvement with AI',
};
export const competencyName = (id) => COMPETENCIES[id] || humanize(id);

/** Friendly display for UCUM units used in charts. */
export function unit(u) {
  const map = {
    'mm[Hg]': 'mmHg', Cel: '°C', 'kg/m2': 'kg/m²', 'umol/L': 'µmol/L', 'ug/L': 'µg/L', '10*9/L': '×10⁹/L',
    'm[IU]/L': 'mIU/L', 'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
  };
  if (/^\{.*\}$/.test(u || '')) return ''; // UCUM annotations such as {score}
  return map[u] ?? u ?? '';
}

/** Reads the last path segment (the id in /encounter/{id}). */
export function idFromPath() {
  const parts = location.pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] || '');
}
