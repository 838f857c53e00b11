// The encounter workspace: conversation (streamed), chart, orders, findings notebook,
// diagnosis with review-and-confirm, the AI recommendation and its appraisal.
// Drafts are saved as the trainee types (PUT …/drafts/{field}) and restored on reload.
import { api, streamMessage, ApiError, csrf } from './api.js';
import { h, $, fill, clearErrors, showError, showFieldError, notice, debounce, pct, humanize, unit, idFromPath } from './dom.js';
import { startPage } from './shell.js';

const id = idFromPath();
const base = `/api/encounters/${encodeURIComponent(id)}`;
const workspace = $('#workspace');
const notices = $('#notices');
let enc = null;
const ui = {}; // element references
const STEPS = [
  ['Interview and examine', ['interviewing']],
  ['Diagnosis and plan', []],
  ['AI recommendation', ['diagnosisCommitted', 'recommendationShown']],
  ['Appraise and submit', ['appraised']],
];
const FALLBACK_FLAWS = ['hallucinated-evidence', 'missed-contraindication', 'dosing-error', 'anchoring', 'outdated-guideline',
  'demographic-bias', 'miscalibrated-confidence', 'missed-red-flag', 'privacy-breach', 'wrong-rationale']
  .map((f) => ({ id: f, label: humanize(f) }));

const speakerName = () => {
  const p = enc.patient || {};
  return (p.speaker && p.speaker.name) || p.name || 'Patient';
};
// The phase in camelCase (the API may spell it `diagnosis-committed` or `diagnosisCommitted`).
const phase = () => String(enc.state || '').replace(/[-_]([a-z])/g, (_, c) => c.toUpperCase());
const committed = () => !['interviewing', 'findings'].includes(phase());

// ---------- drafts ----------
const pending = new Map();
async function saveDraft(field, text, keepalive = false) {
  try {
    await fetch(`${base}/drafts/${field}`, {
      method: 'PUT', keepalive, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf() },
      body: JSON.stringify({ text }),
    }).then((r) => { if (!r.ok) throw new ApiError(r.status, 'not saved'); });
    setSaved(field, 'Draft saved');
  } catch {
    setSaved(field, 'Draft not saved yet — keep this page open');
  }
}
function setSaved(field, text) { const el = ui[`saved-${field}`]; if (el) el.textContent = text; }
const savers = {};
function draftSaver(field, read) {
  const save = debounce(() => { pending.delete(field); return saveDraft(field, read()); }, 700);
  savers[field] = save;
  return () => { pending.set(field, read); setSaved(field, 'Saving draft…'); save(); };
}
/** Saves a waiting draft now (before an explicit save, so its note cannot arrive after). */
async function settleDraft(field) {
  if (savers[field] && pending.has(field)) await savers[field].flush();
}
function flushDrafts() {
  for (const [field, read] of pending) saveDraft(field, read(), true);
  pending.clear();
}
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushDrafts(); });
window.addEventListener('pagehide', flushDrafts);
function draftJSON(field) {
  const raw = enc.drafts && enc.drafts[field];
  if (!raw) return null;
  try { const v = JSON.parse(raw); return v && typeof v === 'object' ? v : null; } catch { return null; }
}

// ---------- header & steps ----------
function renderHead() {
  document.title = `${enc.title || 'Encounter'} · WardSim`;
  $('#enc-title').textContent = enc.title || 'Encounter';
  const p = enc.patient || {};
  const bits = [p.name, p.age !== undefined ? `${p.age} years` : null, p.sex, enc.setting].filter(Boolean);
  $('#enc-patient').textContent = bits.join(' · ');
  renderClock();
  const steps = fill($('#steps'));
  const current = !committed() ? 0 : phase() === 'appraised' ? 3 : 2;
  STEPS.forEach(([label], i) => {
    steps.append(h('li', { class: i < current ? 'done' : null, 'aria-current': i === current ? 'step' : null },
      label, i < current ? h('span', { class: 'visually-hidden' }, ' (done)') : null));
  });
}
function renderClock() {
  const c = enc.clock || { minutes: 0, cost: 0 };
  fill($('#clock'),
    h('p', { class: 'm0' }, h('span', { class: 'muted small' }, 'Simulated time '), h('strong', {}, `${c.minutes ?? 0} min`)),
    h('p', { class: 'm0' }, h('span', { class: 'muted small' }, 'Cost of orders '), h('strong', {}, `${c.cost ?? 0} units`)),
    h('a', { class: 'button small', href: '/library' }, 'Save and leave'));
}

