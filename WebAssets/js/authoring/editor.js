// The scenario editor: form sections, raw JSON, live validation, save, publish, archive,
// export, play-test, versions and diff. The working document lives here; the form and
// the raw view both edit it, and every change is checked by the server's validator
// (the same messages as `wardsim validate`) shortly after the author stops typing.
import { api } from '../api.js';
import { h, $, fill, debounce, showFieldError, clearErrors, fmtDate } from '../dom.js';
import { SECTIONS, blankScenario } from './schema.js';
import { ScenarioForm } from './form.js';
import { place, renderSummary, countSections } from './problems.js';
import { tryBox } from './tryout.js';
import { rawView } from './rawjson.js';
import { versionsPanel, statusBadge } from './versions.js';

const JSON_HEADERS = { headers: { 'Content-Type': 'application/json' } };
const text = (doc) => JSON.stringify(doc, null, 2);
const backupKey = (id) => `wardsim-authoring:${id || 'new'}`;

export async function openEditor({ id, copyFrom }) {
  const content = $('#content');
  const state = { id, detail: null, doc: null, saved: '', validating: null, sequence: 0, lastProblems: [] };
  try {
    if (id) {
      state.detail = await api('GET', `/api/authoring/scenarios/${encodeURIComponent(id)}`);
      state.doc = JSON.parse(state.detail.latest.text);
    } else if (copyFrom) {
      const source = await api('GET', `/api/authoring/scenarios/${encodeURIComponent(copyFrom)}`);
      state.doc = JSON.parse(source.latest.text);
      Object.assign(state.doc, { id: '', version: 1, status: 'draft' });
    } else {
      state.doc = blankScenario();
    }
  } catch (e) {
    fill(content, h('div', { class: 'notice bad', role: 'alert' }, e.status === 404 ? `There is no scenario “${id}”.` : e.message),
      h('p', {}, h('a', { href: '/authoring' }, 'Back to the scenarios')));
    return;
  }
  state.saved = text(state.doc);
  new Editor(state, content).start();
}

class Editor {
  constructor(state, content) {
    this.s = state;
    this.content = content;
    this.form = new ScenarioForm({ onChange: (parts) => this.changed(parts), onStructure: (focus) => this.rerender(focus) });
    this.validateSoon = debounce((raw) => this.validate(raw), 450);
    this.backupSoon = debounce(() => this.backup(), 1000);
    this.raw = rawView({ onText: (value) => this.rawChanged(value) });
    this.applyRawSoon = debounce((value) => this.applyRaw(value), 450);
  }

  get dirty() { return text(this.s.doc) !== this.s.saved; }
  get latest() { return this.s.detail ? this.s.detail.version : null; }

  start() {
    this.statusLine = h('p', { class: 'lede', id: 'editor-status', 'aria-live': 'polite' });
    this.title = $('#page-title');
    this.toolbar = this.makeToolbar();
    this.summary = h('div', { class: 'validation', id: 'validation' });
    this.restore = h('div', { id: 'restore' });
    this.nav = h('nav', { class: 'section-nav', 'aria-label': 'Scenario sections' },
      h('ul', {}, [...SECTIONS.map((s) => [s.id, s.title]), ['json', 'JSON'], ...(this.s.id ? [['versions', 'Versions']] : [])]
        .map(([key, title]) => h('li', {}, h('a', { href: `#sec-${key}`, 'data-section': key }, title, ' ', h('span', { class: 'count badge bad', hidden: true }))))));
    this.sections = h('div', { class: 'editor-sections' });
    $('#page-lede').replaceWith(this.statusLine);
    fill(this.content, this.toolbar, this.restore, h('section', { 'aria-labelledby': 'validation-title', class: 'validation-wrap' },
      h('h2', { id: 'validation-title', class: 'visually-hidden' }, 'Validation'), this.summary),
    h('div', { class: 'editor' }, this.nav, this.sections));
    window.addEventListener('beforeunload', (event) => { if (this.dirty) { event.preventDefault(); event.returnValue = ''; } });
    this.rerender();
    this.offerBackup();
    this.validate();
  }

