// The scenario form, section by section, mirroring the tables of Scenarios/README.md.
// Each field names its JSON key and how it is edited; form.js renders these and binds
// each control to its JSON path, so validation problems land next to the right control.
//
// kinds: text, textarea, int, number, select (options; optional adds "None"), bool,
// lines (array of strings, one per line), checks (array of chosen options), readonly,
// group (an object of fields), list (an array of objects), weights (rubric.weights).

import { competencyName } from '../dom.js';

export const COMPETENCIES = [
  'history-taking', 'examination-investigation', 'clinical-reasoning', 'management-planning',
  'communication-empathy', 'safety-escalation', 'documentation', 'ai-basic-knowledge', 'ai-ethics-social',
  'ai-clinical-encounters', 'ai-output-evaluation', 'ai-workflow-integration', 'ai-practice-learning',
].map((id) => [id, competencyName(id)]);

export const FLAW_TYPES = [
  ['hallucinated-evidence', 'Hallucinated evidence or citation'],
  ['missed-contraindication', 'Missed contraindication, allergy or interaction'],
  ['dosing-error', 'Dosing error'],
  ['anchoring', 'Anchoring on a wrong diagnosis'],
  ['outdated-guideline', 'Outdated guideline'],
  ['demographic-bias', 'Demographic bias'],
  ['miscalibrated-confidence', 'Miscalibrated confidence'],
  ['missed-red-flag', 'Missed red flag'],
  ['privacy-breach', 'Privacy or consent breach'],
  ['wrong-rationale', 'Right action, wrong rationale'],
];

const opts = (...values) => values.map((v) => [v, v[0].toUpperCase() + v.slice(1).replace(/-/g, ' ')]);
const text = (key, label, extra = {}) => ({ key, label, kind: 'text', ...extra });
const area = (key, label, extra = {}) => ({ key, label, kind: 'textarea', ...extra });
const lines = (key, label, extra = {}) => ({ key, label, kind: 'lines', hint: 'One per line.', ...extra });
const termItem = (noun) => ({
  noun,
  template: () => ({ id: '', description: '', terms: [] }),
  title: (item) => item.id || item.description,
  fields: [
    text('id', 'Id', { hint: 'A slug, unique in the scenario.' }),
    text('description', 'Description'),
    lines('terms', 'Matching terms', { hint: 'Words that count as this item, one per line (any one matches).' }),
  ],
});

