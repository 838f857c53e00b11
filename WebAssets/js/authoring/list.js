// The list of every scenario (library, authored, imported) with its versions and
// status, a filter, and the ways to add scenarios: new, copy, import a file, import
// AgentClinic cases.
import { api } from '../api.js';
import { h, $, fill, fmtDate, showFieldError, clearErrors } from '../dom.js';
import { statusBadge } from './versions.js';

export async function openList() {
  const content = $('#content');
  let scenarios;
  try {
    ({ scenarios } = await api('GET', '/api/authoring/scenarios'));
  } catch (e) {
    fill(content, h('div', { class: 'notice bad', role: 'alert' }, `The scenarios could not be loaded. ${e.message}`));
    return;
  }
  const filter = h('input', { id: 'scenario-filter', type: 'search', 'aria-describedby': 'scenario-count' });
  const status = h('select', { id: 'status-filter', 'aria-describedby': 'scenario-count' },
    [['', 'Any status'], ['published', 'Offered to trainees'], ['draft', 'Never published'], ['changes', 'Unpublished changes'], ['archived', 'Archived']]
      .map(([v, t]) => h('option', { value: v }, t)));
  const count = h('p', { id: 'scenario-count', class: 'muted small', role: 'status' });
  const body = h('tbody', {}, scenarios.map(row));
  const apply = () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    body.querySelectorAll('tr').forEach((tr, i) => {
      const s = scenarios[i];
      const state = s.publishedVersion ? 'published' : s.versions.some((v) => v.status === 'archived') ? 'archived' : 'draft';
      const okStatus = !status.value || status.value === state || (status.value === 'changes' && s.hasUnpublishedChanges && s.publishedVersion);
      tr.hidden = !(okStatus && (!q || `${s.title} ${s.id}`.toLowerCase().includes(q)));
      if (!tr.hidden) shown += 1;
    });
    count.textContent = `${shown} of ${scenarios.length} scenarios`;
  };
  filter.addEventListener('input', apply);
  status.addEventListener('change', apply);

  fill(content,
    h('div', { class: 'actions page-actions' }, h('a', { class: 'button primary', href: '/authoring/new', id: 'new-scenario' }, 'New scenario')),
    h('section', { class: 'panel', 'aria-labelledby': 'list-title' },
      h('h2', { id: 'list-title' }, 'All scenarios'),
      h('div', { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: 'scenario-filter' }, 'Find by title or id'), filter),
        h('div', { class: 'field' }, h('label', { for: 'status-filter' }, 'Status'), status)),
      count,
      h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Scenarios'),
        h('thead', {}, h('tr', {}, ['Title', 'Status', 'Newest version', 'Source', 'Updated', 'Copy'].map((t) => h('th', { scope: 'col' }, t)))),
        body))),
    importFilePanel(), agentClinicPanel());
  apply();
}

function editLink(id) {
  return id === 'new' ? `/authoring/new?scenario=new` : `/authoring/${encodeURIComponent(id)}`;
}

function row(s) {
  const state = s.publishedVersion
    ? [statusBadge('published'), ` version ${s.publishedVersion}`, s.hasUnpublishedChanges ? h('span', { class: 'badge warn' }, 'unpublished changes') : null]
    : s.versions.some((v) => v.status === 'archived') ? [statusBadge('archived')] : [statusBadge('draft')];
  return h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: editLink(s.id) }, s.title), h('span', { class: 'muted small block' }, s.id)),
    h('td', {}, ...state),
    h('td', { class: 'num' }, String(s.version)),
    h('td', {}, s.source),
    h('td', {}, fmtDate(s.updatedAt)),
    h('td', {}, h('a', { href: `/authoring/new?from=${encodeURIComponent(s.id)}` }, 'Copy', h('span', { class: 'visually-hidden' }, ` ${s.title}`))));
}

