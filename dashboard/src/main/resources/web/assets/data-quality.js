// Data quality: what could not be linked and why, one section per kind.
(function () {
  'use strict';
  const D = window.Dora, el = D.el;
  const when = { label: 'When (UTC)', value: r => r.happened_at, cell: r => D.dateTime(r.happened_at) };
  const KINDS = [
    { kind: 'deployment_without_changes', title: 'Deployments without changes', columns: [when,
      { label: 'Service', value: r => r.service },
      { label: 'Deployment', value: r => r.label, cell: r => el('a', { href: D.pageLink('/deployments', { key: r.item }), text: r.label }) },
      { label: 'Why', value: r => r.detail }] },
    { kind: 'change_without_timestamp', title: 'Changes without a timestamp', columns: [when,
      { label: 'Service', value: r => r.service }, { label: 'Sha', value: r => r.label },
      { label: 'Why', value: r => r.detail }] },
    { kind: 'negative_lead_time', title: 'Negative lead times', columns: [when,
      { label: 'Service', value: r => r.service }, { label: 'Sha', value: r => r.label },
      { label: 'Started after deployment by', num: true, value: r => r.seconds, cell: r => D.duration(-r.seconds) },
      { label: 'Why', value: r => r.detail }] },
    { kind: 'unattributed_incident', title: 'Unattributed incidents', columns: [when,
      { label: 'Service', value: r => r.service }, { label: 'Incident', value: r => r.label },
      { label: 'Reason', value: r => r.detail }] },
    { kind: 'rejected_event', title: 'Rejected events', columns: [
      { label: 'Source', value: r => r.source }, { label: 'Reason', value: r => r.detail },
      { label: 'Count', num: true, value: r => r.count },
      { label: 'Latest (UTC)', value: r => r.happened_at, cell: r => D.dateTime(r.happened_at) },
      { label: 'Latest example', value: r => r.item, cell: r => el('span', {}, r.label + ' ', el('code', { text: r.item })) }] }];
  D.start(async () => {
    const body = await D.get(D.api('/api/v1/data-quality'));
    document.getElementById('counts').replaceChildren(...KINDS.map(k => el('article', { class: 'tile' },
      el('h2', { text: k.title }), el('p', { class: 'value', id: 'count-' + k.kind, text: String(body.counts[k.kind]) }))));
    document.getElementById('sections').replaceChildren(...KINDS.map(k => el('section', { class: 'dq', id: k.kind },
      el('h2', { text: k.title + ' (' + body.counts[k.kind] + ')' }),
      body[k.kind].length ? el('div', { class: 'table-wrap' }, D.table(k.columns, body[k.kind], { sortable: true }))
        : el('p', { class: 'muted', text: 'None.' }))));
    return body;
  });
})();
