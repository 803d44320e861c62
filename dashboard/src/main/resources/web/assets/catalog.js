// Service catalog: the owners with their services and systems, each service as the latest import
// described it (owner, system, lifecycle, golden path and what maps events to it), and the services
// seen in events that the catalog does not know, with how to map them. No filter applies: the
// catalog is as it stands now. An admin's page also holds the upload control (catalog-admin.html,
// which the server leaves out of every other role's page).
(function () {
  'use strict';
  const D = window.Dora, el = D.el;
  const POLL_MS = 2000, POLLS = 15;
  let latestImport = null; // of the catalog last drawn, in ms

  document.getElementById('filters').hidden = true;

  const code = text => el('code', { text });
  /** Values as code, separated by commas: a flat list of nodes for el(). */
  const codes = values => values.flatMap((v, i) => (i ? [', ', code(v)] : [code(v)]));
  const muted = text => el('span', { class: 'muted', text });

  function mapHint() {
    return el('p', { class: 'hint map-hint' }, 'To map one, describe it in a ', code('catalog-info.yaml'),
      ' (a Backstage Component with ', code('spec.owner'), ' and the annotation ',
      code('github.com/project-slug: owner/repo'), ', or ', code('gitlab.com/project-slug'),
      ') and import the folder with ', code('./dora import catalog --path DIR'), '.');
  }

  /** What maps events to a service, one line per kind of source. */
  function mapsFrom(s) {
    const repos = [...s.github_repos, ...s.gitlab_projects];
    const lines = [];
    const line = (via, ...content) => lines.push(el('li', {}, el('span', { class: 'via', text: via }), ' ', ...content));
    if (s.github_repos.length) line('GitHub', ...codes(s.github_repos));
    if (s.gitlab_projects.length) line('GitLab', ...codes(s.gitlab_projects));
    if (s.path_prefixes.length) {
      line('Folders', ...codes(s.path_prefixes),
        ...(repos.length ? [' in ', ...codes(repos)] : [' ', muted('(no repository named)')]));
    }
    if (s.pagerduty_services.length) line('PagerDuty', ...codes(s.pagerduty_services));
    if (s.opsgenie_team) line('Opsgenie', code(s.opsgenie_team));
    if (s.production_pattern) line('Production', code(s.production_pattern), ' ', muted('instead of the default'));
    // What events actually named that resolved here (seen_as): the mapping at work.
    if ((s.seen_as || []).length) line('Seen as', ...codes(s.seen_as));
    return lines.length ? el('ul', { class: 'maps-from' }, lines) : muted('nothing');
  }
  const mapsFromText = s => [s.github_repos, s.gitlab_projects, s.path_prefixes, s.pagerduty_services].flat().join(' ');

  function owners(services) {
    const teams = new Map();
    for (const s of services) {
      const t = teams.get(s.team) || { team: s.team, services: 0, systems: new Set() };
      t.services++;
      if (s.system) t.systems.add(s.system);
      teams.set(s.team, t);
    }
    const rows = [...teams.values()].map(t => ({ team: t.team, services: t.services, systems: [...t.systems].sort() }));
    return D.table([
      { label: 'Owner', value: t => t.team },
      { label: 'Services', num: true, value: t => t.services },
      { label: 'Systems', value: t => t.systems.join(', '), cell: t => (t.systems.length ? t.systems.join(', ') : '—') }],
    rows.sort((a, b) => a.team.localeCompare(b.team)), { sortable: true, class: 'owners' });
  }

  function services(list, severalImports) {
    const columns = [
      { label: 'Service', value: s => s.service },
      { label: 'Owner', value: s => s.team },
      { label: 'System', value: s => s.system },
      { label: 'Lifecycle', value: s => s.lifecycle },
      { label: 'Golden path', value: s => s.source_template,
        cell: s => (s.source_template ? code(s.source_template) : muted('hand-made')) },
      { label: 'Maps from', value: mapsFromText, cell: mapsFrom }];
    // Only when the services were last described by different imports: which one, per service.
    if (severalImports) {
      columns.push({ label: 'Imported (UTC)', value: s => s.imported_at, cell: s => D.dateTime(s.imported_at) });
    }
    const byOwner = [...list].sort((a, b) => a.team.localeCompare(b.team) || a.service.localeCompare(b.service));
    return el('div', { class: 'table-wrap' }, D.table(columns, byOwner, { sortable: true, class: 'catalog' }));
  }

  function unmapped(list) {
    if (!list.length) return [el('p', { class: 'muted', text: 'None: every service seen in events is in the catalog.' })];
    return [el('div', { class: 'table-wrap' }, D.table([
      { label: 'Repository or service', value: u => u.service },
      { label: 'Seen in', value: u => u.seen_in.join(', ') },
      { label: 'Last seen (UTC)', value: u => u.last_seen, cell: u => D.dateTime(u.last_seen) }],
    list, { sortable: true, class: 'unmapped' })), mapHint()];
  }

  D.start(async () => {
    const body = await D.get('/api/v1/catalog');
    const times = [...new Set(body.services.map(s => s.imported_at))];
    latestImport = times.length ? Math.max(...times.map(t => Date.parse(t))) : null;
    const teams = new Set(body.services.map(s => s.team)).size;

    document.getElementById('owners').closest('section').hidden = !body.services.length;
    document.getElementById('owners').replaceChildren(...(body.services.length ? [owners(body.services)] : []));
    document.getElementById('services').replaceChildren(...(body.services.length
      ? [services(body.services, times.length > 1)]
      : [el('p', { class: 'empty', id: 'catalog-empty' }, el('strong', { text: 'No catalog imported yet.' }),
        ' The catalog says who owns each service and which repositories, folders and incident-tool'
        + ' services map to it.'), mapHint()]));
    document.getElementById('unmapped').replaceChildren(...unmapped(body.unmapped));
    // A service the latest import left out keeps the version an earlier import gave it.
    const earlier = body.services.filter(s => Date.parse(s.imported_at) < latestImport).length;
    D.status(latestImport === null ? 'No catalog imported yet.'
      : D.plural(body.services.length, 'service') + ' of ' + D.plural(teams, 'team') + '; catalog imported at '
        + D.dateTime(new Date(latestImport).toISOString()) + ' (UTC)'
        + (earlier ? '; ' + D.plural(earlier, 'service') + ' as an earlier import described ' + (earlier === 1 ? 'it' : 'them') : ''));
  });

  // ---- the upload control, in an admin's page only ----
  const form = document.getElementById('catalog-upload-form');
  if (!form) return;
  const error = document.getElementById('catalog-upload-error');
  const result = document.getElementById('catalog-upload-result');
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

  /** POSTs the YAML with the session cookie; a refusal throws the API's own message. */
  async function importYaml(yaml) {
    const response = await fetch('/api/v1/catalog', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/yaml', Accept: 'application/json' }, body: yaml });
    if (response.status === 401) { window.location.href = '/sign-in'; throw new Error('signed out'); }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.error || 'the import answered ' + response.status);
    return answer;
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const file = document.getElementById('catalog-file').files[0];
    const button = document.getElementById('catalog-upload-button');
    error.hidden = true;
    result.hidden = true;
    button.disabled = true;
    try {
      const answer = await importYaml(await file.text());
      result.replaceChildren(
        el('p', {}, 'Read ' + D.plural(answer.services.length, 'service') + ' from ' + file.name + ': ',
          ...codes(answer.services), '. The tables show it once the pipeline has stored it.'),
        answer.problems.length ? el('p', { class: 'hint', text: 'Not read:' }) : null,
        answer.problems.length ? el('ul', { class: 'problems' }, answer.problems.map(p => el('li', { text: p }))) : null);
      result.hidden = false;
      form.reset();
      // The import travels Kafka and the job before the warehouse has it: reload until it does.
      const at = Date.parse(answer.imported_at);
      for (let i = 0; i < POLLS && !(latestImport >= at); i++) {
        await sleep(POLL_MS);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
})();