  // ---------- rendering ----------
  rerender(focusID) {
    const active = focusID || (document.activeElement && document.activeElement.id);
    this.form.registry.clear();
    const parts = SECTIONS.map((section) => this.form.section(section, this.s.doc, section.tryBox
      ? tryBox({ scenarioId: () => this.s.id || this.s.doc.id, documentNow: () => this.s.doc }) : null));
    fill(this.sections, parts, this.raw.section, this.s.id && this.s.detail ? versionsPanel(this.s.detail) : null);
    this.raw.show(text(this.s.doc));
    this.refreshHead();
    if (this.s.lastProblems) this.showProblems(this.s.lastProblems.problems || [], this.s.lastProblems.publishProblems || []);
    if (active) {
      const node = document.getElementById(active);
      if (node) node.focus();
    }
    if (focusID) this.changed([]);
  }

  refreshHead() {
    const doc = this.s.doc;
    const name = typeof doc.title === 'string' && doc.title.trim() ? doc.title : (this.s.id || 'New scenario');
    this.title.textContent = this.s.id ? `Edit: ${name}` : `New scenario${doc.title ? `: ${doc.title}` : ''}`;
    document.title = `${this.s.id ? name : 'New scenario'} · Scenarios · WardSim`;
    const d = this.s.detail;
    const parts = [];
    if (d) {
      parts.push(`Version ${d.version}`, statusBadge(d.status));
      parts.push(d.publishedVersion ? `Trainees get version ${d.publishedVersion}` : 'Not offered to trainees');
    } else {
      parts.push('Not saved yet');
    }
    if (this.dirty) parts.push(h('strong', {}, 'Unsaved changes'));
    fill(this.statusLine, parts.flatMap((p, i) => (i ? [' · ', p] : [p])));
    this.archive.hidden = !(d && d.publishedVersion);
    this.exportLink.hidden = !d;
    this.playtest.hidden = !d;
    this.publish.hidden = !d;
    if (d) this.exportLink.href = `/api/authoring/scenarios/${encodeURIComponent(this.s.id)}/export`;
  }

  // ---------- changes ----------
  changed(parts) {
    // The rubric lists a weight per chosen competency: redraw it when the choice changes.
    if (parts[0] === 'competencies') return this.rerender(document.activeElement && document.activeElement.id);
    this.raw.show(text(this.s.doc));
    this.refreshHead();
    this.validateSoon();
    this.backupSoon();
  }

  rawChanged(value) {
    this.applyRawSoon(value);
  }

