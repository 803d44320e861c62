// Surveys, for admins only (body[data-can-admin="true"]): the New survey form on the list, whose
// answer shows the invitation links grouped by team (the only time the server ever sends them),
// and the Close survey button, with a confirm step, on an open survey's results. The API checks the
// admin role again on every call; hiding the controls only spares other roles a button that would
// answer 403.
window.SurveyAdmin = (function () {
  'use strict';
  const D = window.Dora, el = D.el;
  const CLOSES_AFTER_DAYS = 14;

  function isAdmin() { return document.body.dataset.canAdmin === 'true'; }

  /** POSTs JSON with the session cookie; a refusal throws the API's own message (its "error"). */
  async function post(path, body) {
    const init = { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) { window.location.href = '/sign-in'; throw new Error('signed out'); }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.error || path + ' answered ' + response.status);
    return answer;
  }

  function daysAhead(n) { return new Date(Date.now() + n * 86400000).toISOString().slice(0, 10); }

  // ---- the New survey form ----
  function teamRow(tbody) {
    const remove = el('button', { type: 'button', class: 'secondary remove-team', text: 'Remove' });
    const row = el('tr', { class: 'team-row' },
      el('td', {}, el('input', { type: 'text', class: 'team-name', list: 'team-suggestions', maxlength: 100,
        autocomplete: 'off', 'aria-label': 'Team' })),
      el('td', { class: 'num' }, el('input', { type: 'number', class: 'team-count', min: 1, step: 1,
        inputmode: 'numeric', 'aria-label': 'Invitations' })),
      el('td', {}, remove));
    remove.addEventListener('click', () => {
      row.remove();
      if (!tbody.rows.length) teamRow(tbody);
    });
    tbody.append(row);
    return row;
  }

  /** {team: count} from the rows; empty rows are skipped, anything else unclear is an error. */
  function readTeams(tbody) {
    const teams = {};
    for (const row of tbody.rows) {
      const name = row.querySelector('.team-name').value.trim();
      const count = row.querySelector('.team-count').value.trim();
      if (!name && !count) continue;
      if (!name) throw new Error('A row with ' + count + ' invitations has no team name.');
      if (!/^[1-9][0-9]*$/.test(count)) throw new Error('Team ' + name + ': invitations must be a whole number, 1 or more.');
      if (Object.prototype.hasOwnProperty.call(teams, name)) throw new Error('Team ' + name + ' is listed twice.');
      teams[name] = Number(count);
    }
    if (!Object.keys(teams).length) throw new Error('Add at least one team and how many people of it to invite.');
    return teams;
  }

  /** The links of a created survey, one read-only text box per team, with a copy button each. */
  function linksPanel(created) {
    const byTeam = new Map();
    for (const l of created.links) {
      if (!byTeam.has(l.team)) byTeam.set(l.team, []);
      byTeam.get(l.team).push(l.url);
    }
    return [
      el('h3', { text: 'Invitation links for ' + created.title }),
      el('p', { class: 'once', id: 'links-once' }, el('strong', { text: 'These links are shown only this once.' }),
        ' The server cannot show them again: copy them now. Hand out each link to one person of its team, and'
        + ' keep no record of who got which: an answer is anonymous only while nobody can tell whose link it came'
        + ' through.'),
      el('div', { class: 'team-links' }, [...byTeam].map(([team, urls], i) => {
        const id = 'links-' + i;
        const box = el('textarea', { id, class: 'links', readonly: true, rows: Math.min(urls.length, 8),
          spellcheck: 'false', wrap: 'off', 'data-team': team });
        box.value = urls.join('\n');
        const note = el('span', { class: 'copy-note', role: 'status' });
        const copy = el('button', { type: 'button', class: 'copy-links', 'data-team': team,
          text: 'Copy all links for ' + team });
        copy.addEventListener('click', () => copyAll(box, note));
        return el('article', { class: 'team-links-group' },
          el('label', { for: id, text: team + ' · ' + D.plural(urls.length, 'link') }), box, el('p', {}, copy, ' ', note));
      }))];
  }

  /** The Clipboard API where the page may use it (HTTPS or localhost); else the text is selected. */
  async function copyAll(box, note) {
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
      await navigator.clipboard.writeText(box.value);
      note.textContent = 'Copied ' + D.plural(box.value.split('\n').length, 'link') + '.';
    } catch (e) {
      box.focus();
      box.select();
      note.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    }
  }

  async function fillTemplates(select, description) {
    const body = await D.get('/api/v1/survey-templates');
    select.replaceChildren(...body.templates.map(t => el('option', { value: t.id,
      text: t.title + ' · ' + D.plural(t.questions_count, 'question') })));
    const describe = () => {
      const t = body.templates.find(x => x.id === select.value);
      description.replaceChildren(...(t ? [el('code', { text: t.id }), (t.built_in ? ' (built in)' : ' (added)')
        + (t.description ? ': ' + t.description : '')] : []));
    };
    select.addEventListener('change', describe);
    describe();
  }

  /** Team names to suggest: the DORA teams of dora.yaml and the teams earlier surveys invited. */
  async function suggestTeams(datalist, surveys) {
    const filters = await D.get('/api/v1/filters');
    const names = new Set([...(filters.teams || []), ...surveys.flatMap(s => Object.keys(s.invited || {}))]);
    datalist.replaceChildren(...[...names].sort().map(n => el('option', { value: n })));
  }

  /**
   * Shows the New survey form above the list, once; later calls only refresh its team suggestions.
   * onCreated runs after a survey is created (the page reloads its list).
   */
  async function newSurveyForm(surveys, onCreated) {
    if (!isAdmin()) return;
    let section = document.getElementById('survey-new');
    if (section) {
      await suggestTeams(section.querySelector('#team-suggestions'), surveys);
      return;
    }
    section = document.getElementById('new-survey-template').content.firstElementChild.cloneNode(true);
    const form = section.querySelector('#new-survey'), tbody = section.querySelector('#new-teams tbody');
    const error = section.querySelector('#new-survey-error'), links = section.querySelector('#new-survey-links');
    const closesOn = section.querySelector('#new-closes-on'), submit = section.querySelector('#create-survey');
    closesOn.value = daysAhead(CLOSES_AFTER_DAYS);
    closesOn.min = daysAhead(0);
    teamRow(tbody);
    section.querySelector('#add-team').addEventListener('click', () => teamRow(tbody).querySelector('input').focus());
    form.addEventListener('submit', async e => {
      e.preventDefault();
      error.hidden = true;
      try {
        const body = { template: form.elements.template.value, title: form.elements.title.value.trim(),
          closes_on: closesOn.value, teams: readTeams(tbody) };
        submit.disabled = true;
        const created = await post('/api/v1/surveys', body);
        links.replaceChildren(...linksPanel(created));
        links.hidden = false;
        // A second click must not make a second survey by accident: the form starts over.
        form.elements.title.value = '';
        tbody.replaceChildren();
        teamRow(tbody);
        links.focus();
        onCreated(created);
      } catch (err) {
        error.textContent = err.message;
        error.hidden = false;
      } finally {
        submit.disabled = false;
      }
    });
    document.getElementById('survey-list').before(section);
    await Promise.all([fillTemplates(section.querySelector('#new-template'),
      section.querySelector('#new-template-description')), suggestTeams(section.querySelector('#team-suggestions'), surveys)]);
  }

  // ---- the Close survey button ----
  /** For an admin and an open survey: Close survey, then a confirm step; null otherwise. */
  function closeControl(survey, onClosed) {
    if (!isAdmin() || survey.status !== 'open') return null;
    const box = el('div', { class: 'close-survey', id: 'close-survey' });
    const error = el('p', { class: 'error', role: 'alert', id: 'close-survey-error', hidden: true });
    const ask = el('button', { type: 'button', class: 'danger', id: 'close-survey-button', text: 'Close survey…' });
    function asking() {
      const yes = el('button', { type: 'button', class: 'danger', id: 'close-survey-confirm', text: 'Yes, close it now' });
      const no = el('button', { type: 'button', class: 'secondary', id: 'close-survey-cancel', text: 'Cancel' });
      const confirm = el('p', { class: 'confirm', id: 'close-survey-question' },
        'Close “' + survey.title + '” now, before its last day (' + survey.closes_on + ')? Its unused links stop working'
        + ' at once, and a survey cannot be reopened. ', yes, ' ', no);
      no.addEventListener('click', () => { box.replaceChildren(ask, error); ask.focus(); });
      yes.addEventListener('click', async () => {
        yes.disabled = true;
        error.hidden = true;
        try {
          await post('/api/v1/surveys/' + encodeURIComponent(survey.id) + '/close');
          onClosed();
        } catch (err) {
          error.textContent = err.message;
          error.hidden = false;
          yes.disabled = false;
        }
      });
      box.replaceChildren(confirm, error);
      no.focus();
    }
    ask.addEventListener('click', asking);
    box.append(ask, error);
    return box;
  }

  return { newSurveyForm, closeControl };
})();