// ---------- conversation ----------
function bubble(kind, who, text, facts) {
  return h('li', { class: `msg ${kind}` },
    h('span', { class: 'who' }, who),
    h('span', { class: 'bubble' }, text),
    facts && facts.length ? h('span', { class: 'facts visually-hidden' }, '') : null);
}
function buildConversation() {
  const name = speakerName();
  const relation = enc.patient && enc.patient.speaker && enc.patient.speaker.relationship;
  ui.log = h('ol', { class: 'chat-log', id: 'log', 'aria-label': 'Conversation', tabindex: '0' });
  ui.logRegion = h('div', { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text', id: 'log-region' }, ui.log);
  ui.typing = h('p', { class: 'typing', id: 'typing', hidden: true }, `${name} is replying`, h('span', { class: 'dots', 'aria-hidden': 'true' }));
  ui.question = h('textarea', { id: 'question', name: 'question', rows: '2', 'aria-describedby': 'question-hint', 'data-error-after': 'ask-row' });
  ui.send = h('button', { type: 'submit', class: 'button primary', id: 'send' }, 'Send');
  ui['saved-question'] = h('span', { class: 'saved-state', id: 'saved-question' });
  ui.askForm = h('form', { class: 'ask', id: 'ask-form', novalidate: true },
    h('label', { for: 'question' }, 'Ask the patient'),
    h('div', { class: 'ask-row', id: 'ask-row' }, ui.question, ui.send),
    h('p', { class: 'ask-foot' }, h('span', { class: 'hint', id: 'question-hint' }, 'Press Enter to send, Shift+Enter for a new line.'), ui['saved-question']));
  const section = h('section', { class: 'panel', id: 'conversation', 'aria-labelledby': 'conv-title' },
    h('h2', { id: 'conv-title' }, 'Conversation'),
    h('p', { class: 'muted small' }, relation ? `You are speaking with ${name}, the patient's ${relation}.` : `You are speaking with ${name}.`),
    ui.logRegion, ui.typing, committed() ? h('p', { class: 'muted' }, 'The interview is closed: you have committed to a diagnosis.') : ui.askForm);
  if (enc.patient && enc.patient.openingStatement) ui.log.append(bubble('patient', name, enc.patient.openingStatement));
  for (const t of enc.transcript || []) addTurn(t);
  const d = enc.drafts && enc.drafts.question;
  if (d) ui.question.value = d;
  ui.question.addEventListener('input', draftSaver('question', () => ui.question.value));
  ui.question.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); ui.askForm.requestSubmit(); }
  });
  ui.askForm.addEventListener('submit', (e) => { e.preventDefault(); ask(); });
  return section;
}
function addTurn(t) {
  ui.log.append(bubble('trainee', 'You', t.question), bubble('patient', speakerName(), t.reply));
}
function systemNote(text) {
  ui.log.append(h('li', { class: 'msg system' }, h('span', { class: 'who' }, 'WardSim'), h('span', { class: 'bubble' }, text)));
  ui.log.scrollTop = ui.log.scrollHeight;
}
async function ask() {
  if (ui.asking) return; // one question at a time: the next waits for this reply
  clearErrors(ui.askForm);
  const text = ui.question.value.trim();
  if (!text) { showFieldError(ui.question, 'Type a question for the patient first.'); ui.question.focus(); return; }
  ui.send.disabled = true;
  ui.asking = true;
  const mine = bubble('trainee', 'You', text);
  const reply = bubble('patient', speakerName(), '');
  const replyText = reply.querySelector('.bubble');
  ui.log.append(mine);
  ui.log.setAttribute('aria-busy', 'true');
  ui.logRegion.setAttribute('aria-busy', 'true');
  ui.typing.hidden = false;
  ui.log.scrollTop = ui.log.scrollHeight;
  const before = (enc.transcript || []).length;
  let answer = null;
  try {
    try {
      answer = await streamMessage(id, text, (chunk) => {
        if (!reply.isConnected) { ui.log.append(reply); ui.typing.hidden = true; }
        replyText.textContent += chunk;
        ui.log.scrollTop = ui.log.scrollHeight;
      });
    } catch (e) {
      if (e.status >= 400 && e.status < 500 && e.status !== 404 && e.status !== 405) throw e;
      if (e.opened) {
        // The server took the question: it may have recorded the turn before failing.
        const fresh = await api('GET', base).catch(() => null);
        if (fresh && (fresh.transcript || []).length > before) answer = fresh.transcript[fresh.transcript.length - 1];
        else if (fresh && !e.streamStarted) answer = await api('POST', `${base}/messages`, { text });
        else throw e;
      } else {
        answer = await api('POST', `${base}/messages`, { text }); // streaming unavailable: plain JSON
      }
    }
    replyText.textContent = answer.reply;
    if (!reply.isConnected) ui.log.append(reply);
    enc.transcript = [...(enc.transcript || []), { turn: answer.turn, question: text, reply: answer.reply, facts: answer.facts }];
    const note = answer.notice || (answer.fellBack ? 'The language model did not answer properly, so WardSim’s scripted voice replied for the patient.' : null);
    if (note) systemNote(note);
    ui.question.value = '';
    pending.delete('question');
    saveDraft('question', '');
  } catch (e) {
    reply.remove();
    mine.remove();
    const msg = e.status === 409 || e.status === 422 || e.status === 403 || e.status === 401
      ? e.message : `${e.message} Your question is still in the box: send it again when ready.`;
    showError(new ApiError(e.status, msg, e.details), ui.question);
    systemNote(`Not sent: ${msg}`);
  } finally {
    ui.log.setAttribute('aria-busy', 'false');
    ui.logRegion.setAttribute('aria-busy', 'false');
    ui.typing.hidden = true;
    ui.send.disabled = false;
    ui.asking = false;
    ui.log.scrollTop = ui.log.scrollHeight;
  }
}