  applyRaw(value) {
    let parsed;
    try { parsed = JSON.parse(value); } catch { parsed = undefined; }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      this.s.doc = parsed;
      this.rerender('raw-json');
      this.backupSoon();
    }
    this.validate(value);
  }

  // ---------- validation ----------
  async validate(rawText) {
    const body = rawText ?? text(this.s.doc);
    const sequence = ++this.s.sequence;
    if (this.s.validating) this.s.validating.abort();
    const controller = new AbortController();
    this.s.validating = controller;
    const query = this.s.id ? `?scenario=${encodeURIComponent(this.s.id)}` : '';
    try {
      const result = await api('POST', `/api/authoring/validate${query}`, body, { ...JSON_HEADERS, signal: controller.signal });
      if (sequence !== this.s.sequence) return;
      this.s.lastProblems = result;
      this.showProblems(result.problems, result.publishProblems);
    } catch (e) {
      if (e.name === 'AbortError' || sequence !== this.s.sequence) return;
      fill(this.summary, h('p', { class: 'field-error' }, `The scenario could not be checked: ${e.message}`));
    }
  }

  showProblems(problems, later) {
    const placed = place(this.form, this.sections, problems, later);
    renderSummary(this.summary, placed, { onRaw: (p) => (p.line ? this.raw.select(p.line, p.column) : this.raw.area.focus()) });
    countSections(this.nav, this.sections);
    this.raw.positions(problems);
  }

  // ---------- backup in this browser ----------
  backup() {
    try {
      if (this.dirty) {
        localStorage.setItem(backupKey(this.s.id), JSON.stringify({ at: new Date().toISOString(), base: this.latest, text: text(this.s.doc) }));
      } else {
        localStorage.removeItem(backupKey(this.s.id));
      }
    } catch { /* storage full or disabled: nothing to keep */ }
  }

  offerBackup() {
    let saved;
    try { saved = JSON.parse(localStorage.getItem(backupKey(this.s.id)) || 'null'); } catch { saved = null; }
    if (!saved || saved.text === text(this.s.doc) || saved.base !== this.latest) return;
    const restore = h('button', { type: 'button', class: 'button small primary', id: 'restore-yes' }, 'Restore my changes');
    const discard = h('button', { type: 'button', class: 'button small', id: 'restore-no' }, 'Discard them');
    restore.addEventListener('click', () => {
      try { this.s.doc = JSON.parse(saved.text); } catch { return; }
      fill(this.restore);
      this.rerender();
      this.changed([]);
      $('#sec-overview-title').focus();
    });
    discard.addEventListener('click', () => {
      localStorage.removeItem(backupKey(this.s.id));
      fill(this.restore);
    });
    fill(this.restore, h('div', { class: 'notice warn', role: 'status' },
      `This browser kept changes you had not saved (${fmtDate(saved.at)}). `, h('span', { class: 'actions' }, restore, discard)));
  }

  // ---------- actions ----------
  makeToolbar() {
    const button = (label, id, cls = '') => h('button', { type: 'button', class: `button ${cls}`, id }, label);
    this.save = button('Save draft', 'save', 'primary');
    this.publish = button('Publish…', 'publish');
    this.archive = button('Archive…', 'archive', 'danger');
    this.playtest = button('Play-test', 'playtest');
    this.exportLink = h('a', { class: 'button', id: 'export', href: '#', download: '' }, 'Export file');
    this.confirm = h('div', { id: 'confirm', class: 'confirm', hidden: true });
    this.said = h('p', { id: 'action-status', class: 'saved-state', role: 'status' });
    this.save.addEventListener('click', () => this.doSave());
    this.publish.addEventListener('click', () => this.askPublish());
    this.archive.addEventListener('click', () => this.askArchive());
    this.playtest.addEventListener('click', () => this.doPlaytest());
    return h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Scenario actions' },
      h('div', { class: 'actions' }, this.save, this.publish, this.playtest, this.exportLink, this.archive,
        h('a', { href: '/authoring', class: 'button' }, 'All scenarios')), this.said, this.confirm);
  }

  say(message) { this.said.textContent = message; }

  clearActionErrors() { clearErrors(this.toolbar); }

  async doSave() {
    this.clearActionErrors();
    this.save.disabled = true;
    this.say('Saving…');
    try {
      const body = text(this.s.doc);
      const saved = this.s.id
        ? await api('PUT', `/api/authoring/scenarios/${encodeURIComponent(this.s.id)}`, body, JSON_HEADERS)
        : await api('POST', '/api/authoring/scenarios', body, JSON_HEADERS);
      const wasNew = !this.s.id;
      try { localStorage.removeItem(backupKey(this.s.id)); } catch { /* nothing kept */ }
      this.accept(saved);
      if (wasNew) history.replaceState(null, '', `/authoring/${encodeURIComponent(this.s.id)}`);
      this.say(`Saved as version ${saved.version.version} (draft) at ${new Date().toLocaleTimeString()}.`);
    } catch (e) {
      this.say('');
      if (e.status === 422 && e.details.length) {
        this.showProblems(e.details.map((d) => ({ ...d, line: d.line ? Number(d.line) : undefined, column: d.column ? Number(d.column) : undefined })), []);
        showFieldError(this.save, `${e.message} See the list below.`);
        this.summary.querySelector('button') ? this.summary.querySelector('button').focus() : this.save.focus();
      } else {
        showFieldError(this.save, e.message).setAttribute('role', 'alert');
        this.save.focus();
      }
    } finally {
      this.save.disabled = false;
    }
  }

  /** Takes a saved or published version from the server as the new starting point. */
  accept(saved) {
    this.s.id = saved.scenario.id;
    this.s.detail = { ...saved.scenario, latest: saved.version };
    this.s.doc = JSON.parse(saved.version.text);
    this.s.saved = text(this.s.doc);
    this.nav.querySelector('a[data-section="versions"]') || this.nav.querySelector('ul').append(
      h('li', {}, h('a', { href: '#sec-versions', 'data-section': 'versions' }, 'Versions', ' ', h('span', { class: 'count badge bad', hidden: true }))));
    this.rerender();
    this.validate();
  }

  askPublish() {
    this.clearActionErrors();
    if (this.dirty) {
      showFieldError(this.publish, 'Save your changes first: publishing freezes the latest saved version.');
      this.publish.focus();
      return;
    }
    const d = this.s.detail;
    const replaces = d.publishedVersion ? ` Version ${d.publishedVersion}, which trainees get now, will be archived.` : '';
    this.ask(`Publish version ${d.version} to trainees? It becomes version ${d.version + 1}, offered from their next start.${replaces}`,
      'Publish now', async () => {
        const published = await api('POST', `/api/authoring/scenarios/${encodeURIComponent(this.s.id)}/publish`, { version: d.version });
        this.accept(published);
        this.say(`Published as version ${published.version.version}. Trainees see it now.`);
      }, this.publish);
  }

  askArchive() {
    this.clearActionErrors();
    this.ask('Archive this scenario? Trainees will no longer be offered it; encounters already started carry on.',
      'Archive now', async () => {
        const { scenario } = await api('POST', `/api/authoring/scenarios/${encodeURIComponent(this.s.id)}/archive`);
        this.s.detail = { ...this.s.detail, ...scenario };
        this.rerender();
        this.say('Archived. Trainees no longer see this scenario.');
      }, this.archive);
  }

  /** An inline confirmation: question, a button that does it, Cancel. */
  ask(question, label, action, origin) {
    const yes = h('button', { type: 'button', class: 'button primary', id: 'confirm-yes' }, label);
    const no = h('button', { type: 'button', class: 'button', id: 'confirm-no' }, 'Cancel');
    const close = () => { this.confirm.hidden = true; fill(this.confirm); };
    no.addEventListener('click', () => { close(); origin.focus(); });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await action();
        close();
        this.save.focus();
      } catch (e) {
        close();
        if (e.status === 422 && e.details.length) {
          this.showProblems([], e.details);
          showFieldError(origin, `${e.message} See the list below.`);
        } else {
          showFieldError(origin, e.message).setAttribute('role', 'alert');
        }
        origin.focus();
      }
    });
    fill(this.confirm, h('p', { id: 'confirm-question' }, question), h('div', { class: 'actions' }, yes, no));
    this.confirm.setAttribute('role', 'group');
    this.confirm.setAttribute('aria-labelledby', 'confirm-question');
    this.confirm.hidden = false;
    yes.focus();
  }

  async doPlaytest() {
    this.clearActionErrors();
    if (this.dirty) {
      showFieldError(this.playtest, 'Save your changes first: a play-test runs the latest saved version.');
      this.playtest.focus();
      return;
    }
    this.playtest.disabled = true;
    try {
      const encounter = await api('POST', `/api/authoring/scenarios/${encodeURIComponent(this.s.id)}/playtest`);
      location.assign(`/encounter/${encodeURIComponent(encounter.id)}`);
    } catch (e) {
      this.playtest.disabled = false;
      showFieldError(this.playtest, e.message).setAttribute('role', 'alert');
      this.playtest.focus();
    }
  }
}

