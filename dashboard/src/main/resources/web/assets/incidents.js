// Incidents: every incident of the filters with its attribution and the deployment it points at.
(function () {
  'use strict';
  const D = window.Dora, el = D.el;
  D.start(async () => {
    const body = await D.get(D.api('/api/v1/incidents'));
    D.exportLinks(document.getElementById('exports'), ['incidents']);
    document.getElementById('incidents').replaceChildren(body.incidents.length ? D.table([
      { label: 'Opened (UTC)', value: i => i.opened_at, cell: i => D.dateTime(i.opened_at) },
      { label: 'Incident', value: i => i.incident_id },
      { label: 'Service', value: i => i.service },
      { label: 'Severity', value: i => i.severity },
      { label: 'Title', value: i => i.title },
      { label: 'Resolved (UTC)', value: i => i.resolved_at, cell: i => i.resolved_at ? D.dateTime(i.resolved_at) : 'open' },
      { label: 'Time to restore', num: true, value: i => i.restore_seconds, cell: i => D.duration(i.restore_seconds) },
      { label: 'Attribution', value: i => i.attribution },
      { label: 'Deployment', value: i => i.deployment_id,
        cell: i => i.deployment_key ? el('a', { href: D.pageLink('/deployments', { key: i.deployment_key }),
          class: 'deployment-link', text: i.deployment_id }) : '—' }], body.incidents, { sortable: true, class: 'incidents' })
      : el('p', { class: 'muted', text: 'No incident in this period.' }));
    return body;
  });
})();
