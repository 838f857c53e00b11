// The case library: cards, filters, "Recommended next", Start / Resume.
import { api } from './api.js';
import { h, $, fill, append, clearErrors, showError, pct, humanize, competencyName, notice } from './dom.js';
import { startPage } from './shell.js';

const cards = $('#cards');
const count = $('#count');
const filters = {
  text: $('#f-text'), useCase: $('#f-usecase'), setting: $('#f-setting'),
  difficulty: $('#f-difficulty'), competency: $('#f-competency'), status: $('#f-status'),
};
const difficultyOrder = ['introductory', 'intermediate', 'advanced'];
let scenarios = [];

function statusOf(s) {
  const st = s.status || {};
  if (st.inProgressEncounterId) return 'progress';
  return st.attempts > 0 ? 'done' : 'new';
}

function statusBadge(s) {
  const st = s.status || {};
  if (st.inProgressEncounterId) return h('span', { class: 'badge warn' }, 'In progress');
  if (st.attempts > 0) {
    const tries = `${st.attempts} attempt${st.attempts === 1 ? '' : 's'}`;
    return h('span', { class: 'badge ok' }, `Best ${pct(st.bestScore)} · ${tries}`);
  }
  return h('span', { class: 'badge' }, 'Not started');
}

async function start(scenario, button) {
  clearErrors(button.parentElement);
  button.disabled = true;
  try {
    const encounter = await api('POST', '/api/encounters', { scenarioId: scenario.id });
    location.assign(`/encounter/${encodeURIComponent(encounter.id)}`);
  } catch (e) {
    button.disabled = false;
    showError(e, button);
  }
}

function actionFor(s) {
  const st = s.status || {};
  if (st.inProgressEncounterId) {
    return h('a', { class: 'button primary', href: `/encounter/${encodeURIComponent(st.inProgressEncounterId)}` },
      'Resume', h('span', { class: 'visually-hidden' }, `: ${s.title}`));
  }
  const button = h('button', { type: 'button', class: 'button primary', 'data-scenario': s.id },
    st.attempts > 0 ? 'Start again' : 'Start', h('span', { class: 'visually-hidden' }, `: ${s.title}`));
  button.addEventListener('click', () => start(s, button));
  return button;
}

function card(s) {
  const titleId = `t-${s.id}`;
  const p = s.patient || {};
  const who = [p.name, p.age !== undefined ? `${p.age}` : null, p.sex].filter(Boolean).join(', ');
  return h('li', {},
    h('article', { class: 'card', 'aria-labelledby': titleId },
      h('h3', { id: titleId }, s.title),
      who ? h('p', { class: 'muted small' }, `Patient: ${who}`) : null,
      h('dl', { class: 'meta' },
        h('dt', {}, 'AI use case'), h('dd', {}, humanize(s.useCase)),
        h('dt', {}, 'Setting'), h('dd', {}, s.setting || '—'),
        h('dt', {}, 'Difficulty'), h('dd', {}, humanize(s.difficulty)),
        h('dt', {}, 'Time'), h('dd', {}, s.estimatedMinutes ? `About ${s.estimatedMinutes} min` : '—')),
      h('ul', { class: 'chips', 'aria-label': 'Competencies' }, (s.competencies || []).map((c) => h('li', {}, competencyName(c)))),
      h('div', { class: 'status' }, statusBadge(s), actionFor(s))));
}

function fillSelect(select, values, label = humanize) {
  for (const v of [...new Set(values)].filter(Boolean)) select.append(h('option', { value: v }, label(v)));
}

function render() {
  const text = filters.text.value.trim().toLowerCase();
  const shown = scenarios.filter((s) =>
    (!text || [s.title, s.setting, s.specialty, ...(s.learningObjectives || [])].join(' ').toLowerCase().includes(text))
    && (!filters.useCase.value || s.useCase === filters.useCase.value)
    && (!filters.setting.value || s.setting === filters.setting.value)
    && (!filters.difficulty.value || s.difficulty === filters.difficulty.value)
    && (!filters.competency.value || (s.competencies || []).includes(filters.competency.value))
    && (!filters.status.value || statusOf(s) === filters.status.value));
  fill(cards, ...shown.map(card));
  count.textContent = shown.length === scenarios.length
    ? `${scenarios.length} cases`
    : `${shown.length} of ${scenarios.length} cases match the filters`;
}

function renderRecommended(rec) {
  const scenario = rec && scenarios.find((s) => s.id === rec.scenarioId);
  if (!scenario) return;
  const body = fill($('#rec-body'));
  append(body, [h('p', {}, h('strong', {}, scenario.title)), rec.reason ? h('p', { class: 'muted' }, rec.reason) : null]);
  const action = actionFor(scenario);
  body.append(h('div', { class: 'actions' }, action));
  $('#recommended').hidden = false;
}

async function main() {
  if (!(await startPage())) return;
  let answer;
  try {
    answer = await api('GET', '/api/scenarios');
  } catch (e) {
    count.textContent = '';
    notice($('#notices'), 'bad', `The case library could not be loaded. ${e.message}`, { alert: true });
    return;
  }
  scenarios = answer.scenarios || [];
  fillSelect(filters.useCase, scenarios.map((s) => s.useCase).sort());
  fillSelect(filters.setting, scenarios.map((s) => s.setting).sort(), String);
  fillSelect(filters.difficulty, scenarios.map((s) => s.difficulty)
    .sort((a, b) => difficultyOrder.indexOf(a) - difficultyOrder.indexOf(b)));
  fillSelect(filters.competency, scenarios.flatMap((s) => s.competencies || []).sort(), competencyName);
  $('#filters').addEventListener('input', render);
  $('#filters').addEventListener('change', render);
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
  render();
  renderRecommended(answer.recommended);
}

main();
