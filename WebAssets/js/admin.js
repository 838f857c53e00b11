// Administration: users (create, disable/enable), cohorts, CSV import with a per-row
// report, and the audit log. Backed by /api/admin/* (docs/api.md, docs/security.md).
import { api } from './api.js';
import { h, $, fill, clearErrors, showError, showFieldError, notice, fmtDate, humanize } from './dom.js';
import { startPage } from './shell.js';

const content = $('#content');
const ROLES = ['trainee', 'instructor', 'admin'];
let cohorts = [];
let users = [];
let me = null;

const section = (key, title, ...body) => h('section', { class: 'panel', id: key, 'aria-labelledby': `${key}-title` },
  h('h2', { id: `${key}-title` }, title), ...body);
const field = (id, label, control, hint) => h('div', { class: 'field' }, h('label', { for: id }, label),
  hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null, control);
const cohortName = (c) => (c && typeof c === 'object' ? c.name : c) || '';

function table(head, rows, caption) {
  return h('div', { class: 'table-wrap' }, h('table', {}, caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
    h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows)));
}

// ---------- users ----------
const usersBody = h('div', { id: 'users-table' });
const userFilter = h('input', { id: 'user-filter', type: 'search', 'aria-describedby': 'user-count' });
const userCount = h('p', { id: 'user-count', class: 'muted small', role: 'status' });
function filterUsers() {
  const q = userFilter.value.trim().toLowerCase();
  const rows = [...usersBody.querySelectorAll('tbody tr')];
  for (const row of rows) row.hidden = Boolean(q) && !row.textContent.toLowerCase().includes(q);
  const shown = rows.filter((r) => !r.hidden).length;
  userCount.textContent = q ? `${shown} of ${rows.length} users match` : `${rows.length} users`;
}
userFilter.addEventListener('input', filterUsers);
async function loadUsers() {
  try {
    ({ users } = await api('GET', '/api/admin/users'));
    refreshUserPickers();
    fill(usersBody, table(['Username', 'Name', 'Role', 'Cohort', 'Status', 'Last sign-in', 'Action'], users.map(userRow), 'Users'));
    filterUsers();
  } catch (e) {
    fill(usersBody, h('p', { class: 'error', role: 'alert' }, `Users could not be loaded. ${e.message}`));
  }
}
function userRow(u) {
  const toggle = h('button', { type: 'button', class: `button small${u.disabled ? '' : ' danger'}`, id: `toggle-${u.id}` },
    u.disabled ? 'Enable' : 'Disable', h('span', { class: 'visually-hidden' }, ` ${u.username}`));
  if (me && me.id === u.id) toggle.disabled = true;
  toggle.addEventListener('click', async () => {
    clearErrors(toggle.parentElement);
    toggle.disabled = true;
    try {
      await api('PATCH', `/api/admin/users/${encodeURIComponent(u.id)}`, { disabled: !u.disabled });
      await loadUsers();
      $(`#toggle-${CSS.escape(String(u.id))}`)?.focus();
    } catch (e) {
      toggle.disabled = false;
      showError(e, toggle);
    }
  });
  const cohort = u.role === 'instructor' ? (u.instructs || []).map(cohortName).join(', ') : cohortName(u.cohort);
  return h('tr', {},
    h('th', { scope: 'row' }, u.username), h('td', {}, u.displayName), h('td', {}, humanize(u.role)),
    h('td', {}, cohort ? (u.role === 'instructor' ? `Teaches ${cohort}` : cohort) : '—'),
    h('td', {}, u.disabled ? h('span', { class: 'badge bad' }, 'Disabled') : h('span', { class: 'badge ok' }, 'Active')),
    h('td', {}, u.lastLoginAt ? fmtDate(u.lastLoginAt) : 'Never'), h('td', {}, toggle));
}
function cohortSelect(id) {
  const select = h('select', { id, name: 'cohort' }, h('option', { value: '' }, 'No cohort'));
  for (const c of cohorts) select.append(h('option', { value: c.name }, c.name));
  return select;
}
function newUserForm() {
  const username = h('input', { id: 'nu-username', name: 'username', type: 'text', autocapitalize: 'none', spellcheck: 'false' });
  const displayName = h('input', { id: 'nu-name', name: 'displayName', type: 'text' });
  const role = h('select', { id: 'nu-role', name: 'role' }, ROLES.map((r) => h('option', { value: r }, humanize(r))));
  const cohort = cohortSelect('nu-cohort');
  const password = h('input', { id: 'nu-password', name: 'password', type: 'password', autocomplete: 'new-password', 'aria-describedby': 'nu-password-hint' });
  const create = h('button', { type: 'submit', class: 'button primary', id: 'create-user' }, 'Create user');
  const status = h('p', { role: 'status', class: 'saved-state', id: 'create-user-status' });
  const form = h('form', { id: 'new-user', novalidate: true },
    h('h3', {}, 'Add a user'),
    h('div', { class: 'form-row' }, field('nu-username', 'Username', username), field('nu-name', 'Full name', displayName)),
    h('div', { class: 'form-row' }, field('nu-role', 'Role', role), field('nu-cohort', 'Cohort', cohort, 'For trainees: their cohort. For instructors: a cohort they teach.')),
    field('nu-password', 'Initial password', password, '12 to 128 characters. Give it to the person privately.'),
    h('div', { class: 'actions' }, create, status));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    status.textContent = '';
    if (!password.value) showFieldError(password, 'Enter an initial password.');
    if (!displayName.value.trim()) showFieldError(displayName, 'Enter the person’s full name.');
    if (!username.value.trim()) showFieldError(username, 'Enter a username.');
    const bad = form.querySelector('[aria-invalid="true"]');
    if (bad) { bad.focus(); return; }
    create.disabled = true;
    try {
      const { user } = await api('POST', '/api/admin/users', {
        username: username.value.trim(), displayName: displayName.value.trim(), role: role.value,
        cohort: cohort.value || null, password: password.value,
      });
      form.reset();
      status.textContent = `Created ${user ? user.username : 'the user'}.`;
      await Promise.all([loadUsers(), loadCohorts(), loadAudit()]);
    } catch (err) {
      showError(err, create, { username, displayName, role, cohort, password });
    } finally {
      create.disabled = false;
    }
  });
  return form;
}

