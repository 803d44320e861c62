-- Free-text answers of one survey ($1) per team and question, in alphabetical order (never in the
-- order they arrived, which could tell who wrote them).
SELECT team, question_id, answer
FROM (SELECT DISTINCT response_id, team, question_id, answer
      FROM survey_responses WHERE survey_id = $1 AND question_type = 'free_text')
ORDER BY team, question_id, answer