// ---------- chart ----------
function isExam(item) { return String(item.kind || '').startsWith('exam'); }
function renderChart() {
  const c = enc.chart || {};
  const sec = (title, ...body) => h('section', { 'aria-labelledby': `ch-${title.replace(/\W+/g, '-')}` },
    h('h3', { id: `ch-${title.replace(/\W+/g, '-')}` }, title), ...body);
  const list = (items, fmt, empty) => (items && items.length
    ? h('ul', {}, items.map((x) => h('li', {}, fmt(x)))) : h('p', { class: 'muted' }, empty));
  const allergies = c.allergies || [];
  const exams = (enc.orders || []).filter(isExam);
  const tests = (enc.orders || []).filter((o) => !isExam(o));
  fill(ui.chart, 
    h('h2', { id: 'chart-title' }, 'Patient chart'),
    sec('Allergies', allergies.length
      ? h('ul', {}, allergies.map((a) => h('li', { class: 'allergy' }, typeof a === 'string' ? a : [a.substance || a.name, a.reaction].filter(Boolean).join(' — '))))
      : h('p', { class: 'allergy-none' }, 'No known allergies recorded')),
    sec('Vitals', (c.vitals || []).length
      ? h('ul', { class: 'vitals' }, c.vitals.map((v) => h('li', { class: 'vital' },
        h('span', { class: 'v-name' }, v.name), h('span', { class: 'v-value' }, v.value), ' ', unit(v.unit))))
      : h('p', { class: 'muted' }, 'No vitals recorded')),
    sec('Problem list', list(c.problems, (p) => (typeof p === 'string' ? p : p.name || p.text), 'No problems recorded')),
    sec('Medications', list(c.medications, (m) => (typeof m === 'string' ? m
      : [m.name, m.dose, m.route, m.frequency].filter(Boolean).join(' · ')), 'No medications recorded')),
    sec('Examination findings', exams.length
      ? h('ul', {}, exams.map((o) => h('li', { id: `result-${o.itemId}`, class: 'result-new' }, h('strong', {}, `${o.label}: `), o.result)))
      : h('p', { class: 'muted' }, 'No examinations yet. Examine the patient from the list of examinations.')),
    sec('Results', (c.results || []).length || tests.length
      ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Test'), h('th', { scope: 'col' }, 'Result'), h('th', { scope: 'col' }, 'When'))),
        h('tbody', {},
          tests.map((o) => h('tr', { id: `result-${o.itemId}`, class: 'result-new' }, h('th', { scope: 'row' }, o.label), h('td', {}, o.result),
            h('td', {}, h('span', { class: 'badge ok' }, 'New'), o.isDefault ? h('span', { class: 'muted small' }, ' (routine)') : null))),
          (c.results || []).map((r) => h('tr', {}, h('th', { scope: 'row' }, r.name), h('td', {}, [r.value, unit(r.unit)].filter(Boolean).join(' ')), h('td', {}, r.date || '—'))))))
      : h('p', { class: 'muted' }, 'No results yet')),
    sec('Notes', (c.notes || []).length
      ? c.notes.map((n) => h('div', { class: 'note' }, h('p', { class: 'muted small m0' }, [n.date, n.author].filter(Boolean).join(' · ')), h('p', {}, n.text)))
      : h('p', { class: 'muted' }, 'No prior notes')));
}