function refreshUserPickers() {
  for (const select of document.querySelectorAll('select[data-users]')) {
    const value = select.value;
    const role = select.dataset.users;
    fill(select, h('option', { value: '' }, 'Choose…'),
      users.filter((u) => !role || u.role === role).map((u) => h('option', { value: String(u.id) }, `${u.username} (${u.displayName})`)));
    select.value = value;
  }
  for (const box of document.querySelectorAll('[data-instructor-boxes]')) {
    fill(box, users.filter((u) => u.role === 'instructor').map((u) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name: 'instructorIds', value: String(u.id) }), `${u.displayName} (${u.username})`)));
    if (!box.children.length) box.append(h('p', { class: 'muted m0' }, 'There are no instructors yet.'));
  }
}
function editUserForm() {
  const who = h('select', { id: 'eu-user', name: 'user', 'data-users': '' });
  const role = h('select', { id: 'eu-role', name: 'role' }, h('option', { value: '' }, 'Keep the role'), ROLES.map((r) => h('option', { value: r }, humanize(r))));
  const cohort = h('select', { id: 'eu-cohort', name: 'cohort' });
  const password = h('input', { id: 'eu-password', name: 'password', type: 'password', autocomplete: 'new-password', 'aria-describedby': 'eu-password-hint' });
  const save = h('button', { type: 'submit', class: 'button primary', id: 'edit-user' }, 'Save changes');
  const status = h('p', { role: 'status', class: 'saved-state' });
  const form = h('form', { id: 'edit-user-form', novalidate: true }, h('h3', {}, 'Change a user'),
    h('div', { class: 'form-row' }, field('eu-user', 'User', who), field('eu-role', 'New role', role)),
    h('div', { class: 'form-row' }, field('eu-cohort', 'New cohort', cohort, 'For trainees: their cohort. For instructors: adds a cohort they teach.'),
      field('eu-password', 'New password', password, 'Leave empty to keep the current one.')),
    h('div', { class: 'actions' }, save, status));
  fillCohortOptions(cohort, 'Keep the cohort', true);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    status.textContent = '';
    if (!who.value) { showFieldError(who, 'Choose the user to change.'); who.focus(); return; }
    const changes = {};
    if (role.value) changes.role = role.value;
    if (cohort.value === '-') changes.cohort = null; else if (cohort.value) changes.cohort = cohort.value;
    if (password.value) changes.password = password.value;
    if (!Object.keys(changes).length) { showFieldError(save, 'Choose something to change.'); save.focus(); return; }
    save.disabled = true;
    try {
      const { user } = await api('PATCH', `/api/admin/users/${encodeURIComponent(who.value)}`, changes);
      form.reset();
      status.textContent = `Saved the changes to ${user ? user.username : 'the user'}.`;
      await Promise.all([loadUsers(), loadCohorts(), loadAudit()]);
    } catch (err) {
      showError(err, save, { role, cohort, password });
    } finally {
      save.disabled = false;
    }
  });
  return form;
}
function fillCohortOptions(select, keepLabel, withClear) {
  const value = select.value;
  fill(select, h('option', { value: '' }, keepLabel), withClear ? h('option', { value: '-' }, 'Remove from cohort') : null,
    cohorts.map((c) => h('option', { value: c.name }, c.name)));
  select.value = value;
}
function assignForm() {
  const cohort = h('select', { id: 'as-cohort', name: 'assign-cohort' });
  const boxes = h('div', { class: 'form-row', 'data-instructor-boxes': '' });
  const group = h('fieldset', { id: 'as-instructors' }, h('legend', {}, 'Instructors of this cohort'), boxes);
  const save = h('button', { type: 'submit', class: 'button primary', id: 'assign-instructors' }, 'Save instructors');
  const status = h('p', { role: 'status', class: 'saved-state' });
  const form = h('form', { id: 'assign-form', novalidate: true }, h('h3', {}, 'Assign instructors'),
    field('as-cohort', 'Cohort to staff', cohort), group, h('div', { class: 'actions' }, save, status));
  cohort.addEventListener('change', () => {
    const c = cohorts.find((x) => String(x.id) === cohort.value);
    const ids = new Set((c ? c.instructors || [] : []).map((p) => String(p.id)));
    for (const box of boxes.querySelectorAll('input')) box.checked = ids.has(box.value);
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    status.textContent = '';
    if (!cohort.value) { showFieldError(cohort, 'Choose a cohort.'); cohort.focus(); return; }
    save.disabled = true;
    try {
      const instructorIds = [...boxes.querySelectorAll('input:checked')].map((b) => Number(b.value));
      await api('PUT', `/api/admin/cohorts/${encodeURIComponent(cohort.value)}/instructors`, { instructorIds });
      status.textContent = 'Saved the instructors.';
      await Promise.all([loadUsers(), loadCohorts(), loadAudit()]);
      cohort.dispatchEvent(new Event('change')); // show the saved assignment
    } catch (err) {
      showError(err, save, { instructorIds: group });
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

// ---------- cohorts ----------
const cohortsBody = h('div', { id: 'cohorts-table' });
async function loadCohorts() {
  try {
    ({ cohorts } = await api('GET', '/api/admin/cohorts'));
    fill(cohortsBody, cohorts.length
      ? table(['Cohort', 'Trainees', 'Instructors', 'Created'], cohorts.map((c) => h('tr', {},
        h('th', { scope: 'row' }, c.name), h('td', { class: 'num' }, String(c.traineeCount ?? 0)),
        h('td', {}, (c.instructors || []).map((p) => p.displayName || p.username).join(', ') || '—'),
        h('td', {}, fmtDate(c.createdAt, false)))), 'Cohorts')
      : h('p', { class: 'muted' }, 'No cohorts yet.'));
    if (ui.refreshReports) ui.refreshReports();
    const newUser = document.getElementById('nu-cohort');
    if (newUser) fillCohortOptions(newUser, 'No cohort', false);
    const edit = document.getElementById('eu-cohort');
    if (edit) fillCohortOptions(edit, 'Keep the cohort', true);
    const assign = document.getElementById('as-cohort');
    if (assign) {
      const value = assign.value;
      fill(assign, h('option', { value: '' }, 'Choose…'), cohorts.map((c) => h('option', { value: String(c.id) }, c.name)));
      assign.value = value;
    }
  } catch (e) {
    fill(cohortsBody, h('p', { class: 'error', role: 'alert' }, `Cohorts could not be loaded. ${e.message}`));
  }
}
function newCohortForm() {
  const name = h('input', { id: 'nc-name', name: 'name', type: 'text' });
  const create = h('button', { type: 'submit', class: 'button primary', id: 'create-cohort' }, 'Create cohort');
  const status = h('p', { role: 'status', class: 'saved-state' });
  const form = h('form', { id: 'new-cohort', novalidate: true }, h('h3', {}, 'Add a cohort'),
    field('nc-name', 'Cohort name', name, 'For example “ED nurses 2026 Q1”.'), h('div', { class: 'actions' }, create, status));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!name.value.trim()) { showFieldError(name, 'Enter a name for the cohort.'); name.focus(); return; }
    create.disabled = true;
    try {
      await api('POST', '/api/admin/cohorts', { name: name.value.trim() });
      status.textContent = `Created cohort ${name.value.trim()}.`;
      form.reset();
      await Promise.all([loadCohorts(), loadAudit()]);
    } catch (err) {
      showError(err, create, { name });
    } finally {
      create.disabled = false;
    }
  });
  return form;
}

// ---------- CSV import ----------
function importForm() {
  const file = h('input', { id: 'csv-file', name: 'file', type: 'file', accept: '.csv,text/csv', 'aria-describedby': 'csv-file-hint' });
  const text = h('textarea', { id: 'csv-text', name: 'csv', rows: '5', spellcheck: 'false', 'aria-describedby': 'csv-text-hint' });
  const go = h('button', { type: 'submit', class: 'button primary', id: 'import-users' }, 'Import users');
  const report = h('div', { id: 'import-report', 'aria-live': 'polite' });
  file.addEventListener('change', async () => { if (file.files[0]) text.value = await file.files[0].text(); });
  const form = h('form', { id: 'import', novalidate: true },
    h('p', { class: 'muted' }, 'One row per person with the columns username, display name, role, cohort (a header row is allowed). Nothing is imported if any row is refused.'),
    field('csv-file', 'CSV file', file, 'Choosing a file copies it into the box below so you can check it.'),
    field('csv-text', 'CSV text', text, 'Initial passwords are not set by import: users get them from an administrator.'),
    h('div', { class: 'actions' }, go), report);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    fill(report);
    if (!text.value.trim()) { showFieldError(text, 'Choose a CSV file or paste CSV text.'); text.focus(); return; }
    go.disabled = true;
    try {
      renderReport(report, await api('POST', '/api/admin/users/import', text.value, { headers: { 'Content-Type': 'text/csv' } }));
      await Promise.all([loadUsers(), loadCohorts()]);
    } catch (err) {
      if (err.body && Array.isArray(err.body.rows)) renderReport(report, err.body);
      else showError(err, go, { csv: text });
    } finally {
      go.disabled = false;
    }
  });
  return form;
}
function renderReport(box, r) {
  const rows = r.rows || [];
  box.append(h('div', { class: `notice ${r.imported ? 'ok' : 'bad'}`, role: 'status' },
    r.message || (r.imported ? `Imported ${r.created} users.` : 'Nothing was imported.')));
  if (rows.length) {
    box.append(table(['Line', 'Username', 'Outcome', 'Reasons'], rows.map((row) => h('tr', {},
      h('td', { class: 'num' }, String(row.line)), h('th', { scope: 'row' }, row.username || '—'),
      h('td', {}, h('span', { class: `badge ${row.status === 'refused' ? 'bad' : row.status === 'created' ? 'ok' : ''}` },
        { ok: 'Valid, not imported', created: 'Created', refused: 'Refused' }[row.status] || humanize(row.status))),
      h('td', {}, (row.reasons || []).join(' ') || '—'))), 'Import report'));
  }
}

