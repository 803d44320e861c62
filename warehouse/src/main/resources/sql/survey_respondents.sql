-- Respondents of one survey ($1) per team: responses with at least one answer (every accepted
-- response has one).
SELECT team, count(DISTINCT response_id) AS respondents
FROM survey_responses WHERE survey_id = $1
GROUP BY team
ORDER BY team