// ---------- orders ----------
function orderRow(item, done) {
  const verb = isExam(item) ? 'Examine' : 'Order';
  const labelId = `ord-${item.id}`;
  let control;
  if (done.has(item.id)) control = h('a', { class: 'done', href: `#result-${item.id}` }, '✓ In chart');
  else if (committed()) control = h('span', { class: 'muted small' }, 'Closed');
  else {
    control = h('button', { type: 'button', class: 'button small', id: `order-${item.id}`, 'aria-describedby': labelId }, verb);
    control.addEventListener('click', () => order(item, control));
  }
  return h('li', { 'data-label': `${item.label} ${item.category || ''}`.toLowerCase() },
    h('span', {}, h('span', { id: labelId }, item.label), ' ', h('span', { class: 'cost' }, `${item.minutes ?? 0} min · ${item.cost ?? 0} units`)),
    control);
}
function renderOrders() {
  const done = new Set((enc.orders || []).map((o) => o.itemId));
  const items = enc.orderable || [];
  if (!ui.openGroups) ui.openGroups = new Set(committed() ? [] : ['exam']);
  if (!ui.orderFilter) {
    ui.orderFilter = h('input', { id: 'order-filter', type: 'search', 'aria-describedby': 'order-filter-hint' });
    ui.orderFilter.addEventListener('input', filterOrders);
  }
  const groups = [['exam', 'Examinations', items.filter(isExam)]];
  const categories = [...new Set(items.filter((i) => !isExam(i)).map((i) => i.category || 'other'))].sort();
  for (const c of categories) groups.push([`inv-${c}`, `Investigations: ${humanize(c)}`, items.filter((i) => !isExam(i) && (i.category || 'other') === c)]);
  fill(ui.orders,
    h('h2', { id: 'orders-title' }, 'Examine and investigate'),
    h('p', { class: 'muted small' }, 'Each takes simulated time and costs money. Results appear in the chart.'),
    ui.orderStatus = h('p', { class: 'visually-hidden', role: 'status' }),
    h('div', { class: 'field' }, h('label', { for: 'order-filter' }, 'Find an examination or test'),
      h('span', { class: 'hint', id: 'order-filter-hint' }, 'Type part of a name, e.g. “ECG” or “blood”.'), ui.orderFilter),
    groups.map(([key, title, list]) => {
      const ordered = list.filter((i) => done.has(i.id)).length;
      const d = h('details', { class: 'order-group', 'data-key': key, open: ui.openGroups.has(key) },
        h('summary', {}, title, h('span', { class: 'muted small' }, ` (${list.length}${ordered ? `, ${ordered} done` : ''})`)),
        h('ul', { class: 'orders-list' }, list.map((item) => orderRow(item, done))));
      d.addEventListener('toggle', () => { if (!ui.orderFilter.value) { if (d.open) ui.openGroups.add(key); else ui.openGroups.delete(key); } });
      return d;
    }),
    ui.orderCount = h('p', { class: 'muted small', role: 'status', id: 'order-count' }));
  filterOrders();
}
function filterOrders() {
  const q = ui.orderFilter.value.trim().toLowerCase();
  let shown = 0;
  for (const d of ui.orders.querySelectorAll('details.order-group')) {
    let any = false;
    for (const li of d.querySelectorAll('li')) {
      li.hidden = Boolean(q) && !li.dataset.label.includes(q);
      if (!li.hidden) { any = true; shown += 1; }
    }
    d.hidden = !any;
    d.open = q ? any : ui.openGroups.has(d.dataset.key);
  }
  ui.orderCount.textContent = q ? `${shown} match${shown === 1 ? '' : 'es'} “${ui.orderFilter.value.trim()}”` : '';
}
async function order(item, button) {
  clearErrors(ui.orders);
  button.disabled = true;
  try {
    const answer = await api('POST', `${base}/orders`, { itemId: item.id });
    const o = answer.order || answer;
    enc.orders = [...(enc.orders || []), { ...item, ...o, itemId: o.itemId || item.id }];
    enc.clock = { minutes: (enc.clock?.minutes || 0) + (o.minutes ?? item.minutes ?? 0), cost: (enc.clock?.cost || 0) + (o.cost ?? item.cost ?? 0) };
    renderChart(); renderOrders(); renderClock();
    ui.orderStatus.textContent = `${item.label}: result added to the chart.`;
    const link = ui.orders.querySelector(`a[href="#result-${CSS.escape(item.id)}"]`);
    if (link) link.focus();
  } catch (e) {
    button.disabled = false;
    showError(e, button);
  }
}

