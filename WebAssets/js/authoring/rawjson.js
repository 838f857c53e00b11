// The raw JSON view: the whole document as text, kept in step with the form. Typing
// here replaces the document once the text is valid JSON; until then the server's
// parser says what is wrong and where (line and column).
import { h, fill } from '../dom.js';

export function rawView({ onText }) {
  const area = h('textarea', { id: 'raw-json', class: 'code', spellcheck: 'false', rows: 24, 'aria-describedby': 'raw-hint raw-problems' });
  const problems = h('div', { id: 'raw-problems', class: 'raw-problems' });
  area.addEventListener('input', () => onText(area.value));
  const section = h('section', { class: 'panel editor-section', id: 'sec-json', 'aria-labelledby': 'sec-json-title' },
    h('h2', { id: 'sec-json-title', tabindex: '-1' }, 'JSON'),
    h('p', { class: 'hint', id: 'raw-hint' }, 'The scenario file itself, in the format of Scenarios/. Changes here update the form and the other way round.'),
    h('label', { for: 'raw-json' }, 'Scenario JSON'), area, problems);

  return {
    section,
    area,
    /** Shows the document unless the author is typing here. */
    show(text) { if (document.activeElement !== area) area.value = text; },
    /** Problems that have a position in the text (or none) with a way to go there. */
    positions(list) {
      const located = list.filter((p) => p.line);
      fill(problems, located.length ? h('ul', {}, located.slice(0, 30).map((p) => {
        const go = h('button', { type: 'button', class: 'linkish' }, `Line ${p.line}, column ${p.column}: ${p.path}: ${p.message}`);
        go.addEventListener('click', () => select(area, p.line, p.column));
        return h('li', {}, go);
      })) : null);
    },
    select: (line, column) => select(area, line, column),
  };
}

function select(area, line, column) {
  const lines = area.value.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i += 1) offset += lines[i].length + 1;
  offset += Math.max(0, (column || 1) - 1);
  area.focus();
  area.setSelectionRange(offset, Math.min(area.value.length, offset + 1));
  const ratio = (line - 1) / Math.max(1, lines.length);
  area.scrollTop = ratio * area.scrollHeight - area.clientHeight / 3;
}
