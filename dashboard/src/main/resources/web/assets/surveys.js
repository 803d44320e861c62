// Surveys: the list of surveys, and with ?id=<survey> its results: participation, eNPS, % favourable
// per dimension (overall and per shown team), the eNPS history of its template, the change since
// the previous survey, each shown team beside its DORA metrics, per-question answer counts and
// the free-text answers. A group the API marks suppressed (fewer than k respondents, or hidden so
// that it cannot be recovered by subtraction) is named and shows no number at all.
// The filter bar is for the DORA pages: a survey has its own period and its own teams.
// An admin also gets the New survey form and the Close survey button (survey-admin.js).
(function () {
  'use strict';
  const D = window.Dora, el = D.el;
  const LIKERT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
  const PALETTE = [D.COLOURS.blue, D.COLOURS.orange, D.COLOURS.green, D.COLOURS.purple, D.COLOURS.sky,
    D.COLOURS.vermillion];
  const DORA_DAYS_BEFORE = 90;

  document.getElementById('filters').hidden = true;

  // ---- formatting ----
  /** feedback_loops -> Feedback loops; dora_lead_time -> DORA lead time. */
  function dimensionName(d) {
    const words = d.split('_').map(w => (w === 'dora' || w === 'devex' ? w.toUpperCase() : w));
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  function enps(v) { return v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + v.toFixed(1); }
  function pct(v) { return v === null || v === undefined ? '–' : v.toFixed(1) + ' %'; }
  /** A change in points with an arrow, so the direction is not carried by colour alone. */
  function change(c) {
    if (!c || c.change === null || c.change === undefined) return el('span', { class: 'muted', text: 'no comparison' });
    const v = c.change, arrow = v > 0 ? '▲ ' : v < 0 ? '▼ ' : '= ';
    return el('span', { class: 'change ' + (v > 0 ? 'up' : v < 0 ? 'down' : 'same') },
      arrow + (v > 0 ? '+' : v < 0 ? '−' : '±') + Math.abs(v).toFixed(1) + ' points');
  }
  function suppressedNote(k, who) {
    return el('p', { class: 'suppressed' }, el('strong', { text: 'Suppressed' }),
      ': ' + (who ? who + ' has' : 'there are') + ' fewer than ' + k + ' respondents, or showing '
      + (who ? 'it' : 'them') + ' would let a smaller group be worked out by subtraction. No number is shown.');
  }
  function day(iso) { return iso.slice(0, 10); }
  function minusDays(date, n) { return new Date(Date.parse(date + 'T00:00:00Z') - n * 86400000).toISOString().slice(0, 10); }

  // ---- the list ----
  function list(surveys) {
    return D.table([
      { label: 'Title', value: s => s.title,
        cell: s => el('a', { href: '/surveys?id=' + encodeURIComponent(s.id), class: 'survey-link', text: s.title }) },
      { label: 'Template', value: s => s.template, cell: s => el('code', { text: s.template }) },
      { label: 'Status', value: s => s.status,
        cell: s => el('span', { class: 'survey-status status-' + s.status, text: s.status }) },
      { label: 'Opened', value: s => s.created_at, cell: s => day(s.created_at) },
      { label: 'Closes on', value: s => s.closes_on },
      { label: 'Invited', num: true, value: s => s.invited_total,
        cell: s => el('span', { title: Object.entries(s.invited).map(([t, n]) => t + ': ' + n).join(', '),
          text: String(s.invited_total) }) }], surveys, { sortable: true, class: 'surveys' });
  }

  // ---- the results ----
  function tile(id, title, value, detail) {
    return el('article', { class: 'tile' }, el('h2', { text: title }),
      el('p', { class: 'value', id: id + '-value' }, value), el('p', { class: 'detail', id: id + '-detail' }, detail));
  }
  function tiles(r) {
    const p = r.participation, o = r.overall, t = r.trend;
    const prev = t.previous && t.overall ? t.overall : null;
    return el('section', { class: 'tiles', 'aria-label': 'Participation and eNPS' },
      tile('participation', 'Participation', p.rate === null ? '–' : D.percent(p.rate),
        p.respondents + ' of ' + p.invited + ' invited answered'),
      o.suppressed ? tile('enps', 'eNPS', el('span', { class: 'muted', text: 'suppressed' }),
        'fewer than ' + r.k + ' respondents in total')
        : tile('enps', 'eNPS', enps(o.enps), [el('span', { text: '% promoters (9–10) minus % detractors (0–6)' }),
          prev ? el('span', { class: 'since' }, change(prev.enps), ' since ' + t.previous.title) : null]),
      tile('k', 'Smallest group shown', 'k = ' + r.k,
        'a team with fewer respondents is shown as suppressed, without numbers'));
  }
  function suppressedTeams(r) {
    const hidden = r.teams.filter(t => t.suppressed).map(t => t.team);
    if (!hidden.length) return null;
    return el('p', { class: 'suppressed', id: 'suppressed-teams' }, el('strong', { text: 'Suppressed: ' }),
      hidden.join(', ') + '. ' + (hidden.length === 1 ? 'This team has' : 'Each of these teams has')
      + ' fewer than ' + r.k + ' respondents, or is hidden so that a smaller team cannot be worked out by'
      + ' subtracting the others from the total. No number is shown for ' + (hidden.length === 1 ? 'it' : 'them') + '.');
  }
  function figure(id, caption) {
    return el('figure', {}, el('figcaption', { text: caption }),
      el('div', { class: 'chart' }, el('canvas', { id, role: 'img', 'aria-label': caption })));
  }
  function dimensionChart(r, shown) {
    const dims = r.overall.dimensions;
    const groups = [{ name: 'All respondents', g: r.overall }, ...shown.map(t => ({ name: t.team, g: t }))];
    D.chart('dimension-chart', { type: 'bar', data: {
      labels: dims.map(d => dimensionName(d.dimension)),
      datasets: groups.map((x, i) => ({ label: x.name, backgroundColor: PALETTE[i % PALETTE.length],
        data: dims.map(d => (x.g.dimensions.find(e => e.dimension === d.dimension) || {}).percent_favourable ?? null) })) },
    options: { scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '% favourable' } } } } });
  }
  function enpsChart(r) {
    D.chart('enps-trend-chart', { type: 'line', data: {
      labels: r.history.map(h => [h.title.length > 28 ? h.title.slice(0, 27) + '…' : h.title, day(h.created_at)]),
      datasets: [{ label: 'eNPS', data: r.history.map(h => h.enps), borderColor: D.COLOURS.blue,
        backgroundColor: D.COLOURS.blue, spanGaps: true, pointRadius: 5 }] },
    options: { scales: { y: { suggestedMin: -100, suggestedMax: 100, title: { display: true, text: 'eNPS' } },
      x: { title: { display: true, text: 'survey opened' } } },
    plugins: { legend: { display: false },
      tooltip: { callbacks: { title: items => r.history[items[0].dataIndex].title } } } } });
  }

  /** eNPS and each dimension against the previous survey of the same template. */
  function trendTable(r) {
    const t = r.trend;
    const rows = [{ group: 'All respondents', c: t.overall }, ...t.teams.map(c => ({ group: c.team, c }))];
    const dims = r.overall.dimensions.map(d => d.dimension);
    const from = (c, key) => c && c.dimensions.find(d => d.dimension === key);
    const cell = c => c ? el('span', { class: 'with-level' }, change(c),
      el('span', { class: 'muted', text: (c.previous === null ? '–' : c.previous) + ' → ' + (c.current === null ? '–' : c.current) })) : '—';
    return [el('h2', { text: 'Change since ' + t.previous.title + ' (' + day(t.previous.created_at) + ')' }),
      el('p', { class: 'hint', text: 'Percentage points of % favourable, and eNPS points. A group suppressed in either survey has no comparison.' }),
      el('div', { class: 'table-wrap' }, D.table([
        { label: 'Group', value: x => x.group },
        { label: 'eNPS', num: true, value: x => x.c && x.c.enps.change, cell: x => x.c ? cell(x.c.enps) : 'no comparison' },
        ...dims.map(d => ({ label: dimensionName(d), num: true, value: x => (from(x.c, d) || {}).change,
          cell: x => x.c ? cell(from(x.c, d)) : 'no comparison' }))], rows, { class: 'survey-trend' }))];
  }

  /** One row per shown team (and everyone): its survey scores next to its DORA metrics. */
  function doraTable(r, shown, dora, period) {
    const dims = r.overall.dimensions.map(d => d.dimension);
    const score = (g, d) => (g.dimensions.find(e => e.dimension === d) || {}).percent_favourable;
    const noServices = () => el('span', { class: 'muted no-services', text: 'no services mapped' });
    const withLevel = (text, l) => el('span', { class: 'with-level' }, el('span', { text }), l ? D.level(l) : null);
    const m = (x, f) => dora[x.key] ? f(dora[x.key]) : null;
    const doraCell = (x, f) => dora[x.key] ? f(dora[x.key]) : noServices();
    const rows = [{ key: '', name: 'All respondents', g: r.overall },
      ...shown.map(t => ({ key: t.team, name: t.team, g: t }))];
    return [el('h2', { text: 'Beside DORA, per team' }),
      el('p', { class: 'hint', id: 'dora-period' }, 'DORA metrics of each team’s services from ' + period.from + ' to '
        + period.to + ' (UTC): the ' + DORA_DAYS_BEFORE + ' days before the survey opened, and while it ran. '
        + 'A team’s services come from the ', el('code', { text: 'teams:' }), ' block of ', el('code', { text: 'dora.yaml' }),
        '; “no services mapped” means it names none for that team.'),
      el('div', { class: 'table-wrap' }, D.table([
        { label: 'Team', value: x => x.name, cell: x => x.key ? x.name : el('strong', { text: x.name }) },
        { label: 'Respondents', num: true, value: x => x.g.respondents },
        { label: 'Participation', num: true, value: x => x.key ? x.g.participation_rate : r.participation.rate,
          cell: x => D.percent(x.key ? x.g.participation_rate : r.participation.rate) },
        { label: 'eNPS', num: true, value: x => x.g.enps, cell: x => enps(x.g.enps) },
        ...dims.map(d => ({ label: dimensionName(d) + ' (% fav.)', num: true, value: x => score(x.g, d),
          cell: x => pct(score(x.g, d)) })),
        { label: 'Deployment frequency', num: true, value: x => m(x, s => s.deployment_frequency.per_day),
          cell: x => doraCell(x, s => withLevel(D.frequency(s.deployment_frequency.per_day), s.deployment_frequency.level)) },
        { label: 'Lead time (median)', num: true, value: x => m(x, s => s.lead_time.median_seconds),
          cell: x => doraCell(x, s => withLevel(D.duration(s.lead_time.median_seconds), s.lead_time.level)) },
        { label: 'Change failure rate', num: true, value: x => m(x, s => s.change_failure_rate.rate),
          cell: x => doraCell(x, s => withLevel(D.percent(s.change_failure_rate.rate), s.change_failure_rate.level)) },
        { label: 'Recovery (median)', num: true, value: x => m(x, s => s.recovery_time.median_seconds),
          cell: x => doraCell(x, s => withLevel(D.duration(s.recovery_time.median_seconds), s.recovery_time.level)) }],
      rows, { sortable: true, class: 'survey-dora' }))];
  }

  /** Each question's answer counts, one column per shown group. */
  function questions(r, shown, survey) {
    const groups = [{ name: 'All respondents', g: r.overall }, ...shown.map(t => ({ name: t.team, g: t }))];
    const asked = Object.fromEntries(survey.questions.map(q => [q.id, q]));
    const byId = g => Object.fromEntries(g.questions.map(q => [q.id, q]));
    const indexed = groups.map(x => ({ name: x.name, q: byId(x.g) }));
    return [el('h2', { text: 'Answers per question' }), el('div', { class: 'questions' },
      r.overall.questions.filter(q => q.type !== 'free_text').map((q, i) => {
        const rows = answerRows(q, asked[q.id]);
        const count = (row, x) => {
          const a = x.q[q.id];
          if (row.total) return row.total(a);
          const n = a.distribution[row.value] || 0, of = a.answers + (a.not_applicable || 0);
          return el('span', { class: 'count' }, String(n), of ? el('span', { class: 'muted', text: ' (' + Math.round(100 * n / of) + ' %)' }) : null);
        };
        const t = D.table([{ label: 'Answer', value: row => row.label },
          ...indexed.map(x => ({ label: x.name, num: true, value: () => null, cell: row => count(row, x) }))],
        rows, { class: 'distribution' });
        t.querySelectorAll('tbody tr').forEach((tr, n) => { if (rows[n].summary) tr.className = 'summary'; });
        return el('article', { class: 'question', id: 'question-' + q.id },
          el('h3', {}, (i + 1) + '. ' + q.text),
          el('p', { class: 'muted' }, typeName(q.type) + ' · ' + dimensionName(q.dimension)),
          el('div', { class: 'table-wrap' }, t));
      }))];
  }
  function typeName(t) {
    return { likert5: 'agree/disagree, five points', nps: '0 to 10', single_choice: 'one choice', number: 'a number' }[t] || t;
  }
  /** The rows of a question's table: one per possible answer, then its summary. */
  function answerRows(q, asked) {
    const total = (label, f) => ({ label, total: f, summary: true });
    const answers = total('Answers', a => String(a.answers));
    switch (q.type) {
      case 'likert5':
        return [...LIKERT.map((label, i) => ({ label, value: String(i + 1) })), { label: 'Does not apply', value: 'n/a' },
          answers, total('% favourable (agree or strongly agree)', a => pct(a.percent_favourable))];
      case 'nps':
        return [...Array.from({ length: 11 }, (_, v) => ({ label: String(v), value: String(v) })), answers,
          total('Promoters / passives / detractors', a => a.promoters + ' / ' + a.passives + ' / ' + a.detractors),
          total('eNPS', a => enps(a.enps))];
      case 'single_choice':
        return [...(asked ? asked.options : Object.keys(q.distribution).map(id => ({ id, label: id })))
          .map(o => ({ label: o.label, value: o.id })), answers];
      default:
        return [answers, total('Median', a => (a.median === null ? '–' : String(a.median)))];
    }
  }

  function freeText(r, shown) {
    const text = Object.fromEntries(r.overall.questions.map(q => [q.id, q.text]));
    if (!r.overall.free_text.length) return [];
    return [el('h2', { text: 'Free-text answers' }),
      ...r.overall.free_text.map(ft => el('article', { class: 'question free-text', id: 'free-' + ft.question },
        el('h3', { text: text[ft.question] }),
        answersList(ft.answers),
        ...shown.map(t => {
          const mine = t.free_text.find(f => f.question === ft.question);
          return el('details', {}, el('summary', { text: t.team + ' (' + D.plural(mine ? mine.answers.length : 0, 'answer') + ')' }),
            answersList(mine ? mine.answers : []));
        })))];
  }
  function answersList(answers) {
    return answers.length ? el('ul', { class: 'answers' }, answers.map(a => el('li', { text: a })))
      : el('p', { class: 'muted', text: 'No answer.' });
  }

  function exportLinks(container, id) {
    container.hidden = document.body.dataset.canExport !== 'true'; // the viewer role cannot export
    container.replaceChildren('Download: ', el('span', { class: 'export' }, 'survey results ',
      ...['csv', 'json'].map(f => el('a', { href: '/api/v1/export/survey-results.' + f + '?survey=' + encodeURIComponent(id),
        download: '', 'data-export': 'survey-results.' + f, text: f }))));
  }

  async function results(id) {
    const q = encodeURIComponent(id);
    const [r, survey, filterValues] = await Promise.all([D.get('/api/v1/surveys/' + q + '/results'),
      D.get('/api/v1/surveys/' + q), D.get('/api/v1/filters')]);
    const s = r.survey;
    const shown = r.teams.filter(t => !t.suppressed);
    const today = new Date().toISOString().slice(0, 10);
    const end = [s.closes_on, today, survey.closed_at ? day(survey.closed_at) : today].sort()[0];
    const period = { from: minusDays(day(s.created_at), DORA_DAYS_BEFORE), to: end };
    const withServices = new Set(filterValues.teams);
    const dora = {};
    if (!r.overall.suppressed) {
      const keys = ['', ...shown.map(t => t.team).filter(t => withServices.has(t))];
      const answers = await Promise.all(keys.map(t => D.get('/api/v1/dora?' + new URLSearchParams(
        Object.assign({ from: period.from, to: period.to }, t ? { team: t } : {})))));
      keys.forEach((t, i) => { dora[t] = answers[i]; });
    }
    const exports = el('p', { class: 'exports', id: 'exports' });
    exportLinks(exports, s.id);
    const parts = [
      el('p', {}, el('a', { href: '/surveys', class: 'back', text: '← all surveys' })),
      el('h2', { class: 'survey-title', text: s.title }),
      el('p', { class: 'muted', id: 'survey-meta' }, el('code', { text: s.template }), ' · ',
        el('span', { class: 'survey-status status-' + s.status, text: s.status }),
        ' · opened ' + day(s.created_at) + ' · ' + (s.status === 'open' ? 'closes on ' : 'closed, last day ') + s.closes_on),
      window.SurveyAdmin.closeControl(s, reload), exports, tiles(r)];
    if (r.overall.suppressed) {
      parts.push(suppressedNote(r.k, null));
    } else {
      parts.push(suppressedTeams(r),
        el('section', { class: 'charts', 'aria-label': 'Charts' },
          figure('dimension-chart', '% favourable per dimension (agree or strongly agree, “does not apply” left out)'),
          figure('enps-trend-chart', 'eNPS of each ' + s.template + ' survey so far')),
        ...(r.trend.previous ? trendTable(r) : [el('p', { class: 'hint', id: 'no-previous',
          text: 'This is the first ' + s.template + ' survey: there is nothing to compare it with yet.' })]),
        ...doraTable(r, shown, dora, period),
        ...questions(r, shown, survey),
        ...freeText(r, shown));
    }
    const panel = document.getElementById('survey-results');
    panel.replaceChildren(...parts.filter(p => p)); // null: a part this survey does not have
    if (!r.overall.suppressed) { dimensionChart(r, shown); enpsChart(r); }
    D.status(D.plural(r.participation.respondents, 'respondent') + ' of ' + r.participation.invited + ' invited · k = ' + r.k);
  }

  /** Draws the current view again: D.start reloads on popstate. */
  function reload() { window.dispatchEvent(new PopStateEvent('popstate')); }

  // survey-admin.js comes after this script in the page; every deferred script has run once the
  // document's DOMContentLoaded fires.
  document.addEventListener('DOMContentLoaded', () => D.start(async () => {
    const id = new URLSearchParams(window.location.search).get('id');
    document.getElementById('survey-list').hidden = !!id;
    document.getElementById('survey-results').hidden = !id;
    if (id) {
      await results(id);
    } else {
      const body = await D.get('/api/v1/surveys');
      document.getElementById('surveys-table').replaceChildren(body.surveys.length ? list(body.surveys)
        : el('p', { class: 'muted', text: 'No survey yet.' }));
      await window.SurveyAdmin.newSurveyForm(body.surveys, reload);
      D.status(D.plural(body.surveys.length, 'survey'));
    }
    return null;
  }));
})();