// ---------- findings notebook ----------
const CATS = [['history', 'History'], ['examination', 'Examination'], ['investigations', 'Investigations']];
function findingsFromEncounter() {
  const out = { history: '', examination: '', investigations: '' };
  for (const f of enc.findings || []) if (f.category in out) out[f.category] += (out[f.category] ? '\n' : '') + f.text;
  return out;
}
function buildNotebook() {
  const draft = draftJSON('findings') || findingsFromEncounter();
  ui.findings = {};
  const save = draftSaver('findings', () => JSON.stringify(readFindings()));
  const fields = CATS.map(([key, label]) => {
    const area = h('textarea', { id: `findings-${key}`, name: key, rows: '3', 'aria-describedby': 'findings-hint', readOnly: committed() });
    area.value = draft[key] || '';
    area.addEventListener('input', save);
    ui.findings[key] = area;
    return h('div', { class: 'field' }, h('label', { for: `findings-${key}` }, label), area);
  });
  ui.saveFindings = h('button', { type: 'submit', class: 'button', id: 'save-findings' }, 'Save findings');
  ui['saved-findings'] = h('span', { class: 'saved-state', id: 'saved-findings', role: 'status' });
  const form = h('form', { id: 'findings-form', novalidate: true },
    h('p', { class: 'hint', id: 'findings-hint' }, 'Note what you found, one finding per line.'),
    ...fields,
    committed() ? null : h('div', { class: 'actions' }, ui.saveFindings, ui['saved-findings']));
  form.addEventListener('submit', async (e) => { e.preventDefault(); await saveFindings(); });
  return h('section', { class: 'panel', id: 'notebook', 'aria-labelledby': 'nb-title' }, h('h2', { id: 'nb-title' }, 'Findings notebook'), form);
}
function readFindings() {
  const o = {};
  for (const [key] of CATS) o[key] = ui.findings[key].value;
  return o;
}
async function saveFindings() {
  clearErrors($('#findings-form'));
  await settleDraft('findings');
  const f = readFindings();
  const findings = CATS.flatMap(([key]) => f[key].split('\n').map((t) => t.trim()).filter(Boolean).map((text) => ({ category: key, text })));
  try {
    await api('PUT', `${base}/findings`, { findings });
    enc.findings = findings;
    setSaved('findings', 'Findings saved');
    return true;
  } catch (e) {
    showError(e, ui.saveFindings, { history: ui.findings.history, examination: ui.findings.examination, investigations: ui.findings.investigations });
    return false;
  }
}