// ---------- reports ----------
function reportsForm() {
  const cohort = h('select', { id: 'rp-cohort', name: 'report-cohort' });
  const since = h('input', { id: 'rp-since', name: 'since', type: 'date', 'aria-describedby': 'rp-since-hint' });
  const links = h('p', { class: 'actions', id: 'report-links' });
  const update = () => {
    const q = new URLSearchParams();
    if (cohort.value) q.set('cohort', cohort.value);
    if (since.value) q.set('since', since.value);
    const qs = q.toString() ? `?${q}` : '';
    const name = cohort.value ? cohorts.find((c) => String(c.id) === cohort.value)?.name : null;
    fill(links,
      h('a', { class: 'button', href: `/api/admin/reports/progress.csv${qs}`, download: '', id: 'report-progress' }, 'Progress (CSV)'),
      h('a', { class: 'button', href: `/api/admin/reports/attempts.csv${qs}`, download: '', id: 'report-attempts' }, 'Attempts (CSV)'),
      h('a', { class: 'button', href: `/api/admin/reports/xapi${qs}`, download: '', id: 'report-xapi' }, 'xAPI statements (JSON)'),
      name ? h('a', { class: 'button', href: `/instructor/reports/cohort/${encodeURIComponent(cohort.value)}` }, `Printable report for ${name}`) : null);
  };
  cohort.addEventListener('change', update);
  since.addEventListener('change', update);
  ui.refreshReports = () => {
    const value = cohort.value;
    fill(cohort, h('option', { value: '' }, 'All cohorts'), cohorts.map((c) => h('option', { value: String(c.id) }, c.name)));
    cohort.value = value;
    update();
  };
  return h('div', {},
    h('p', { class: 'muted' }, 'Progress has one row per person and competency; attempts one row per encounter (docs/reports.md).'),
    h('div', { class: 'form-row' }, field('rp-cohort', 'Cohort to report on', cohort), field('rp-since', 'Since', since, 'Leave empty for everything.')),
    links);
}
const ui = {};

