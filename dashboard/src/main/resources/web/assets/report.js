// Report: the overview's tiles, the per-service table and the weekly trends on one printable page.
(function () {
  'use strict';
  const D = window.Dora;
  document.getElementById('print').addEventListener('click', () => window.print());
  D.start(async () => {
    const [summary, services, weekly] = await Promise.all([
      D.get(D.api('/api/v1/dora')), D.get(D.api('/api/v1/services')),
      D.get(D.api('/api/v1/dora/trend', { bucket: 'week' }))]);
    D.tiles(document.getElementById('tiles'), summary);
    document.getElementById('services').replaceChildren(D.serviceTable(services));
    D.figures(document.getElementById('charts'),
      ['weekly-deployments-chart', 'lead-time-chart', 'cfr-chart', 'recovery-chart']);
    D.charts.deployments('weekly-deployments-chart', weekly, 'Deployments per week');
    D.charts.leadTime('lead-time-chart', weekly);
    D.charts.changeFailureRate('cfr-chart', weekly);
    D.charts.recovery('recovery-chart', weekly);
    D.exportLinks(document.getElementById('exports'), ['summary', 'deployments', 'changes', 'incidents']);
    return summary;
  });
})();
