// Platform adoption: golden-path coverage, the platform pipelines' share of production deployments,
// time to first production deployment and the self-service share (METRICS.md, "Platform adoption"),
// their weekly trends, then the services registered in the period and the platform requests per
// channel.
(function () {
  'use strict';
  const D = window.Dora, el = D.el;
  // The adoption API takes from, to and team only: the other filters do not apply here, so they
  // are neither shown nor kept in the URL (nor in the navigation links made from it).
  const IGNORED = ['service', 'environment', 'benchmark'];
  const url = new URLSearchParams(window.location.search);
  for (const name of IGNORED) {
    document.getElementById(name).closest('label').hidden = true;
    url.delete(name);
  }
  const s = url.toString();
  history.replaceState(null, '', window.location.pathname + (s ? '?' + s : ''));
  const CHANNELS = [['self_service', 'Self-service'], ['ticket', 'Ticket']];

  function tile(id, title, value, detail, what) {
    return el('article', { class: 'tile' },
      el('h2', { text: title }),
      el('p', { class: 'value', id: id + '-value', text: value }),
      el('p', { class: 'detail', id: id + '-detail', text: detail }),
      el('p', { class: 'what', id: id + '-what', text: what }));
  }
  const of = (part, whole, noun) => part + ' of ' + D.plural(whole, noun);

  D.start(async () => {
    // Weekly, as the overview draws the DORA rates.
    const [body, weekly] = await Promise.all([
      D.get(D.api('/api/v1/adoption')), D.get(D.api('/api/v1/adoption/trend', { bucket: 'week' }))]);
    const cov = body.golden_path_coverage, pipe = body.platform_pipeline_share;
    const first = body.time_to_first_deployment, self = body.self_service;
    const selfChannel = self.channels.self_service;

    document.getElementById('tiles').replaceChildren(
      tile('coverage', 'Golden-path coverage', D.percent(cov.ratio),
        of(cov.golden_path_services, cov.services, 'service') + ' on a golden path',
        'Known services (the catalog as it stands, and created ones) made from a golden-path template.'),
      tile('pipelines', 'Platform-pipeline share', D.percent(pipe.ratio),
        of(pipe.platform_deployments, pipe.deployments, 'production deployment') + ' through a platform pipeline',
        'Successful production deployments of the period whose pipeline is a platform one.'),
      tile('first', 'Time to first production deployment', D.duration(first.median_seconds),
        'median of ' + of(first.deployed, first.services, 'new service') + ' deployed',
        'From registration in the period to the first successful production deployment.'),
      tile('self', 'Self-service share', D.percent(self.self_service_share),
        of(selfChannel.requests, self.requests, 'platform request') + ' self-served',
        'Platform requests of the period made through self-service rather than a ticket.'));

    D.figures(document.getElementById('charts'), ['coverage-chart', 'pipeline-share-chart', 'self-service-chart']);
    D.charts.percentLine('coverage-chart', weekly, 'Golden-path coverage (%)', p => p.golden_path_coverage.ratio,
      D.COLOURS.green, p => of(p.golden_path_coverage.golden_path_services, p.golden_path_coverage.services, 'service'));
    D.charts.percentLine('pipeline-share-chart', weekly, 'Platform-pipeline share (%)', p => p.platform_pipeline_share.ratio,
      D.COLOURS.blue, p => of(p.platform_pipeline_share.platform_deployments, p.platform_pipeline_share.deployments, 'deployment'));
    D.charts.percentLine('self-service-chart', weekly, 'Self-service share (%)', p => p.self_service.self_service_share,
      D.COLOURS.orange, p => of(p.self_service.channels.self_service.requests, p.self_service.requests, 'request'));

    document.getElementById('first-deployments').replaceChildren(first.per_service.length ? D.table([
      { label: 'Service', value: s => s.service },
      { label: 'Registered (UTC)', value: s => s.registered_at, cell: s => D.dateTime(s.registered_at) },
      { label: 'First production deployment (UTC)', value: s => s.first_deployed_at,
        cell: s => s.first_deployed_at ? D.dateTime(s.first_deployed_at) : el('span', { class: 'muted', text: 'not yet' }) },
      { label: 'Time to first deployment', num: true, value: s => s.seconds, cell: s => D.duration(s.seconds) }],
    first.per_service, { sortable: true, class: 'first-deployments' })
      : el('p', { class: 'muted', text: 'No service was registered in this period.' }));

    document.getElementById('channels').replaceChildren(...CHANNELS.map(([key, label]) => {
      const c = self.channels[key];
      return el('figure', { class: 'channel', id: 'channel-' + key }, el('figcaption', { text: label }),
        D.table([
          { label: 'Requests', num: true, value: r => r.requests },
          { label: 'Fulfilled', num: true, value: r => r.fulfilled },
          { label: 'Open', num: true, value: r => r.open },
          { label: 'Median fulfilment', num: true, value: r => r.median_fulfilment_seconds,
            cell: r => D.duration(r.median_fulfilment_seconds) }], [c], { class: 'channel-table' }));
    }));
    return body;
  });
})();
