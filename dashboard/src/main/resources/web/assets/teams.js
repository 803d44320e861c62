// Teams and services: every service side by side, sortable, with a sparkline of weekly deployments.
(function () {
  'use strict';
  const D = window.Dora;
  D.start(async () => {
    const body = await D.get(D.api('/api/v1/services'));
    const container = document.getElementById('services');
    container.replaceChildren(body.services.length
      ? D.serviceTable(body, { sortable: true })
      : D.el('p', { class: 'muted', text: 'No service matches these filters.' }));
    return body;
  });
})();