// ---------- diagnosis ----------
function buildDiagnosis() {
  const section = h('section', { class: 'panel', id: 'diagnosis', 'aria-labelledby': 'dx-title' }, h('h2', { id: 'dx-title' }, 'Diagnosis and plan'));
  if (committed()) {
    const d = enc.diagnosis || {};
    section.append(h('dl', { class: 'review' },
      h('dt', {}, 'Working diagnosis'), h('dd', {}, d.diagnosis || '—'),
      h('dt', {}, 'Differential'), h('dd', {}, (d.differential || []).join('\n') || '—'),
      h('dt', {}, 'Plan'), h('dd', {}, d.plan || '—')),
    h('p', { class: 'muted small' }, 'Committed. You can revise your final diagnosis and plan after reading the AI recommendation.'));
    return section;
  }
  const draft = draftJSON('diagnosis') || {};
  ui.dx = h('input', { id: 'dx', name: 'diagnosis', type: 'text' });
  ui.ddx = h('textarea', { id: 'ddx', name: 'differential', rows: '3', 'aria-describedby': 'ddx-hint' });
  ui.plan = h('textarea', { id: 'plan', name: 'plan', rows: '4' });
  ui.dx.value = draft.diagnosis || '';
  ui.ddx.value = draft.differential || '';
  ui.plan.value = draft.plan || '';
  const save = draftSaver('diagnosis', () => JSON.stringify({ diagnosis: ui.dx.value, differential: ui.ddx.value, plan: ui.plan.value }));
  for (const el of [ui.dx, ui.ddx, ui.plan]) el.addEventListener('input', save);
  ui.reviewDx = h('button', { type: 'submit', class: 'button primary', id: 'review-diagnosis' }, 'Review diagnosis');
  ui['saved-diagnosis'] = h('span', { class: 'saved-state' });
  ui.dxReview = h('div', { class: 'review', id: 'dx-review', hidden: true, tabindex: '-1', 'aria-labelledby': 'dx-review-title', role: 'region' });
  const form = h('form', { id: 'dx-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'dx' }, 'Working diagnosis'), ui.dx),
    h('div', { class: 'field' }, h('label', { for: 'ddx' }, 'Differential diagnoses'), h('span', { class: 'hint', id: 'ddx-hint' }, 'One per line, most likely first.'), ui.ddx),
    h('div', { class: 'field' }, h('label', { for: 'plan' }, 'Management plan'), ui.plan),
    h('div', { class: 'actions' }, ui.reviewDx, ui['saved-diagnosis']));
  form.addEventListener('submit', (e) => { e.preventDefault(); reviewDiagnosis(); });
  section.append(h('p', { class: 'muted small' }, 'Commit to your own diagnosis before you see the AI recommendation.'), form, ui.dxReview);
  return section;
}
function readDiagnosis() {
  return {
    diagnosis: ui.dx.value.trim(),
    differential: ui.ddx.value.split('\n').map((s) => s.trim()).filter(Boolean),
    plan: ui.plan.value.trim(),
  };
}
function reviewDiagnosis() {
  clearErrors($('#dx-form'));
  const d = readDiagnosis();
  if (!d.plan) showFieldError(ui.plan, 'Write your management plan.');
  if (!d.diagnosis) showFieldError(ui.dx, 'Enter your working diagnosis.');
  const bad = $('#dx-form [aria-invalid="true"]');
  if (bad) { bad.focus(); return; }
  const confirm = h('button', { type: 'button', class: 'button primary', id: 'confirm-diagnosis' }, 'Confirm and commit');
  const edit = h('button', { type: 'button', class: 'button', id: 'edit-diagnosis' }, 'Edit');
  fill(ui.dxReview, 
    h('h3', { id: 'dx-review-title' }, 'Review before you commit'),
    h('p', {}, 'Once committed, the interview and ordering close and the AI recommendation is shown.'),
    h('dl', {},
      h('dt', {}, 'Working diagnosis'), h('dd', {}, d.diagnosis),
      h('dt', {}, 'Differential'), h('dd', {}, d.differential.join('\n') || 'None given'),
      h('dt', {}, 'Plan'), h('dd', {}, d.plan)),
    h('div', { class: 'actions' }, confirm, edit));
  ui.dxReview.hidden = false;
  ui.dxReview.focus();
  edit.addEventListener('click', () => { ui.dxReview.hidden = true; ui.dx.focus(); });
  confirm.addEventListener('click', () => commitDiagnosis(d, confirm));
}
async function commitDiagnosis(d, button) {
  clearErrors(ui.dxReview);
  button.disabled = true;
  if (!committed() && !(await saveFindings())) { button.disabled = false; return; }
  try {
    const updated = await api('PUT', `${base}/diagnosis`, d);
    enc = { ...enc, ...(updated && updated.state ? updated : { state: 'diagnosisCommitted', diagnosis: d }) };
    pending.delete('diagnosis');
    await loadRecommendation();
    render();
    $('#ai-title')?.scrollIntoView({ block: 'start' });
    $('#ai-title')?.parentElement?.parentElement?.focus();
  } catch (e) {
    button.disabled = false;
    showError(e, button, { diagnosis: ui.dx, differential: ui.ddx, plan: ui.plan });
  }
}

// ---------- AI recommendation & appraisal ----------
async function loadRecommendation() {
  if (enc.recommendation) return;
  try {
    const answer = await api('GET', `${base}/recommendation`);
    enc.recommendation = answer.recommendation || answer;
    if (phase() === 'diagnosisCommitted') enc.state = 'recommendationShown';
  } catch (e) {
    notice(notices, 'bad', `The AI recommendation could not be loaded. ${e.message}`, { alert: true });
  }
}
function meter(value) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 100 10'); svg.setAttribute('preserveAspectRatio', 'none'); svg.setAttribute('aria-hidden', 'true');
  const r = document.createElementNS(svg.namespaceURI, 'rect');
  r.setAttribute('width', String(Math.max(0, Math.min(1, value || 0)) * 100)); r.setAttribute('height', '10'); r.setAttribute('class', 'svg-bar-ai');
  svg.append(r);
  return h('span', { class: 'meter' }, svg);
}
function citation(c) {
  if (typeof c === 'string') return h('li', {}, c);
  const title = c.title || c.text || c.url || '';
  return h('li', {}, /^https?:\/\//.test(c.url || '') ? h('a', { href: c.url, rel: 'noreferrer noopener', target: '_blank' }, title) : title);
}
function buildAI() {
  const rec = enc.recommendation;
  if (!rec) return h('section', { class: 'panel', id: 'ai' }, h('h2', {}, 'AI recommendation'), h('p', {}, 'The recommendation is not available yet.'));
  const card = h('section', { class: 'cds', id: 'ai', 'aria-labelledby': 'ai-title', tabindex: '-1' },
    h('div', { class: 'cds-head' }, h('h2', { id: 'ai-title' }, 'Clinical decision support'), h('span', { class: 'badge ai' }, 'AI-generated recommendation')),
    h('div', { class: 'cds-body' },
      h('p', { class: 'cds-text', id: 'ai-text' }, rec.text),
      typeof rec.confidence === 'number' ? h('p', { class: 'confidence' }, h('span', {}, 'Model confidence: ', h('strong', {}, pct(rec.confidence))), meter(rec.confidence)) : null,
      (rec.citations || []).length ? h('div', {}, h('h3', {}, 'Cited evidence'), h('ul', {}, rec.citations.map(citation))) : null),
    h('p', { class: 'cds-foot' }, 'Decision support only. You remain responsible for the decision: check it against the patient in front of you.'));
  return card;
}
function buildAppraisal() {
  const section = h('section', { class: 'panel', id: 'appraisal', 'aria-labelledby': 'ap-title' }, h('h2', { id: 'ap-title' }, 'Your appraisal'));
  if (phase() === 'appraised') {
    const a = enc.appraisal || {};
    const flaws = (a.flaws || []).map((f) => (flawTypes().find((t) => t.id === f) || { label: f }).label);
    ui.submit = h('button', { type: 'button', class: 'button primary', id: 'submit-encounter' }, 'Submit for debrief');
    ui.submitConfirm = h('div', { class: 'review', hidden: true, tabindex: '-1', id: 'submit-confirm' });
    ui.submit.addEventListener('click', confirmSubmit);
    section.append(h('dl', { class: 'review' },
      h('dt', {}, 'Decision'), h('dd', {}, humanize(a.decision)),
      h('dt', {}, 'Flaws named'), h('dd', {}, flaws.join(', ') || 'None'),
      h('dt', {}, 'Justification'), h('dd', {}, a.justification || '—'),
      h('dt', {}, 'Final diagnosis'), h('dd', {}, a.finalDiagnosis || '—'),
      h('dt', {}, 'Final plan'), h('dd', {}, a.finalPlan || '—')),
    h('div', { class: 'actions' }, ui.submit), ui.submitConfirm);
    return section;
  }
  const draft = draftJSON('appraisal') || {};
  const d = enc.diagnosis || {};
  const decision = h('fieldset', { id: 'decision' }, h('legend', {}, 'Your decision on the recommendation'),
    h('div', { class: 'choices-inline' }, [['accept', 'Accept'], ['modify', 'Modify'], ['reject', 'Reject']].map(([v, l]) =>
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'decision', value: v, checked: draft.decision === v }), l))));
  const flaws = h('fieldset', { id: 'flaws' }, h('legend', {}, 'Flaws you found (tick all that apply)'),
    h('div', { class: 'form-row' }, flawTypes().map((f) =>
      h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'flaws', value: f.id, checked: (draft.flaws || []).includes(f.id) }), f.label))));
  ui.just = h('textarea', { id: 'justification', name: 'justification', rows: '3' });
  ui.fdx = h('input', { id: 'final-diagnosis', name: 'finalDiagnosis', type: 'text' });
  ui.fplan = h('textarea', { id: 'final-plan', name: 'finalPlan', rows: '3' });
  ui.just.value = draft.justification || '';
  ui.fdx.value = draft.finalDiagnosis ?? d.diagnosis ?? '';
  ui.fplan.value = draft.finalPlan ?? d.plan ?? '';
  ui.saveAppraisal = h('button', { type: 'submit', class: 'button primary', id: 'save-appraisal' }, 'Save appraisal');
  ui['saved-appraisal'] = h('span', { class: 'saved-state' });
  const form = h('form', { id: 'appraisal-form', novalidate: true }, decision, flaws,
    h('div', { class: 'field' }, h('label', { for: 'justification' }, 'Justification'), h('span', { class: 'hint' }, 'Why you accept, modify or reject it, citing what you found.'), ui.just),
    h('div', { class: 'form-row' },
      h('div', { class: 'field' }, h('label', { for: 'final-diagnosis' }, 'Final diagnosis'), ui.fdx),
      h('div', { class: 'field' }, h('label', { for: 'final-plan' }, 'Final plan'), ui.fplan)),
    h('div', { class: 'actions' }, ui.saveAppraisal, ui['saved-appraisal']));
  ui.appraisalForm = form;
  const save = draftSaver('appraisal', () => JSON.stringify(readAppraisal()));
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('submit', (e) => { e.preventDefault(); saveAppraisal(); });
  section.append(form);
  return section;
}
function flawTypes() { return (enc.flawTypes && enc.flawTypes.length ? enc.flawTypes : FALLBACK_FLAWS).map((f) => (typeof f === 'string' ? { id: f, label: humanize(f) } : f)); }
function readAppraisal() {
  const f = ui.appraisalForm;
  return {
    decision: (f.querySelector('input[name="decision"]:checked') || {}).value || '',
    flaws: [...f.querySelectorAll('input[name="flaws"]:checked')].map((c) => c.value),
    justification: ui.just.value, finalDiagnosis: ui.fdx.value, finalPlan: ui.fplan.value,
  };
}
async function saveAppraisal() {
  const f = ui.appraisalForm;
  clearErrors(f);
  const a = readAppraisal();
  if (!a.finalPlan.trim()) showFieldError(ui.fplan, 'Write your final plan.');
  if (!a.finalDiagnosis.trim()) showFieldError(ui.fdx, 'Enter your final diagnosis.');
  if (!a.justification.trim()) showFieldError(ui.just, 'Explain your decision.');
  if (!a.decision) showFieldError($('#decision'), 'Choose accept, modify or reject.');
  const bad = f.querySelector('[aria-invalid="true"]');
  if (bad) { (bad.matches('fieldset') ? bad.querySelector('input') : bad).focus(); return; }
  ui.saveAppraisal.disabled = true;
  const body = { recommendationId: enc.recommendation && enc.recommendation.id, ...a, justification: a.justification.trim(), finalDiagnosis: a.finalDiagnosis.trim(), finalPlan: a.finalPlan.trim() };
  try {
    const updated = await api('PUT', `${base}/appraisal`, body);
    pending.delete('appraisal');
    enc = { ...enc, ...(updated && updated.state ? updated : { state: 'appraised', appraisal: body }) };
    if (!enc.appraisal) enc.appraisal = body;
    render();
    $('#submit-encounter')?.focus();
  } catch (e) {
    ui.saveAppraisal.disabled = false;
    showError(e, ui.saveAppraisal, { decision: $('#decision'), flaws: $('#flaws'), justification: ui.just, finalDiagnosis: ui.fdx, finalPlan: ui.fplan });
  }
}
function confirmSubmit() {
  const go = h('button', { type: 'button', class: 'button primary', id: 'confirm-submit' }, 'Submit now');
  const back = h('button', { type: 'button', class: 'button' }, 'Not yet');
  fill(ui.submitConfirm, 
    h('p', {}, h('strong', {}, 'Submit this encounter?'), ' Your answers become final and your debrief is prepared.'),
    h('div', { class: 'actions' }, go, back));
  ui.submitConfirm.hidden = false;
  go.focus();
  back.addEventListener('click', () => { ui.submitConfirm.hidden = true; ui.submit.focus(); });
  go.addEventListener('click', async () => {
    clearErrors(ui.submitConfirm);
    go.disabled = true;
    try {
      await api('POST', `${base}/submit`);
      location.assign(`/debrief/${encodeURIComponent(id)}`);
    } catch (e) {
      go.disabled = false;
      showError(e, go);
    }
  });
}

