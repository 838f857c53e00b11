// Renders the scenario form from schema.js and binds every control to its JSON path.
// The document object is the single source of truth: typing changes it in place
// (onChange), adding, moving or removing an item changes it and re-renders (onStructure).
// `registry` maps each path to its control or container, so a validation problem at
// `facts[3].answer` (or anything below a control, such as `facts[3].topics[1]`) is shown
// next to the control that edits it.
import { h, competencyName } from '../dom.js';
import { formatPath, setAt, pathID } from './paths.js';

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const capital = (s) => s[0].toUpperCase() + s.slice(1);

export class ScenarioForm {
  /** onChange(parts) after a value edit; onStructure(focusId) after items change. */
  constructor({ onChange, onStructure }) {
    this.onChange = onChange;
    this.onStructure = onStructure;
    this.registry = new Map();
    this.closed = new WeakSet(); // list items the author collapsed
  }

  /** The section element for `section` of `doc`. */
  section(section, doc, extra = null) {
    this.doc = doc;
    const body = h('div', { class: 'section-body item-grid' });
    for (const field of section.fields) body.append(this.field(field, [], doc));
    return h('section', { class: 'panel editor-section', id: `sec-${section.id}`, 'aria-labelledby': `sec-${section.id}-title` },
      h('h2', { id: `sec-${section.id}-title`, tabindex: '-1' }, section.title), extra, body);
  }

  register(parts, control, anchor = control) {
    const key = formatPath(parts);
    this.registry.set(key, { control, anchor, key });
  }

  field(field, base, parent) {
    const parts = [...base, field.key];
    const value = parent && typeof parent === 'object' ? parent[field.key] : undefined;
    switch (field.kind) {
      case 'group': return this.group(field, parts, value);
      case 'list': return this.list(field, parts, value);
      case 'checks': return this.checks(field, parts, value);
      case 'weights': return this.weights(field, parts, value);
      case 'bool': return this.bool(field, parts, value);
      default: return this.input(field, parts, value);
    }
  }

  set(parts, value) {
    setAt(this.doc, parts, value);
    this.onChange(parts);
  }

  hintFor(id, field) {
    return field.hint ? h('span', { class: 'hint', id: `${id}-hint` }, field.hint) : null;
  }

  input(field, parts, value) {
    const id = pathID(parts);
    const wide = ['textarea', 'lines'].includes(field.kind);
    const describedBy = field.hint ? `${id}-hint` : null;
    let control;
    if (field.kind === 'select') {
      const options = field.optional ? [['', 'None'], ...field.options] : field.options;
      control = h('select', { id, 'aria-describedby': describedBy },
        options.map(([v, label]) => h('option', { value: v }, label)));
      if (value !== undefined && !options.some(([v]) => v === value)) {
        control.append(h('option', { value: String(value) }, `${String(value)} (not a choice)`));
      }
      control.value = value === undefined ? '' : String(value);
      control.addEventListener('change', () => this.set(parts, control.value === '' && field.optional ? undefined : control.value));
    } else if (field.kind === 'readonly') {
      control = h('input', { id, type: 'text', readonly: true, value: value === undefined ? '' : String(value), 'aria-describedby': describedBy });
    } else if (wide) {
      const text = field.kind === 'lines' ? (Array.isArray(value) ? value.join('\n') : value === undefined ? '' : String(value))
        : value === undefined ? '' : String(value);
      control = h('textarea', { id, rows: field.kind === 'lines' ? Math.min(8, Math.max(2, text.split('\n').length + 1)) : 3, 'aria-describedby': describedBy });
      control.value = text;
      control.addEventListener('input', () => {
        if (field.kind === 'lines') {
          const items = control.value.split('\n').map((l) => l.trim()).filter(Boolean);
          this.set(parts, !items.length && field.optional ? undefined : items);
        } else {
          this.set(parts, control.value === '' && field.optional ? undefined : control.value);
        }
      });
    } else {
      const numeric = field.kind === 'int' || field.kind === 'number';
      control = h('input', { id, type: 'text', inputmode: field.kind === 'int' ? 'numeric' : numeric ? 'decimal' : null, 'aria-describedby': describedBy });
      control.value = value === undefined || value === null ? '' : String(value);
      control.addEventListener('input', () => {
        const raw = control.value;
        if (!numeric) return this.set(parts, raw === '' && field.optional ? undefined : raw);
        const t = raw.trim();
        return this.set(parts, t === '' ? undefined : NUMBER.test(t) ? Number(t) : raw);
      });
    }
    this.register(parts, control);
    return h('div', { class: `field${wide ? ' wide' : ''}` }, h('label', { for: id }, field.label), this.hintFor(id, field), control);
  }

  bool(field, parts, value) {
    const id = pathID(parts);
    const box = h('input', { id, type: 'checkbox' });
    box.checked = value === true;
    box.addEventListener('change', () => this.set(parts, box.checked));
    const wrapper = h('div', { class: 'field' }, h('label', { class: 'choice', for: id }, box, h('span', {}, field.label)));
    this.register(parts, box, wrapper.firstChild);
    return wrapper;
  }

