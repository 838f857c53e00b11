// The debrief: what went well, what was missed and why it matters, then feedback.
import { api } from './api.js';
import { h, $, fill, clearErrors, showError, showFieldError, notice, pct, humanize, competencyName, idFromPath } from './dom.js';
import { startPage } from './shell.js';
import { barSVG } from './charts.js';

const id = idFromPath();
const content = $('#content');

/**
 * One shape for the page from either the grader's report (history, appraisal,
 * recommendation, outcome, …) or the shape in docs/api.md (facts, ai, …).
 */
function normalise(d) {
  const a = d.appraisal || {};
  const rec = d.recommendation || {};
  const named = new Set(a.flawsNamed || []);
  const dx = d.diagnosis || {};
  const final = dx.final || dx;
  const ai = d.ai || (d.recommendation || d.appraisal ? {
    text: rec.text, sound: a.sound ?? rec.sound, decision: a.decision, expected: a.expectedDecision,
    decisionCorrect: a.decisionCorrect, justification: a.justification,
    flaws: (rec.flaws || []).map((f) => ({ ...f, named: named.has(f.type) })),
    spurious: a.flawsSpurious || [], outcome: d.outcome,
  } : null);
  const inv = d.investigations || {};
  const plan = d.plan || {};
  return {
    ...d, ai,
    facts: d.history || d.facts || {},
    diagnosis: { ...dx, correct: final.correct, matched: final.matched, text: final.text, initial: dx.initial },
    investigations: { ...inv, unnecessary: inv.unnecessaryOrdered || inv.unnecessary || [] },
    plan: { covered: plan.included || plan.covered || [], missed: plan.missed || [] },
  };
}

const section = (key, title, ...body) => h('section', { class: 'panel', id: key, 'aria-labelledby': `${key}-title` },
  h('h2', { id: `${key}-title` }, title), ...body);
const yesNo = (ok, yes, no) => h('p', { class: ok ? 'yes' : 'no' }, ok ? yes : no);
const listOr = (items, fmt, empty) => (items && items.length
  ? h('ul', { class: 'fact-list' }, items.map((x) => h('li', {}, fmt(x)))) : h('p', { class: 'muted' }, empty));
const tags = (f) => [f.redFlag ? h('span', { class: 'badge bad' }, 'Red flag') : null, ' ', f.critical ? h('span', { class: 'badge warn' }, 'Critical') : null];

function overall(d, enc) {
  const dx = d.diagnosis || {};
  return section('overall', 'Overall result',
    h('p', {}, h('span', { class: 'score-big' }, pct(d.overall)), h('span', { class: 'muted' }, ' overall score')),
    dx.correct !== undefined ? yesNo(dx.correct, `Your diagnosis was correct${dx.matched ? ` (matched “${dx.matched}”)` : ''}.`,
      'Your diagnosis did not match the answer key.') : null,
    d.ai && d.ai.decisionCorrect !== undefined ? yesNo(d.ai.decisionCorrect, 'Your decision on the AI recommendation was right.',
      `Your decision on the AI recommendation (${humanize(d.ai.decision)}) was not the safe one (${humanize(d.ai.expected)}).`) : null,
    enc && enc.clock ? h('p', { class: 'muted' }, `Simulated time ${enc.clock.minutes} min · cost of orders ${enc.clock.cost} units`) : null);
}

function competencies(d) {
  return section('scores', 'Score per competency',
    h('ul', { class: 'comp-list' }, (d.competencies || []).map((c) => h('li', {},
      h('div', { class: 'comp-row' }, h('h3', { class: 'm0' }, c.name || competencyName(c.id)),
        h('span', { class: 'bar' }, barSVG(c.score)), h('strong', {}, pct(c.score))),
      c.explanation ? h('p', { class: 'm0' }, c.explanation) : null,
      (c.evidence || []).length ? h('details', {}, h('summary', {}, 'What counted'),
        h('ul', { class: 'fact-list' }, c.evidence.map((e) => h('li', { class: e.kind === 'met' ? 'yes' : e.kind === 'missed' ? 'no' : null },
          e.text, h('span', { class: 'visually-hidden' }, e.kind === 'met' ? ' (met)' : e.kind === 'missed' ? ' (missed)' : ''))))) : null))));
}

function facts(d) {
  const f = d.facts || {};
  return section('facts', 'History: facts elicited and missed', h('div', { class: 'two-col' },
    h('div', {}, h('h3', {}, `Elicited (${(f.elicited || []).length})`),
      listOr(f.elicited, (x) => [h('span', { class: 'yes' }, x.answer || humanize(x.id)), ' ', ...tags(x)], 'No facts were elicited.')),
    h('div', {}, h('h3', {}, `Missed (${(f.missed || []).length})`),
      listOr(f.missed, (x) => [h('span', { class: 'no' }, x.answer || humanize(x.id)), ' ', ...tags(x),
        x.exampleQuestion ? h('span', { class: 'hint' }, `You could have asked: “${x.exampleQuestion}”`) : null], 'You missed nothing important.'))));
}