// ---------- page ----------
function render() {
  renderHead();
  const focusId = document.activeElement && document.activeElement.id;
  ui.chart = h('section', { class: 'panel chart', id: 'chart', 'aria-labelledby': 'chart-title' });
  ui.orders = h('section', { class: 'panel', id: 'orders', 'aria-labelledby': 'orders-title' });
  renderChart();
  renderOrders();
  const full = h('div', { class: 'full' }, buildDiagnosis());
  if (committed()) full.append(buildAI(), buildAppraisal());
  fill(workspace, 
    h('div', { class: 'col' }, buildConversation(), ui.orders),
    h('div', { class: 'col' }, ui.chart, buildNotebook()),
    full);
  workspace.hidden = false;
  ui.log.scrollTop = ui.log.scrollHeight;
  if (focusId && document.getElementById(focusId)) document.getElementById(focusId).focus();
}

async function main() {
  if (!(await startPage())) return;
  try {
    enc = await api('GET', base);
  } catch (e) {
    $('#enc-title').textContent = 'Encounter not available';
    notice(notices, 'bad', e.message, { alert: true });
    return;
  }
  if (phase() === 'submitted' || phase() === 'graded') { location.replace(`/debrief/${encodeURIComponent(id)}`); return; }
  if (enc.practice) notice(notices, 'info', 'Play-test: a practice encounter. It is graded for the debrief but never counts towards progress.');
  if (committed() && !enc.recommendation) await loadRecommendation();
  render();
}

main();
