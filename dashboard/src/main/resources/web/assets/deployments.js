// Deployments: the live deployments of the filters, newest first; a click opens its drill-down
// (?key=<deployment_key>) without a page load: changes with lead times, failure and recovery,
// and the incidents attributed to it.
(function () {
  'use strict';
  const D = window.Dora, el = D.el;

  function outcome(d) {
    const flags = [];
    if (d.is_rollback) flags.push('rollback');
    if (d.is_hotfix) flags.push('hotfix');
    if (d.during_incident) flags.push('during an incident');
    const main = d.failed ? el('span', { class: 'failed', text: '✗ failed: ' + d.failure_reasons })
      : el('span', { class: 'ok', text: '✓ no intervention' });
    return el('span', {}, main, flags.length ? ' (' + flags.join(', ') + ')' : '');
  }
  function link(d) {
    return el('a', { href: D.pageLink('/deployments', { key: d.deployment_key }), class: 'drill',
      'data-key': d.deployment_key, text: d.deployment_id });
  }
  function list(deployments) {
    return D.table([
      { label: 'Finished (UTC)', value: d => d.finished_at, cell: d => D.dateTime(d.finished_at) },
      { label: 'Deployment', value: d => d.deployment_id, cell: link },
      { label: 'Service', value: d => d.service },
      { label: 'Environment', value: d => d.environment },
      { label: 'Sha', value: d => d.sha, cell: d => el('code', { text: D.shortSha(d.sha) }) },
      { label: 'Changes', num: true, value: d => d.changes.length },
      { label: 'Outcome', value: d => d.failed, cell: outcome },
      { label: 'Recovery', num: true, value: d => d.recovery_seconds, cell: d => d.failed ? D.duration(d.recovery_seconds) : '—' },
      { label: 'Incidents', num: true, value: d => d.incidents.length }], deployments, { sortable: true });
  }
  function fact(name, value) { return [el('dt', { text: name }), el('dd', {}, value)]; }
  function detail(d) {
    const facts = el('dl', { class: 'facts' },
      fact('Service', d.service), fact('Environment', d.environment),
      fact('Sha', el('code', { text: d.sha || '–' })), fact('Ref', d.ref || '–'),
      fact('Pipeline', d.pipeline || '–'), fact('Started', D.dateTime(d.started_at)),
      fact('Finished', D.dateTime(d.finished_at)), fact('Outcome', outcome(d)),
      fact('Recovered', d.failed ? (d.recovered_at ? D.dateTime(d.recovered_at) + ' (after '
        + D.duration(d.recovery_seconds) + ')' : 'not yet') : '—'),
      d.rolls_back ? fact('Rolls back', el('a', { href: D.pageLink('/deployments', { key: d.rolls_back }),
        class: 'drill', 'data-key': d.rolls_back, text: d.rolls_back })) : null);
    const changes = d.changes.length ? D.table([
      { label: 'Sha', value: c => c.sha, cell: c => el('code', { text: D.shortSha(c.sha) }) },
      { label: 'Pull request', value: c => c.pull_request },
      { label: 'Committed (UTC)', value: c => c.committed_at, cell: c => D.dateTime(c.committed_at) },
      { label: 'Work started (UTC)', value: c => c.started_at, cell: c => D.dateTime(c.started_at) },
      { label: 'Lead time', num: true, value: c => c.lead_seconds,
        cell: c => c.first_deployed_here ? D.duration(c.lead_seconds) : 'deployed earlier' }], d.changes, { class: 'changes' })
      : el('p', { class: 'muted', text: 'No changes are known for this deployment (see Data quality).' });
    const incidents = d.incidents.length ? D.table([
      { label: 'Incident', value: i => i.incident_id },
      { label: 'Severity', value: i => i.severity },
      { label: 'Title', value: i => i.title },
      { label: 'Opened (UTC)', value: i => i.opened_at, cell: i => D.dateTime(i.opened_at) },
      { label: 'Resolved (UTC)', value: i => i.resolved_at, cell: i => i.resolved_at ? D.dateTime(i.resolved_at) : 'open' },
      { label: 'Time to restore', num: true, value: i => i.restore_seconds, cell: i => D.duration(i.restore_seconds) },
      { label: 'Attributed by', value: i => i.attribution }], d.incidents, { class: 'deployment-incidents' })
      : el('p', { class: 'muted', text: 'No incident is attributed to this deployment.' });
    return [el('h2', { text: 'Deployment ' + d.deployment_id + ' of ' + d.service }), facts,
      el('h3', { text: 'Changes (' + d.changes.length + ')' }), changes,
      el('h3', { text: 'Incidents attributed to it (' + d.incidents.length + ')' }), incidents,
      el('p', {}, el('a', { href: D.pageLink('/deployments'), class: 'close', text: '← all deployments' }))];
  }

  document.querySelector('main').addEventListener('click', e => {
    const a = e.target.closest('a.drill, a.close');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    D.navigate(a.getAttribute('href'));
  });

  D.start(async () => {
    const key = new URLSearchParams(window.location.search).get('key');
    const panel = document.getElementById('detail');
    const [body, one] = await Promise.all([D.get(D.api('/api/v1/deployments')),
      key ? D.get('/api/v1/deployment?key=' + encodeURIComponent(key)) : null]);
    panel.hidden = !one;
    panel.replaceChildren(...(one ? detail(one) : []));
    if (one) panel.scrollIntoView();
    D.exportLinks(document.getElementById('exports'), ['deployments', 'changes']);
    document.getElementById('deployments').replaceChildren(body.deployments.length ? list(body.deployments)
      : el('p', { class: 'muted', text: 'No production deployment in this period.' }));
    return body;
  });
})();
