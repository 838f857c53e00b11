// Shows validation problems next to the controls that edit the values at fault, in a
// summary at the top of the editor (each a link to its control), and as counts in the
// section navigation. Messages come from the server and are inserted as text only.
import { h, fill } from '../dom.js';
import { parsePath, formatPath } from './paths.js';

let marked = [];

/** Removes every message and mark placed by the last call to place(). */
export function clearPlaced(root) {
  for (const node of root.querySelectorAll('[data-problem]')) node.remove();
  for (const control of marked) {
    control.removeAttribute('aria-invalid');
    const rest = (control.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.startsWith('problem-'));
    if (rest.length) control.setAttribute('aria-describedby', rest.join(' ')); else control.removeAttribute('aria-describedby');
  }
  marked = [];
}

/**
 * Places `problems` (must fix) and `later` (must fix before publishing) next to their
 * controls. Returns [{problem, entry, publish}] in order, entry null when no control edits it.
 */
export function place(form, root, problems, later) {
  clearPlaced(root);
  const groups = new Map();
  const placed = [];
  const add = (problem, publish) => {
    const parts = parsePath(problem.path);
    const entry = form.locate(parts);
    placed.push({ problem, entry, publish });
    if (!entry) return;
    if (!groups.has(entry)) groups.set(entry, []);
    const rest = formatPath(parts).slice(entry.key.length).replace(/^\./, '');
    groups.get(entry).push({ text: rest ? `${rest}: ${problem.message}` : problem.message, publish });
  };
  problems.forEach((p) => add(p, false));
  later.forEach((p) => add(p, true));
  let n = 0;
  for (const [entry, messages] of groups) {
    n += 1;
    const id = `problem-${n}`;
    const box = h('div', { class: 'field-problems', id, 'data-problem': '' },
      messages.map((m) => h('p', { class: m.publish ? 'field-warning' : 'field-error' }, m.publish ? `To publish: ${m.text}` : m.text)));
    entry.anchor.after(box);
    const control = entry.control;
    if (messages.some((m) => !m.publish) && control.matches('input, select, textarea')) {
      control.setAttribute('aria-invalid', 'true');
    }
    const described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (control.matches('input, select, textarea, fieldset')) control.setAttribute('aria-describedby', [...described, id].join(' '));
    marked.push(control);
  }
  // Collapsed items say that they hold problems.
  for (const details of root.querySelectorAll('details.item')) {
    const count = details.querySelectorAll('[data-problem] .field-error').length;
    if (count) details.querySelector('summary').append(h('span', { class: 'badge bad', 'data-problem': '' }, `${count} to fix`));
  }
  return placed;
}

/** Opens the collapsed items around `node`, then focuses it. */
export function reveal(node) {
  for (let el = node; el; el = el.parentElement) if (el.tagName === 'DETAILS') el.open = true;
  const target = node.matches('legend, summary') ? node.closest('fieldset, details').querySelector('input, select, textarea, summary') || node : node;
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/** The summary panel: what stops saving, then what stops publishing. */
export function renderSummary(container, placed, { onRaw }) {
  const now = placed.filter((p) => !p.publish);
  const later = placed.filter((p) => p.publish);
  const link = ({ problem, entry }) => {
    const text = `${problem.path}: ${problem.message}`;
    if (!entry) {
      const b = h('button', { type: 'button', class: 'linkish' }, text);
      b.addEventListener('click', () => onRaw(problem));
      return h('li', {}, b);
    }
    const b = h('button', { type: 'button', class: 'linkish' }, text);
    b.addEventListener('click', () => reveal(entry.control.isConnected ? entry.control : entry.anchor));
    return h('li', {}, b);
  };
  if (!now.length && !later.length) {
    fill(container, h('p', { class: 'ok-line' }, 'No problems: this version can be saved and published.'));
    container.className = 'validation ok';
    return;
  }
  fill(container,
    now.length ? h('p', { class: 'summary-line' }, `${now.length} problem${now.length === 1 ? '' : 's'} to fix before saving`) : h('p', { class: 'summary-line' }, 'Ready to save.'),
    now.length ? h('ul', {}, now.slice(0, 50).map(link)) : null,
    later.length ? h('p', { class: 'summary-line' }, `${later.length} more to fix before publishing`) : null,
    later.length ? h('ul', {}, later.slice(0, 50).map(link)) : null);
  container.className = `validation ${now.length ? 'bad' : 'warn'}`;
}

/** Problem counts beside each section's link. */
export function countSections(nav, root) {
  for (const a of nav.querySelectorAll('a[data-section]')) {
    const section = root.querySelector(`#sec-${a.dataset.section}`);
    const count = section ? section.querySelectorAll('[data-problem] .field-error').length : 0;
    const badge = a.querySelector('.count');
    badge.textContent = count ? `${count} to fix` : '';
    badge.hidden = !count;
  }
}
