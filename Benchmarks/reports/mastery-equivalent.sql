-- The mastery export done entirely in SQL, for the benchmark: the same rows as
-- `wardsim export --format csv --kind mastery` (one per trainee × competency, mastery and
-- evidence from Curriculum/levels.json's Beta-Binomial with a 10-encounter half-life, the
-- level, attempts and last activity), with the decay weights from a window function.
-- The competencies and levels are copied from Curriculum/ (curriculum order).
WITH competency(ordinal, id, name) AS (VALUES (0, 'history-taking', 'History taking'), (1, 'examination-investigation', 'Examination and investigation'), (2, 'clinical-reasoning', 'Clinical reasoning'), (3, 'management-planning', 'Management planning'), (4, 'communication-empathy', 'Communication and empathy'), (5, 'safety-escalation', 'Safety and escalation'), (6, 'documentation', 'Documentation'), (7, 'ai-basic-knowledge', 'Basic knowledge of AI'), (8, 'ai-ethics-social', 'Social and ethical implications of AI'), (9, 'ai-clinical-encounters', 'AI-enhanced clinical encounters'), (10, 'ai-output-evaluation', 'Evaluation of AI output'), (11, 'ai-workflow-integration', 'Workflow integration of AI'), (12, 'ai-practice-learning', 'Practice-based learning and improvement with AI')),
ranked AS (
    SELECT s.user_id, s.competency_id, s.score, s.at,
           ROW_NUMBER() OVER (PARTITION BY s.user_id, s.competency_id ORDER BY s.at DESC, s.encounter_id DESC) - 1 AS k
    FROM competency_scores s JOIN encounters e ON e.id = s.encounter_id AND e.practice = 0),
evidence AS (
    SELECT user_id, competency_id, 1 + SUM(pow(0.5, k / 10.0) * score) AS a,
           1 + SUM(pow(0.5, k / 10.0) * (1 - score)) AS b, COUNT(*) AS n, MAX(at) AS last
    FROM ranked GROUP BY user_id, competency_id),
estimate AS (
    SELECT u.id AS user_id, u.username, u.display_name, co.name AS cohort, k.ordinal, k.id AS competency, k.name,
           COALESCE(v.a / (v.a + v.b), 0.5) AS mastery, COALESCE(v.a + v.b - 2, 0) AS evidence,
           COALESCE(v.n, 0) AS attempts, v.last
    FROM users u CROSS JOIN competency k
    LEFT JOIN cohorts co ON co.id = u.cohort_id
    LEFT JOIN evidence v ON v.user_id = u.id AND v.competency_id = k.id
    WHERE u.role = 'trainee')
SELECT username, display_name, cohort, competency, name AS competency_name, round(mastery, 4) AS mastery,
       round(evidence, 4) AS evidence,
       CASE WHEN mastery >= 0.8 AND evidence >= 8 THEN 'proficient'
            WHEN mastery >= 0.6 AND evidence >= 4 THEN 'competent'
            WHEN mastery >= 0.4 AND evidence >= 2 THEN 'advanced-beginner'
            ELSE 'novice' END AS level,
       attempts, last AS last_activity
FROM estimate ORDER BY user_id, ordinal;
