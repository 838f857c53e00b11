// "Try a question": asks the retriever which facts a question would disclose, against
// the editor's unsaved copy of the scenario, keeping earlier questions so follow-ups
// resolve as in an encounter.
import { api } from '../api.js';
import { h, fill } from '../dom.js';

export function tryBox({ scenarioId, documentNow }) {
  const asked = [];
  const input = h('input', { id: 'try-question', type: 'text', autocomplete: 'off', 'aria-describedby': 'try-hint' });
  const ask = h('button', { type: 'submit', class: 'button primary small', id: 'try-ask' }, 'Try it');
  const reset = h('button', { type: 'button', class: 'button small', id: 'try-reset' }, 'Start over');
  const log = h('ol', { class: 'try-log', id: 'try-log', 'aria-live': 'polite' });
  const error = h('p', { class: 'field-error', id: 'try-error', hidden: true });
  const form = h('form', { class: 'try-box', 'aria-labelledby': 'try-title' },
    h('h3', { id: 'try-title' }, 'Try a question'),
    h('p', { class: 'hint', id: 'try-hint' },
      'Ask as a trainee would. You see which facts the patient would disclose and the scripted reply, using the facts as they are now (saved or not). Earlier questions count, so follow-ups work.'),
    h('div', { class: 'field' }, h('label', { for: 'try-question' }, 'Question to the patient'),
      h('div', { class: 'ask-row' }, input, ask)), error, log, h('div', { class: 'actions' }, reset));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const question = input.value.trim();
    error.hidden = true;
    if (!question) {
      error.textContent = 'Type a question first.';
      error.hidden = false;
      input.focus();
      return;
    }
    ask.disabled = true;
    try {
      const answer = await api('POST', `/api/authoring/scenarios/${encodeURIComponent(scenarioId() || 'new')}/try`,
        { question, previous: asked, document: documentNow() });
      asked.push(question);
      log.append(entry(answer));
      input.value = '';
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    } finally {
      ask.disabled = false;
      input.focus();
    }
  });
  reset.addEventListener('click', () => { asked.length = 0; fill(log); input.focus(); });
  return form;
}

function entry(answer) {
  const facts = answer.facts || [];
  return h('li', { class: 'try-entry' },
    h('p', { class: 'q' }, h('span', { class: 'visually-hidden' }, 'Question: '), answer.question),
    facts.length
      ? h('ul', { class: 'try-facts' }, facts.map((f) => h('li', {},
        h('strong', {}, f.id), f.critical ? h('span', { class: 'badge' }, 'critical') : null,
        f.redFlag ? h('span', { class: 'badge warn' }, 'red flag') : null, ' ', h('span', { class: 'muted' }, f.answer))))
      : h('p', { class: 'muted' }, `No fact disclosed (${(answer.intents || []).join(', ') || 'unknown'}).`),
    h('p', { class: 'a' }, h('span', { class: 'muted' }, 'Reply: '), answer.reply));
}