export const SECTIONS = [
  {
    id: 'overview', title: 'Overview', fields: [
      text('id', 'Scenario id', { hint: 'Lowercase words joined by hyphens, e.g. chest-pain-at-night. It cannot change once created.' }),
      text('title', 'Title', { hint: 'What trainees see on the case card. It must not name the diagnosis.' }),
      { key: 'version', label: 'Version', kind: 'readonly' },
      { key: 'status', label: 'Status', kind: 'readonly', hint: 'Saving always makes a draft; Publish makes a published version.' },
      { key: 'useCase', label: 'Use of AI', kind: 'select', options: [['diagnostics', 'Diagnostics'], ['treatment-planning', 'Treatment planning'], ['patient-support', 'Patient support']] },
      text('setting', 'Setting', { hint: 'Emergency department, Medical ward, GP clinic, Patient portal…' }),
      text('specialty', 'Specialty'),
      { key: 'difficulty', label: 'Difficulty', kind: 'select', options: opts('introductory', 'intermediate', 'advanced') },
      { key: 'estimatedMinutes', label: 'Estimated minutes', kind: 'int', hint: '5 to 120.' },
      { key: 'competencies', label: 'Competencies exercised', kind: 'checks', options: COMPETENCIES },
      lines('learningObjectives', 'Learning objectives'),
      {
        key: 'references', label: 'References', kind: 'list', noun: 'reference',
        template: () => ({ title: '', url: '' }), title: (r) => r.title,
        fields: [text('title', 'Title'), text('url', 'Address (https)')],
      },
    ],
  },
  {
    id: 'patient', title: 'Patient and persona', fields: [
      {
        key: 'patient', kind: 'group', fields: [
          text('name', 'Name', { hint: 'Fictional.' }),
          { key: 'age', label: 'Age (years)', kind: 'int' },
          { key: 'ageMonths', label: 'Age in months (infants)', kind: 'int', optional: true },
          { key: 'sex', label: 'Sex', kind: 'select', options: opts('female', 'male', 'intersex') },
          {
            key: 'speaker', label: 'Who answers the trainee', kind: 'group', fields: [
              { key: 'role', label: 'Speaker', kind: 'select', options: [['patient', 'The patient'], ['caregiver', 'A parent or caregiver']] },
              text('name', 'Caregiver name', { optional: true }),
              text('relationship', 'Relationship to the patient', { optional: true }),
            ],
          },
          {
            key: 'persona', label: 'Persona', kind: 'group', fields: [
              area('demeanour', 'Demeanour'),
              { key: 'healthLiteracy', label: 'Health literacy', kind: 'select', options: opts('low', 'medium', 'high') },
              text('languageLevel', 'Language level', { hint: 'The register the voice uses.' }),
              lines('worries', 'Worries'),
              { key: 'volunteering', label: 'Volunteers information', kind: 'select', options: opts('reluctant', 'average', 'forthcoming') },
            ],
          },
          area('openingStatement', 'Opening statement', { hint: 'The first thing they say.' }),
        ],
      },
    ],
  },
  {
    id: 'facts', title: 'Facts', tryBox: true, fields: [
      {
        key: 'facts', label: 'Facts the patient can tell', kind: 'list', noun: 'fact',
        template: () => ({ id: '', topics: [], answer: '', critical: false, redFlag: false }),
        title: (f) => f.id,
        fields: [
          text('id', 'Id', { hint: 'A slug, unique in the scenario.' }),
          lines('topics', 'Topics', { hint: 'Phrasings that ask for this fact, one per line: keywords, lay words, abbreviations.' }),
          text('subject', 'Subject', { optional: true, hint: 'What it is about (pain, cough…), for follow-up questions.' }),
          { key: 'aspect', label: 'Aspect', kind: 'select', optional: true, options: opts('onset', 'character', 'location', 'radiation', 'duration', 'severity', 'timing', 'relieving', 'aggravating', 'associated') },
          area('answer', 'Answer', { hint: "The patient's own words." }),
          lines('variants', 'Other wordings', { optional: true }),
          { key: 'critical', label: 'Critical: a competent trainee must elicit it', kind: 'bool' },
          { key: 'redFlag', label: 'Red flag (list it in the key too)', kind: 'bool' },
        ],
      },
    ],
  },
  {
    id: 'chart', title: 'Chart', fields: [
      {
        key: 'chart', kind: 'group', fields: [
          lines('problems', 'Problem list'),
          {
            key: 'medications', label: 'Medications', kind: 'list', noun: 'medication',
            template: () => ({ name: '', dose: '', route: '', frequency: '' }), title: (m) => m.name,
            fields: [text('name', 'Name'), text('dose', 'Dose'), text('route', 'Route'), text('frequency', 'Frequency')],
          },
          {
            key: 'allergies', label: 'Allergies', kind: 'list', noun: 'allergy',
            template: () => ({ substance: '', reaction: '', severity: '' }), title: (a) => a.substance,
            fields: [text('substance', 'Substance'), text('reaction', 'Reaction'), text('severity', 'Severity')],
          },
          {
            key: 'vitals', label: 'Vital signs', kind: 'list', noun: 'vital sign',
            template: () => ({ name: '', loinc: '', value: '', unit: '' }), title: (v) => v.name,
            fields: [text('name', 'Name'), text('loinc', 'LOINC code'), text('value', 'Value'), text('unit', 'Unit (UCUM)')],
          },
          {
            key: 'results', label: 'Recent results', kind: 'list', noun: 'result',
            template: () => ({ name: '', value: '', unit: '', date: '' }), title: (r) => r.name,
            fields: [text('name', 'Name'), text('value', 'Value'), text('unit', 'Unit'), text('date', 'Date (YYYY-MM-DD)')],
          },
          {
            key: 'notes', label: 'Prior notes', kind: 'list', noun: 'note',
            template: () => ({ date: '', author: '', text: '' }), title: (n) => [n.date, n.author].filter(Boolean).join(' · '),
            fields: [text('date', 'Date (YYYY-MM-DD)'), text('author', 'Author'), area('text', 'Note')],
          },
        ],
      },
    ],
  },
  {
    id: 'orderables', title: 'Examination and investigations', fields: ['exam', 'investigations'].map((key) => ({
      key, label: key === 'exam' ? 'Examinations' : 'Investigations', kind: 'list',
      noun: key === 'exam' ? 'examination' : 'investigation',
      template: () => ({ id: '', label: '', category: '', result: '', minutes: 5, cost: 0, needed: false }),
      title: (item) => item.label || item.id,
      fields: [
        text('id', 'Id', { hint: "Reuse the default table's id where one fits (ecg, fbc, troponin…)." }),
        text('label', 'Label'), text('category', 'Category'), area('result', 'Result'),
        { key: 'minutes', label: 'Minutes', kind: 'int' }, { key: 'cost', label: 'Cost', kind: 'number' },
        { key: 'needed', label: 'Needed: a competent clinician would do it here', kind: 'bool' },
      ],
    })),
  },
  {
    id: 'ai', title: 'AI recommendations', fields: [
      {
        key: 'aiRecommendations', label: 'What the decision-support tool says', kind: 'list', noun: 'recommendation',
        template: () => ({ id: '', text: '', confidence: 0.8, citations: [], sound: true, flaws: [], outcomes: { accept: '', modify: '', reject: '' } }),
        title: (r) => r.id,
        fields: [
          text('id', 'Id'),
          area('text', 'Text', { hint: 'As a fluent assistant would phrase it.' }),
          { key: 'confidence', label: 'Confidence (0 to 1)', kind: 'number' },
          lines('citations', 'Citations'),
          { key: 'sound', label: 'Sound: following it is right', kind: 'bool' },
          {
            key: 'flaws', label: 'Flaws', kind: 'list', noun: 'flaw', hint: 'At least one when the recommendation is not sound.',
            template: () => ({ type: 'anchoring', explanation: '' }), title: (f) => f.type,
            fields: [{ key: 'type', label: 'Flaw type', kind: 'select', options: FLAW_TYPES }, area('explanation', 'Explanation for the debrief')],
          },
          {
            key: 'outcomes', label: 'What happens to the patient if the trainee…', kind: 'group', fields: [
              area('accept', 'accepts it'), area('modify', 'modifies it'), area('reject', 'rejects it'),
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'key', title: 'Answer key', fields: [
      {
        key: 'key', kind: 'group', fields: [
          {
            key: 'diagnoses', label: 'Accepted diagnoses', kind: 'list', noun: 'diagnosis',
            template: () => ({ name: '', synonyms: [], icd10: '' }), title: (d) => d.name,
            fields: [text('name', 'Name'), lines('synonyms', 'Synonyms'), text('icd10', 'ICD-10 code')],
          },
          {
            key: 'differentials', label: 'Essential differentials', kind: 'list', noun: 'differential',
            template: () => ({ name: '', synonyms: [] }), title: (d) => d.name,
            fields: [text('name', 'Name'), lines('synonyms', 'Synonyms')],
          },
          { key: 'criticalFindings', label: 'Critical findings', kind: 'list', ...termItem('critical finding') },
          lines('redFlags', 'Red-flag fact ids', { hint: 'Every fact marked as a red flag, and only those; one id per line.' }),
          {
            key: 'aiDecisions', label: 'Expected decisions on the AI recommendations', kind: 'list', noun: 'decision',
            template: () => ({ recommendationId: '', decision: 'accept', flaws: [] }), title: (d) => d.recommendationId,
            fields: [
              text('recommendationId', 'Recommendation id'),
              { key: 'decision', label: 'Expected decision', kind: 'select', options: opts('accept', 'modify', 'reject') },
              { key: 'flaws', label: 'Flaws the trainee should name', kind: 'checks', options: FLAW_TYPES },
            ],
          },
          { key: 'management', label: 'Management essentials', kind: 'list', ...termItem('management item') },
        ],
      },
    ],
  },
  {
    id: 'rubric', title: 'Rubric and debrief', fields: [
      { key: 'rubric', kind: 'group', fields: [{ key: 'weights', label: 'Weight of each competency', kind: 'weights' }] },
      { key: 'debrief', kind: 'group', fields: [lines('teachingPoints', 'Teaching points')] },
    ],
  },
];

/** A new scenario: every required field present, so problems name what to fill in. */
export function blankScenario() {
  return {
    id: '', title: '', version: 1, status: 'draft', useCase: 'diagnostics', setting: '', specialty: '',
    difficulty: 'intermediate', estimatedMinutes: 20, competencies: [], learningObjectives: [], references: [],
    patient: {
      name: '', age: 40, sex: 'female', speaker: { role: 'patient' },
      persona: { demeanour: '', healthLiteracy: 'medium', languageLevel: '', worries: [], volunteering: 'average' },
      openingStatement: '',
    },
    facts: [], chart: { problems: [], medications: [], allergies: [], vitals: [], results: [], notes: [] },
    exam: [], investigations: [], aiRecommendations: [],
    key: { diagnoses: [], differentials: [], criticalFindings: [], redFlags: [], aiDecisions: [], management: [] },
    rubric: { weights: {} }, debrief: { teachingPoints: [] },
  };
}
