// My progress: mastery per competency, trend over time, automation-bias calibration,
// and the encounters behind them.
import { api } from './api.js';
import { h, $, fill, notice, pct, fmtDate, humanize, competencyName, clearErrors, showError } from './dom.js';
import { startPage } from './shell.js';
import { masteryChart, trendChart, calibrationChart } from './charts.js';

// Level thresholds from Curriculum/levels.json (minMastery), marked on the mastery chart.
const THRESHOLDS = [{ at: 0.4, name: 'Adv. beginner' }, { at: 0.6, name: 'Competent' }, { at: 0.8, name: 'Proficient' }];
const content = $('#content');

const section = (key, title, ...body) => h('section', { class: 'panel', id: key, 'aria-labelledby': `${key}-title` },
  h('h2', { id: `${key}-title` }, title), ...body);

function table(caption, head, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, head.map(([t, cls]) => h('th', { scope: 'col', class: cls || null }, t)))),
    h('tbody', {}, rows)));
}

function mastery(comps) {
  const rows = comps.map((c) => h('tr', {}, h('th', { scope: 'row' }, c.name),
    h('td', { class: 'num' }, pct(c.mastery)), h('td', {}, c.levelName || humanize(c.level)),
    h('td', { class: 'num' }, typeof c.evidence === 'number' ? c.evidence.toFixed(1) : '—')));
  return section('mastery', 'Mastery per competency',
    h('figure', { class: 'chart-figure' }, masteryChart(comps, THRESHOLDS),
      h('figcaption', {}, 'Bars show your estimated mastery. Dashed lines mark the level thresholds: 40% Advanced beginner, 60% Competent, 80% Proficient. A level also needs enough graded encounters (evidence).')),
    h('details', {}, h('summary', {}, 'Show the numbers as a table'),
      table(null, [['Competency'], ['Mastery', 'num'], ['Level'], ['Evidence', 'num']], rows)));
}

function trends(comps) {
  const withHistory = comps.filter((c) => (c.history || []).length);
  return section('trend', 'Trend over time', withHistory.length
    ? h('div', { class: 'multiples' }, withHistory.map((c) => h('figure', {}, h('figcaption', {}, c.name), trendChart(c.name, c.history),
      h('p', { class: 'small muted m0' }, `Latest ${pct(c.history[c.history.length - 1].mastery)} after ${c.history.length} graded encounter${c.history.length === 1 ? '' : 's'}`))))
    : h('p', { class: 'muted' }, 'Finish a case to start your trend lines.'));
}

function calibration(b) {
  const sw = [];
  if (b.switchedCorrectToIncorrect) sw.push(`${b.switchedCorrectToIncorrect} time(s) you changed a correct diagnosis to a wrong one after seeing the AI.`);
  if (b.switchedIncorrectToCorrect) sw.push(`${b.switchedIncorrectToCorrect} time(s) the AI helped you correct a wrong diagnosis.`);
  return section('calibration', 'Trust in AI advice (automation-bias calibration)',
    h('p', { class: 'muted' }, 'Well-calibrated trust means accepting sound advice and rejecting unsound advice. Both bars should be short.'),
    h('figure', { class: 'chart-figure' }, calibrationChart(b)),
    sw.length ? h('ul', {}, sw.map((t) => h('li', {}, t))) : null);
}

function history(encounters) {
  const rows = encounters.map((e) => h('tr', {},
    h('td', {}, fmtDate(e.submittedAt)), h('th', { scope: 'row' }, e.title || humanize(e.scenarioId)),
    h('td', { class: 'num' }, pct(e.overall)),
    h('td', {}, h('a', { href: `/debrief/${encodeURIComponent(e.id)}` }, 'Debrief', h('span', { class: 'visually-hidden' }, `: ${e.title || e.scenarioId}`)))));
  return section('history', 'Encounter history', encounters.length
    ? table(null, [['Submitted'], ['Case'], ['Score', 'num'], ['Details']], rows)
    : h('p', { class: 'muted' }, 'No finished encounters yet. ', h('a', { href: '/library' }, 'Choose a case'), '.'));
}

function startButton(rec) {
  const button = h('button', { type: 'button', class: 'button primary', id: 'start-recommended' }, 'Start this case');
  button.addEventListener('click', async () => {
    clearErrors(button.parentElement);
    button.disabled = true;
    try {
      const encounter = await api('POST', '/api/encounters', { scenarioId: rec.scenarioId });
      location.assign(`/encounter/${encodeURIComponent(encounter.id)}`);
    } catch (e) {
      button.disabled = false;
      showError(e, button);
    }
  });
  return button;
}

async function main() {
  if (!(await startPage())) return;
  let p;
  try {
    p = await api('GET', '/api/me/progress');
  } catch (e) {
    fill(content);
    notice($('#notices'), 'bad', `Your progress could not be loaded. ${e.message}`, { alert: true });
    return;
  }
  if (p.path && p.path.title) $('#path').textContent = `Learning path: ${p.path.title}`;
  const comps = (p.competencies || []).map((c) => ({ ...c, name: c.name || competencyName(c.id) }));
  const rec = p.recommended;
  fill(content, 
    rec ? section('next', 'Recommended next', h('p', {}, h('strong', {}, rec.title || humanize(rec.scenarioId))),
      rec.reason ? h('p', { class: 'muted' }, rec.reason) : null,
      h('p', { class: 'actions' }, startButton(rec), h('a', { class: 'button', href: '/library' }, 'Open the case library'))) : null,
    mastery(comps), trends(comps), calibration(p.automationBias || {}), history(p.encounters || []));
}

main();