function redFlags(d) {
  const r = d.redFlags || {};
  const label = (x) => (typeof x === 'string' ? humanize(x) : x.answer || x.label || humanize(x.id));
  return section('red-flags', 'Red flags', h('div', { class: 'two-col' },
    h('div', {}, h('h3', {}, 'Found'), listOr(r.elicited, (x) => h('span', { class: 'yes' }, label(x)), 'None found.')),
    h('div', {}, h('h3', {}, 'Missed'), listOr(r.missed, (x) => h('span', { class: 'no' }, label(x)), 'None missed.'))));
}

function investigations(d) {
  const i = d.investigations || {};
  const dx = d.diagnosis || {};
  const p = d.plan || {};
  return section('investigations', 'Investigations, diagnosis and plan', h('div', { class: 'two-col' },
    h('div', {},
      h('h3', {}, 'Needed but not done'), listOr(i.neededMissed, (x) => h('span', { class: 'no' }, x.label || humanize(x.id)), 'You did every needed examination and test.'),
      h('h3', {}, 'Not indicated'), listOr(i.unnecessary, (x) => x.label || humanize(x.id), 'Nothing unnecessary was ordered.'),
      (i.neededOrdered || []).length ? h('div', {}, h('h3', {}, 'Needed and done'), listOr(i.neededOrdered, (x) => h('span', { class: 'yes' }, x.label || humanize(x.id)), '')) : null,
      h('p', {}, `Total cost of orders: ${i.totalCost ?? 0} units`, i.elapsedMinutes !== undefined ? `, simulated time ${i.elapsedMinutes} min.` : '.'),
      d.findings && (d.findings.recorded || d.findings.missed) ? h('div', {},
        h('h3', {}, 'Critical findings in your notebook'),
        listOr([...(d.findings.recorded || []).map((x) => ({ ...x, ok: true })), ...(d.findings.missed || []).map((x) => ({ ...x, ok: false }))],
          (x) => h('span', { class: x.ok ? 'yes' : 'no' }, x.description || humanize(x.id), h('span', { class: 'visually-hidden' }, x.ok ? ' (recorded)' : ' (not recorded)')), 'None to record.')) : null),
    h('div', {},
      h('h3', {}, 'Diagnosis'),
      dx.initial && dx.initial.text !== dx.text
        ? h('p', {}, `Before the AI you said “${dx.initial.text}” (${dx.initial.correct ? 'correct' : 'not correct'}); your final diagnosis was “${dx.text}” (${dx.correct ? 'correct' : 'not correct'}).`)
        : null,
      h('p', {}, 'Accepted answers: ', (dx.accepted || []).join(', ') || '—', dx.icd10 ? ` (ICD-10 ${dx.icd10})` : ''),
      (dx.differentialsCovered || []).length ? h('p', { class: 'yes' }, `Differentials you considered: ${dx.differentialsCovered.join(', ')}`) : null,
      (dx.differentialsMissed || []).length ? h('p', { class: 'no' }, `Differentials to consider: ${dx.differentialsMissed.join(', ')}`) : null,
      h('h3', {}, 'Plan essentials'),
      listOr([...(p.covered || []).map((x) => ({ ...x, ok: true })), ...(p.missed || []).map((x) => ({ ...x, ok: false }))],
        (x) => h('span', { class: x.ok ? 'yes' : 'no' }, x.description || humanize(x.id), h('span', { class: 'visually-hidden' }, x.ok ? ' (in your plan)' : ' (missing from your plan)')), 'No plan items were graded.'))));
}

function ai(d) {
  const a = d.ai;
  if (!a) return null;
  return section('ai-truth', 'The truth about the AI recommendation',
    h('blockquote', { class: 'cds-text note' }, a.text || ''),
    h('p', {}, h('strong', {}, a.sound ? 'This recommendation was sound.' : 'This recommendation was unsound.'),
      ` You chose to ${a.decision || '—'}; the safe decision was to ${a.expected || '—'}.`),
    (a.flaws || []).length ? h('div', {}, h('h3', {}, 'Its flaws'), h('ul', { class: 'fact-list' }, a.flaws.map((f) => h('li', {},
      h('strong', {}, f.label || humanize(f.type)), ` — ${f.explanation || ''} `,
      h('span', { class: f.named ? 'yes' : 'no' }, f.named ? 'You named this flaw.' : 'You did not name this flaw.'))))) : null,
    (a.spurious || []).length ? h('p', { class: 'no' }, `Flaws you named that it did not have: ${a.spurious.map(humanize).join(', ')}.`) : null,
    a.justification ? h('p', {}, h('strong', {}, 'Your justification: '), a.justification) : null,
    a.outcome ? h('div', { class: 'notice info' }, h('strong', {}, 'What happened to the patient: '), a.outcome) : null);
}

