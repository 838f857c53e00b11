-- Synthetic progress for the export benchmark: trainees in cohorts, graded encounters on
-- the shipped scenarios, competency scores and grade reports in the documented debrief
-- shape (docs/api.md), about 3 KB each. Expects the WardSim schema, the scenario
-- versions already loaded, and the parameters :encounters and :trainees.
PRAGMA synchronous = OFF;
BEGIN;

WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 20)
INSERT INTO cohorts(id, name, created_at)
SELECT i, printf('Cohort %02d — %s', i, CASE i % 3 WHEN 0 THEN 'ED nurses' WHEN 1 THEN 'Junior doctors' ELSE 'GP, "primary care"' END),
       '2026-01-01T00:00:00.000Z'
FROM k;

WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < :trainees)
INSERT INTO users(id, username, display_name, role, cohort_id, password_hash, created_at, updated_at)
SELECT i, printf('trainee%05d', i),
       CASE WHEN i % 97 = 0 THEN printf('O''Brien, Zoë %d', i)
            WHEN i % 101 = 0 THEN printf('=HYPERLINK("http://x.test","%d")', i)
            ELSE printf('Trainee %d', i) END,
       'trainee', 1 + i % 20, '!', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
FROM k;

WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < :encounters),
versions AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, COUNT(*) OVER () AS total FROM scenario_versions)
INSERT INTO encounters(id, user_id, scenario_version_id, state, practice, started_at, updated_at, submitted_at)
SELECT printf('e_%08x', (i * 2654435761) % 4294967296), 1 + (i * 7919) % :trainees, v.id, 'submitted', 0,
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i * 150)),
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i * 150 + 600 + i % 1200)),
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i * 150 + 600 + i % 1200))
FROM k JOIN versions v ON v.n = i % v.total;

INSERT INTO competency_scores(encounter_id, user_id, competency_id, score, weight, at)
SELECT e.id, e.user_id, c.value, ((e.rowid * 7 + c.key * 131) % 101) / 100.0, 1.0, e.submitted_at
FROM encounters e JOIN scenario_versions v ON v.id = e.scenario_version_id, json_each(v.document, '$.competencies') c;

INSERT INTO grades(encounter_id, user_id, overall, report, graded_at)
SELECT e.id, e.user_id, s.overall,
       json_object(
         'overall', s.overall,
         'competencies', (SELECT json_group_array(json_object('id', cs.competency_id, 'name', cs.competency_id,
                              'score', cs.score, 'weight', 1.0,
                              'explanation', 'You elicited most of the critical facts; ask directly about red flags such as radiation of the pain and breathlessness next time.'))
                          FROM competency_scores cs WHERE cs.encounter_id = e.id),
         'facts', json_object(
           'elicited', json_array(json_object('id', 'onset', 'answer', 'It started about an hour ago while I was resting.', 'critical', json('true'), 'redFlag', json('false')),
                                  json_object('id', 'sweating', 'answer', 'I have been sweating a lot.', 'critical', json('true'), 'redFlag', json('true'))),
           'missed', json_array(json_object('id', printf('fact-%d', e.rowid % 7), 'answer', 'My father died of a heart attack at 52.', 'critical', json(CASE WHEN e.rowid % 3 = 0 THEN 'true' ELSE 'false' END),
                                 'redFlag', json('false'), 'exampleQuestion', 'Does anyone in your family have heart problems?'))),
         'redFlags', json_object('elicited', json_array('sweating'), 'missed', json_array()),
         'investigations', json_object('neededMissed', json_array(), 'unnecessary', json_array(json_object('id', 'ct-head', 'label', 'CT head')), 'totalCost', 55),
         'diagnosis', json_object('correct', json(CASE WHEN s.overall >= 0.5 THEN 'true' ELSE 'false' END), 'matched', 'inferior STEMI', 'icd10', 'I21.1'),
         'plan', json_object('covered', json_array(), 'missed', json_array()),
         'ai', json_object('recommendationId', 'rec-1', 'text', 'Likely gastro-oesophageal reflux; recommend antacids and discharge.',
                           'sound', json(CASE WHEN e.rowid % 2 = 0 THEN 'true' ELSE 'false' END),
                           'decision', CASE e.rowid % 3 WHEN 0 THEN 'accept' WHEN 1 THEN 'modify' ELSE 'reject' END,
                           'decisionCorrect', json('true'), 'flaws', json_array(), 'outcome', 'The patient was treated promptly.'),
         'automationBias', json_object('commission', json(CASE WHEN e.rowid % 6 = 3 THEN 'true' ELSE 'false' END),
                                       'overRejection', json(CASE WHEN e.rowid % 6 = 2 THEN 'true' ELSE 'false' END),
                                       'switchedCorrectToIncorrect', json('false'), 'switchedIncorrectToCorrect', json('false')),
         'teachingPoints', json_array('Atypical presentations of ACS are common in older adults, women and people with diabetes.'),
         'transcript', json_array(
           json_object('turn', 1, 'question', 'Hello, what brings you in today?', 'reply', 'I have had this indigestion for about an hour and I feel clammy.', 'facts', json_array('onset')),
           json_object('turn', 2, 'question', 'Can you tell me more about the pain?', 'reply', 'It is a heavy feeling in the middle of my chest, going into my jaw.', 'facts', json_array('character')),
           json_object('turn', 3, 'question', 'Have you been sweating?', 'reply', 'Yes, quite a lot, which is not like me.', 'facts', json_array('sweating')),
           json_object('turn', 4, 'question', 'Do you take any medicines?', 'reply', 'Just something for my blood pressure and a statin.', 'facts', json_array('meds')),
           json_object('turn', 5, 'question', 'Any allergies?', 'reply', 'None that I know of.', 'facts', json_array('allergies')),
           json_object('turn', 6, 'question', 'Do you smoke?', 'reply', 'Twenty a day for thirty years, I am afraid.', 'facts', json_array('smoking')))),
       e.submitted_at
FROM encounters e
JOIN (SELECT encounter_id, ROUND(AVG(score), 4) AS overall FROM competency_scores GROUP BY encounter_id) s
  ON s.encounter_id = e.id;

COMMIT;
ANALYZE;