// ---------- audit log ----------
const auditBody = h('div', { id: 'audit-table' });
let auditBefore = null;
async function loadAudit(more = false) {
  try {
    const page = await api('GET', `/api/admin/audit?limit=50${more && auditBefore ? `&before=${auditBefore}` : ''}`);
    const entries = page.entries || [];
    auditBefore = page.next || null;
    const rows = entries.map((a) => h('tr', {}, h('td', {}, fmtDate(a.at)), h('td', {}, a.actor), h('td', {}, a.action),
      h('td', {}, a.target), h('td', {}, a.detail || '—'), h('td', {}, a.remote || '—')));
    if (more && auditBody.querySelector('tbody')) auditBody.querySelector('tbody').append(...rows);
    else fill(auditBody, table(['When', 'Who', 'Action', 'Target', 'Detail', 'From'], rows, 'Audit log'));
    const old = $('#audit-more');
    if (old) old.remove();
    if (auditBefore) {
      const b = h('button', { type: 'button', class: 'button', id: 'audit-more' }, 'Show older entries');
      b.addEventListener('click', () => loadAudit(true));
      auditBody.after(b);
    }
  } catch (e) {
    fill(auditBody, h('p', { class: 'error', role: 'alert' }, `The audit log could not be loaded. ${e.message}`));
  }
}

async function main() {
  me = await startPage({ roles: ['admin'] });
  if (!me) return;
  fill(content,
    h('nav', { 'aria-label': 'Sections of this page', class: 'panel' }, h('ul', { class: 'chips' },
      [['#users', 'Users'], ['#cohorts', 'Cohorts'], ['#import-section', 'Import from CSV'], ['#reports', 'Reports'], ['#audit', 'Audit log']]
        .map(([href, text]) => h('li', {}, h('a', { href }, text))))),
    section('users', 'Users', newUserForm(), h('h3', {}, 'All users'),
      h('div', { class: 'field' }, h('label', { for: 'user-filter' }, 'Find a user'), userFilter), userCount, usersBody, editUserForm()),
    section('cohorts', 'Cohorts', cohortsBody, newCohortForm(), assignForm()),
    section('import-section', 'Import users from CSV', importForm()),
    section('reports', 'Reports and exports', reportsForm()),
    section('audit', 'Audit log', auditBody));
  await loadCohorts();
  await Promise.all([loadUsers(), loadAudit()]);
}

main().catch((e) => notice($('#notices'), 'bad', e.message, { alert: true }));
