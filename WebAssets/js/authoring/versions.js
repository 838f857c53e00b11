// The versions of a scenario and a diff between any two of them.
import { api } from '../api.js';
import { h, fill, fmtDate } from '../dom.js';

const statusLabel = { draft: 'Draft', published: 'Published', archived: 'Archived' };
const statusClass = { draft: '', published: 'ok', archived: 'warn' };

export function statusBadge(status) {
  return h('span', { class: `badge ${statusClass[status] ?? ''}` }, statusLabel[status] || status);
}

export function versionsPanel(detail) {
  const id = detail.id;
  const versions = detail.versions || [];
  const section = h('section', { class: 'panel editor-section', id: 'sec-versions', 'aria-labelledby': 'sec-versions-title' },
    h('h2', { id: 'sec-versions-title', tabindex: '-1' }, 'Versions'),
    h('p', { class: 'hint' }, 'Every save is a new version; stored versions never change, so encounters keep the version they were played on.'),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Versions, newest first'),
      h('thead', {}, h('tr', {}, ['Version', 'Status', 'Source', 'By', 'Saved', 'File'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, [...versions].reverse().map((v) => h('tr', {},
        h('th', { scope: 'row' }, String(v.version)), h('td', {}, statusBadge(v.status)), h('td', {}, v.source),
        h('td', {}, v.createdBy || '—'), h('td', {}, fmtDate(v.createdAt)),
        h('td', {}, h('a', { href: `/api/authoring/scenarios/${encodeURIComponent(id)}/export?version=${v.version}`, download: `${id}.json` },
          'Export', h('span', { class: 'visually-hidden' }, ` version ${v.version}`)))))))));
  if (versions.length < 2) {
    section.append(h('p', { class: 'muted' }, 'Save a second version to compare versions.'));
    return section;
  }
  const pick = (selectID, label, chosen) => {
    const select = h('select', { id: selectID }, versions.map((v) => h('option', { value: String(v.version) }, `Version ${v.version} (${statusLabel[v.status] || v.status})`)));
    select.value = String(chosen);
    return [h('div', { class: 'field' }, h('label', { for: selectID }, label), select), select];
  };
  const [fromField, from] = pick('diff-from', 'Compare version', versions[versions.length - 2].version);
  const [toField, to] = pick('diff-to', 'with version', versions[versions.length - 1].version);
  const show = h('button', { type: 'submit', class: 'button', id: 'diff-show' }, 'Show changes');
  const result = h('div', { id: 'diff-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'diff-form', 'aria-labelledby': 'diff-title' },
    h('h3', { id: 'diff-title' }, 'What changed'), h('div', { class: 'form-row' }, fromField, toField), h('div', { class: 'actions' }, show));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show.disabled = true;
    try {
      const diff = await api('GET', `/api/authoring/scenarios/${encodeURIComponent(id)}/diff?from=${from.value}&to=${to.value}`);
      fill(result, diffTable(diff));
    } catch (e) {
      fill(result, h('p', { class: 'field-error', role: 'alert' }, e.message));
    } finally {
      show.disabled = false;
    }
  });
  section.append(form, result);
  return section;
}

const words = { added: 'Added', removed: 'Removed', changed: 'Changed' };
const show = (value) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2));

function diffTable(diff) {
  if (!diff.changes.length) return h('p', {}, `No differences between version ${diff.from} and version ${diff.to}.`);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'diff' },
    h('caption', {}, `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'} from version ${diff.from} to version ${diff.to}`),
    h('thead', {}, h('tr', {}, ['Field', 'Change', `Version ${diff.from}`, `Version ${diff.to}`].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, diff.changes.map((c) => h('tr', { class: `diff-${c.change}` },
      h('th', { scope: 'row' }, h('code', {}, c.path)), h('td', {}, words[c.change] || c.change),
      h('td', {}, c.old === undefined ? '—' : h('pre', { class: 'json' }, show(c.old))),
      h('td', {}, c.new === undefined ? '—' : h('pre', { class: 'json' }, show(c.new))))))));
}
