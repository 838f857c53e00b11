// Instructors: the trainees in the cohorts they teach (admins see every trainee).
import { api } from './api.js';
import { h, $, fill, notice, fmtDate } from './dom.js';
import { startPage } from './shell.js';

const content = $('#content');

function cohortSection(name, cohortId, trainees, i) {
  const id = `cohort-${i}`;
  const q = cohortId !== undefined ? `?cohort=${encodeURIComponent(cohortId)}` : '';
  return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, name),
    h('p', { class: 'muted' }, `${trainees.length} trainee${trainees.length === 1 ? '' : 's'}`),
    cohortId !== undefined ? h('p', { class: 'actions' },
      h('a', { class: 'button small', href: `/instructor/reports/cohort/${encodeURIComponent(cohortId)}` }, 'Cohort report', h('span', { class: 'visually-hidden' }, ` for ${name}`)),
      h('a', { class: 'button small', href: `/api/instructor/reports/progress.csv${q}`, download: '' }, 'Progress (CSV)', h('span', { class: 'visually-hidden' }, ` for ${name}`)),
      h('a', { class: 'button small', href: `/api/instructor/reports/attempts.csv${q}`, download: '' }, 'Attempts (CSV)', h('span', { class: 'visually-hidden' }, ` for ${name}`))) : null,
    trainees.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, `Trainees in ${name}`),
      h('thead', {}, h('tr', {}, ['Name', 'Username', 'Last sign-in', 'Status'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, trainees.map((t) => h('tr', {},
        h('th', { scope: 'row' }, t.displayName || t.username), h('td', {}, t.username),
        h('td', {}, t.lastLoginAt ? fmtDate(t.lastLoginAt) : 'Not yet'),
        h('td', {}, t.disabled ? h('span', { class: 'badge bad' }, 'Disabled') : h('span', { class: 'badge ok' }, 'Active')))))))
      : h('p', {}, 'No trainees in this cohort yet.'));
}

async function main() {
  const me = await startPage({ roles: ['instructor', 'admin'] });
  if (!me) return;
  let trainees;
  try {
    ({ trainees } = await api('GET', '/api/instructor/trainees'));
  } catch (e) {
    fill(content);
    notice($('#notices'), 'bad', `Your trainees could not be loaded. ${e.message}`, { alert: true });
    return;
  }
  const groups = new Map();
  const ids = new Map();
  for (const c of me.instructs || []) { groups.set(c.name, []); ids.set(c.name, c.id); }
  for (const t of trainees) {
    const name = (t.cohort && (t.cohort.name || t.cohort)) || 'No cohort';
    if (!groups.has(name)) groups.set(name, []);
    if (t.cohort && t.cohort.id !== undefined) ids.set(name, t.cohort.id);
    groups.get(name).push(t);
  }
  fill(content);
  if (!groups.size) {
    content.append(h('p', { class: 'notice info' }, me.role === 'admin' ? 'There are no trainees yet.'
      : 'You are not assigned to a cohort yet. Ask an administrator to assign you.'));
    return;
  }
  [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).forEach(([name, list], i) => content.append(cohortSection(name, ids.get(name), list, i)));
}

main();