function bias(d) {
  const b = d.automationBias || {};
  const items = [
    [b.commission, 'You accepted advice that was unsound (commission error).', 'You did not accept unsound advice.'],
    [b.overRejection, 'You rejected advice that was sound (over-rejection).', 'You did not reject sound advice.'],
    [b.switchedCorrectToIncorrect, 'You changed a correct diagnosis to an incorrect one after seeing the AI.', 'The AI did not talk you out of a correct diagnosis.'],
  ];
  return section('bias', 'Automation bias in this case',
    h('ul', { class: 'fact-list' }, items.map(([bad, yes, no]) => h('li', { class: bad ? 'no' : 'yes' }, bad ? yes : no))),
    b.switchedIncorrectToCorrect ? h('p', { class: 'yes' }, 'The AI helped you correct your diagnosis.') : null);
}

function teaching(d) {
  return section('teaching', 'Teaching points',
    listOr(d.teachingPoints, (t) => t, 'No teaching points for this case.'),
    (d.learningObjectives || []).length ? h('div', {}, h('h3', {}, 'What this case teaches'), h('ul', {}, d.learningObjectives.map((o) => h('li', {}, o)))) : null,
    (d.references || []).length ? h('div', {}, h('h3', {}, 'References'), h('ul', {}, d.references.map((r) => h('li', {},
      /^https?:\/\//.test(r.url || '') ? h('a', { href: r.url, rel: 'noreferrer noopener' }, r.title || r.url) : r.title)))) : null);
}

function transcript(d) {
  return section('transcript', 'Full transcript',
    (d.transcript || []).length ? h('ol', { class: 'transcript' }, d.transcript.map((t) => h('li', {},
      h('p', { class: 'q m0' }, `You: ${t.question}`),
      h('p', { class: 'a m0' }, `Patient: ${t.reply}`),
      h('p', { class: 'muted small m0' }, (t.facts || []).length ? `Facts disclosed: ${t.facts.map((f) => humanize(f)).join(', ')}` : 'No case facts disclosed.',
        t.fellBack ? ' (the scripted voice stood in for the language model)' : ''))))
      : h('p', { class: 'muted' }, 'You did not ask the patient anything.'));
}

function feedback() {
  const rating = h('fieldset', { id: 'rating' }, h('legend', {}, 'How useful was this case? (1 = not useful, 5 = very useful)'),
    h('div', { class: 'choices-inline' }, [1, 2, 3, 4, 5].map((n) => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'rating', value: String(n) }), String(n)))));
  const comment = h('textarea', { id: 'comment', name: 'comment', rows: '3' });
  const send = h('button', { type: 'submit', class: 'button primary', id: 'send-feedback' }, 'Send feedback');
  const form = h('form', { id: 'feedback-form', novalidate: true }, rating,
    h('div', { class: 'field' }, h('label', { for: 'comment' }, 'Comment on the case (optional)'), comment), h('div', { class: 'actions' }, send));
  const wrap = section('feedback', 'Your feedback on this case', h('p', { class: 'muted' }, 'Instructors read this to improve the cases.'), form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const chosen = form.querySelector('input[name="rating"]:checked');
    if (!chosen) { showFieldError(rating, 'Choose a rating from 1 to 5.'); rating.querySelector('input').focus(); return; }
    send.disabled = true;
    try {
      await api('POST', `/api/encounters/${encodeURIComponent(id)}/feedback`, { rating: Number(chosen.value), comment: comment.value.trim() });
      form.replaceWith(h('p', { class: 'notice ok', role: 'status', id: 'feedback-thanks' }, 'Thank you: your feedback was saved.'));
    } catch (err) {
      send.disabled = false;
      showError(err, send, { rating, comment });
    }
  });
  return wrap;
}

async function main() {
  if (!(await startPage())) return;
  let d;
  let enc = null;
  try {
    [d, enc] = await Promise.all([
      api('GET', `/api/encounters/${encodeURIComponent(id)}/debrief`),
      api('GET', `/api/encounters/${encodeURIComponent(id)}`).catch(() => null),
    ]);
  } catch (e) {
    fill(content);
    notice($('#notices'), 'bad', e.status === 409 ? `${e.message} Finish the encounter first.` : e.message, { alert: true });
    if (e.status === 409) content.append(h('p', {}, h('a', { href: `/encounter/${encodeURIComponent(id)}` }, 'Back to the encounter')));
    return;
  }
  d = normalise(d);
  const title = d.title || (enc && enc.title) || '';
  $('#title').textContent = `Debrief: ${title}`;
  document.title = `Debrief: ${title} · WardSim`;
  if (enc) {
    const p = enc.patient || {};
    $('#sub').textContent = [p.name, p.age !== undefined ? `${p.age} years` : null, enc.setting].filter(Boolean).join(' · ');
  }
  fill(content, 
    h('div', { class: 'two-col' }, overall(d, enc), bias(d)),
    competencies(d), ai(d), facts(d), redFlags(d), investigations(d), teaching(d), transcript(d), feedback(),
    h('p', { class: 'actions' }, h('a', { class: 'button', href: '/library' }, 'Back to the case library'), h('a', { class: 'button', href: '/progress' }, 'See my progress')));
}

main();