  checks(field, parts, value) {
    const id = pathID(parts);
    const chosen = Array.isArray(value) ? value : [];
    const known = new Set(field.options.map(([v]) => v));
    const set = h('fieldset', { id, class: 'wide checks' }, h('legend', {}, field.label));
    const grid = h('div', { class: 'checks-grid' });
    for (const [v, label] of field.options) {
      const boxID = `${id}-${v}`;
      const box = h('input', { id: boxID, type: 'checkbox', value: v });
      box.checked = chosen.includes(v);
      box.addEventListener('change', () => {
        const boxes = [...grid.querySelectorAll('input')];
        const next = boxes.filter((b) => b.checked).map((b) => b.value);
        this.set(parts, [...next, ...chosen.filter((c) => !known.has(c))]);
      });
      grid.append(h('label', { class: 'choice', for: boxID }, box, h('span', {}, label)));
    }
    set.append(grid);
    const unknown = chosen.filter((c) => !known.has(c));
    if (unknown.length) set.append(h('p', { class: 'hint' }, `Also listed (not a choice here): ${unknown.join(', ')}`));
    this.register(parts, set.querySelector('input') || set, set.querySelector('legend'));
    return set;
  }

  weights(field, parts, value) {
    const weights = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    const ids = [...new Set([...(Array.isArray(this.doc.competencies) ? this.doc.competencies : []), ...Object.keys(weights)])];
    const set = h('fieldset', { id: pathID(parts), class: 'wide' }, h('legend', {}, field.label),
      h('p', { class: 'hint' }, 'A number above 0 for each competency the case exercises (choose them in Overview).'));
    const grid = h('div', { class: 'item-grid' });
    for (const competency of ids) {
      grid.append(this.field({ key: competency, label: competencyName(competency), kind: 'number' }, parts, weights));
    }
    if (!ids.length) grid.append(h('p', { class: 'muted' }, 'No competencies chosen yet.'));
    set.append(grid);
    this.register(parts, set, set.querySelector('legend'));
    return set;
  }

  group(field, parts, value) {
    const object = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    const inner = h('div', { class: 'item-grid' }, field.fields.map((f) => this.field(f, parts, object)));
    const container = field.label
      ? h('fieldset', { id: pathID(parts), class: 'wide' }, h('legend', {}, field.label), inner)
      : h('div', { id: pathID(parts), class: 'wide group' }, inner);
    this.register(parts, container, field.label ? container.querySelector('legend') : container);
    return container;
  }

  list(field, parts, value) {
    const items = Array.isArray(value) ? value : [];
    const listID = pathID(parts);
    const addID = `${listID}-add`;
    const set = h('fieldset', { id: listID, class: 'wide list' }, h('legend', {}, `${field.label} (${items.length})`));
    if (field.hint) set.append(h('p', { class: 'hint' }, field.hint));
    this.register(parts, set, set.querySelector('legend'));
    items.forEach((item, index) => set.append(this.item(field, parts, items, item, index, addID)));
    const add = h('button', { type: 'button', class: 'button small', id: addID }, `Add ${field.noun}`);
    add.addEventListener('click', () => {
      const next = [...items, field.template()];
      setAt(this.doc, parts, next);
      const first = field.fields[0];
      this.onStructure(pathID([...parts, next.length - 1, first.key]));
    });
    set.append(h('div', { class: 'actions' }, add));
    return set;
  }

  item(field, parts, items, item, index, addID) {
    const itemParts = [...parts, index];
    const name = `${capital(field.noun)} ${index + 1}`;
    const label = typeof item === 'object' && item !== null && field.title ? field.title(item) : '';
    const details = h('details', { class: 'item', id: pathID(itemParts) });
    details.open = !(item && typeof item === 'object' && this.closed.has(item));
    details.addEventListener('toggle', () => {
      if (item && typeof item === 'object') { if (details.open) this.closed.delete(item); else this.closed.add(item); }
    });
    const title = h('span', { class: 'item-title' }, label ? `— ${label}` : '');
    const summary = h('summary', {}, h('span', { class: 'item-name' }, name), title);
    details.append(summary);
    // Keep the summary's name in step as the author types the item's id or name.
    details.addEventListener('input', () => {
      const now = typeof item === 'object' && item !== null && field.title ? field.title(item) : '';
      title.textContent = now ? `— ${now}` : '';
    });
    this.register(itemParts, details, summary);
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      details.append(h('p', { class: 'hint' }, `This ${field.noun} is not an object; correct it in the JSON view.`),
        h('pre', { class: 'json' }, JSON.stringify(item)));
    } else {
      details.append(h('div', { class: 'item-grid' }, field.fields.map((f) => this.field(f, itemParts, item))));
    }
    const move = (to) => {
      const next = [...items];
      const [moved] = next.splice(index, 1);
      next.splice(to, 0, moved);
      setAt(this.doc, parts, next);
      this.onStructure(`${pathID([...parts, to])}-${to < index ? 'up' : 'down'}`);
    };
    const hidden = ` ${field.noun} ${index + 1}`;
    const up = h('button', { type: 'button', class: 'button small', id: `${pathID(itemParts)}-up`, disabled: index === 0 },
      'Move up', h('span', { class: 'visually-hidden' }, hidden));
    const down = h('button', { type: 'button', class: 'button small', id: `${pathID(itemParts)}-down`, disabled: index === items.length - 1 },
      'Move down', h('span', { class: 'visually-hidden' }, hidden));
    const remove = h('button', { type: 'button', class: 'button small danger', id: `${pathID(itemParts)}-remove` },
      'Remove', h('span', { class: 'visually-hidden' }, hidden));
    up.addEventListener('click', () => move(index - 1));
    down.addEventListener('click', () => move(index + 1));
    remove.addEventListener('click', () => {
      const next = items.filter((_, i) => i !== index);
      setAt(this.doc, parts, next);
      this.onStructure(addID);
    });
    details.append(h('div', { class: 'actions item-actions' }, up, down, remove));
    return details;
  }

  /** The registry entry for `parts` or its nearest registered ancestor. */
  locate(parts) {
    for (let n = parts.length; n > 0; n -= 1) {
      const entry = this.registry.get(formatPath(parts.slice(0, n)));
      if (entry) return entry;
    }
    return null;
  }
}