function readFile(input) {
  return new Promise((resolve, reject) => {
    const file = input.files && input.files[0];
    if (!file) { reject(new Error('Choose a file first.')); return; }
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

function importFilePanel() {
  const input = h('input', { id: 'import-file', type: 'file', accept: '.json,application/json', 'aria-describedby': 'import-file-hint' });
  const go = h('button', { type: 'submit', class: 'button', id: 'import-go' }, 'Import scenario');
  const form = h('form', { 'aria-labelledby': 'import-title' },
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'Scenario file (.json)'),
      h('span', { class: 'hint', id: 'import-file-hint' }, 'A file in the format of Scenarios/, e.g. one exported here. It becomes a draft: a new scenario, or a new version of the one with its id.'),
      input), h('div', { class: 'actions' }, go));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    go.disabled = true;
    try {
      const textBody = await readFile(input);
      const saved = await api('POST', '/api/authoring/scenarios/import', textBody, { headers: { 'Content-Type': 'application/json' } });
      location.assign(`/authoring/${encodeURIComponent(saved.scenario.id)}`);
    } catch (e) {
      const details = (e.details || []).slice(0, 8).map((d) => `${d.path}: ${d.message}`).join('; ');
      showFieldError(input, details ? `${e.message} ${details}` : e.message).setAttribute('role', 'alert');
      input.focus();
    } finally {
      go.disabled = false;
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'import-title' }, h('h2', { id: 'import-title' }, 'Import a scenario file'), form);
}

function agentClinicPanel() {
  const input = h('input', { id: 'agentclinic-file', type: 'file', accept: '.jsonl,.ndjson,.json,text/plain', 'aria-describedby': 'agentclinic-hint' });
  const go = h('button', { type: 'submit', class: 'button', id: 'agentclinic-go' }, 'Import cases');
  const report = h('div', { id: 'agentclinic-report', 'aria-live': 'polite' });
  const form = h('form', { 'aria-labelledby': 'agentclinic-title' },
    h('div', { class: 'field' }, h('label', { for: 'agentclinic-file' }, 'AgentClinic cases (.jsonl)'),
      h('span', { class: 'hint', id: 'agentclinic-hint' }, 'One OSCE case per line, as in agentclinic_medqa.jsonl. Each case that validates becomes a draft without an AI recommendation; cases already imported are left alone. Ids follow the line numbers (agentclinic-medqa-NNN), so import the whole file rather than a selection of its lines.'),
      input), h('div', { class: 'actions' }, go));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    go.disabled = true;
    fill(report, h('p', { role: 'status' }, 'Importing… (a hundred cases take a few seconds)'));
    try {
      const textBody = await readFile(input);
      const result = await api('POST', '/api/authoring/import/agentclinic', textBody, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      fill(report, agentClinicReport(result));
    } catch (e) {
      fill(report);
      showFieldError(input, e.message).setAttribute('role', 'alert');
      input.focus();
    } finally {
      go.disabled = false;
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'agentclinic-title' }, h('h2', { id: 'agentclinic-title' }, 'Import AgentClinic cases'), form, report);
}

const outcomeText = { imported: 'Imported as a draft', exists: 'Already here; left alone', invalid: 'Not imported' };

function agentClinicReport(r) {
  return h('div', {},
    h('p', { class: `notice ${r.invalid ? 'warn' : 'ok'}` }, `${r.imported} imported, ${r.existing} already here, ${r.invalid} not imported.`),
    h('p', {}, 'Every imported draft needs an author for:'), h('ul', {}, r.authorTasks.map((t) => h('li', {}, t))),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Import report, case by case'),
      h('thead', {}, h('tr', {}, ['Line', 'Scenario', 'Outcome', 'Imported', 'Needs an author'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, r.cases.map((c) => h('tr', {},
        h('td', { class: 'num' }, String(c.line)),
        h('th', { scope: 'row' }, c.outcome === 'invalid' ? c.id : h('a', { href: `/authoring/${encodeURIComponent(c.id)}` }, c.title || c.id)),
        h('td', {}, outcomeText[c.outcome] || c.outcome),
        h('td', {}, c.imported || '—'),
        h('td', {}, c.outcome === 'invalid'
          ? h('ul', {}, c.problems.slice(0, 5).map((p) => h('li', {}, `${p.path}: ${p.message}`)))
          : c.needsAuthor.length ? h('ul', {}, c.needsAuthor.map((n) => h('li', {}, n))) : '—')))))));
}
