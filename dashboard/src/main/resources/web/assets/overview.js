// Overview: the five DORA metrics as tiles with their levels, and their trends as charts.
(function () {
  'use strict';
  const D = window.Dora;
  D.start(async () => {
    const [summary, daily, weekly] = await Promise.all([
      D.get(D.api('/api/v1/dora')),
      D.get(D.api('/api/v1/dora/trend', { bucket: 'day' })),
      D.get(D.api('/api/v1/dora/trend', { bucket: 'week' }))]);
    D.tiles(document.getElementById('tiles'), summary);
    D.figures(document.getElementById('charts'),
      ['deployments-chart', 'lead-time-chart', 'cfr-chart', 'recovery-chart', 'rework-chart']);
    D.charts.deployments('deployments-chart', daily);
    D.charts.leadTime('lead-time-chart', weekly);
    D.charts.changeFailureRate('cfr-chart', weekly);
    D.charts.recovery('recovery-chart', weekly);
    D.charts.rework('rework-chart', weekly);
    return summary;
  });
})();
