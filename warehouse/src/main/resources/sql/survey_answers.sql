-- The answers of one survey ($1), counted per team, question and answer. Each response answers a
-- question once, so (response_id, question_id) is distinct first: a row written twice (a replay)
-- counts once. Free text is counted here and listed by survey_free_text.sql.
SELECT team, question_id, answer, count(*) AS answers, count(DISTINCT response_id) AS respondents
FROM (SELECT DISTINCT response_id, team, question_id, answer
      FROM survey_responses WHERE survey_id = $1)
GROUP BY team, question_id, answer
ORDER BY team, question_id, answer
