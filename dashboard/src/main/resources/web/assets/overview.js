// Overview page: reads the period from the URL, fetches the API with the session cookie and draws
// the charts. All numbers are formatted for people (hours and days, not seconds).
(function () {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  const query = new URLSearchParams();
  for (const name of ['from', 'to']) {
    const v = params.get(name);
    if (v) { query.set(name, v); document.getElementById(name).value = v; }
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    const h = seconds / 3600;
    if (h < 1) return Math.round(seconds / 60) + ' min';
    if (h < 48) return h.toFixed(1) + ' h';
    return (h / 24).toFixed(1) + ' days';
  }

  function percent(rate) {
    return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + ' %';
  }

  function level(l) { return l ? ' · level: ' + l : ''; }

  function plural(n, noun) { return n + ' ' + noun + (n === 1 ? '' : 's'); }

  async function get(path) {
    const response = await fetch(path, { credentials: 'same-origin' });
    if (response.status === 401) { window.location.href = '/sign-in'; throw new Error('signed out'); }
    if (!response.ok) throw new Error(path + ': ' + response.status);
    return response.json();
  }

  function drawDeployments(trend) {
    new Chart(document.getElementById('deployments-chart'), {
      type: 'bar',
      data: {
        labels: trend.points.map(p => p.start),
        datasets: [{ label: 'Deployments', data: trend.points.map(p => p.deployments),
          backgroundColor: '#1f6feb' },
        { label: 'Failed attempts', data: trend.points.map(p => p.failed_attempts),
          backgroundColor: '#d9730d' }]
      },
      options: { animation: false, maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function drawLeadTime(trend) {
    const hours = s => (s === null ? null : Math.round(s / 360) / 10);
    new Chart(document.getElementById('lead-time-chart'), {
      type: 'line',
      data: {
        labels: trend.points.map(p => 'week of ' + p.start),
        datasets: [
          { label: 'Median (h)', data: trend.points.map(p => hours(p.lead_time.median_seconds)),
            borderColor: '#1f6feb', backgroundColor: '#1f6feb', spanGaps: true },
          { label: 'p90 (h)', data: trend.points.map(p => hours(p.lead_time.p90_seconds)),
            borderColor: '#d9730d', backgroundColor: '#d9730d', borderDash: [6, 4], spanGaps: true }]
      },
      options: { animation: false, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'hours' } } } }
    });
  }

  async function load() {
    const q = query.toString();
    const suffix = q ? '&' + q : '';
    const [summary, daily, weekly] = await Promise.all([
      get('/api/v1/dora' + (q ? '?' + q : '')),
      get('/api/v1/dora/trend?bucket=day' + suffix),
      get('/api/v1/dora/trend?bucket=week' + suffix)]);
    document.getElementById('from').value = summary.from;
    document.getElementById('to').value = summary.to;
    const df = summary.deployment_frequency;
    document.getElementById('df-value').textContent = df.per_day.toFixed(2) + ' / day';
    document.getElementById('df-detail').textContent =
      plural(df.deployments, 'production deployment') + ', ' + plural(df.failed_attempts, 'failed attempt')
      + level(df.level);
    const lt = summary.lead_time;
    document.getElementById('lt-value').textContent = duration(lt.median_seconds);
    document.getElementById('lt-detail').textContent =
      'median of ' + plural(lt.changes, 'change') + '; p90 ' + duration(lt.p90_seconds) + level(lt.level);
    const cfr = summary.change_failure_rate;
    document.getElementById('cfr-value').textContent = percent(cfr.rate);
    document.getElementById('cfr-detail').textContent =
      cfr.failed + ' of ' + plural(cfr.deployments, 'deployment') + ' needed intervention' + level(cfr.level);
    const rt = summary.recovery_time;
    const ttr = summary.time_to_restore;
    document.getElementById('rt-value').textContent = duration(rt.median_seconds);
    document.getElementById('rt-detail').textContent =
      'median of ' + plural(rt.failures - rt.unrecovered, 'recovered failure')
      + (rt.unrecovered ? ', ' + rt.unrecovered + ' not yet' : '') + level(rt.level)
      + '; time to restore ' + duration(ttr.median_seconds) + ' over ' + plural(ttr.incidents, 'incident');
    const rw = summary.rework_rate;
    document.getElementById('rw-value').textContent = percent(rw.rate);
    document.getElementById('rw-detail').textContent =
      rw.unplanned + ' of ' + plural(rw.deployments, 'deployment') + ' unplanned (rollback, hotfix or during an incident)';
    drawDeployments(daily);
    drawLeadTime(weekly);
    document.getElementById('status').textContent =
      summary.from + ' to ' + summary.to + ' (UTC)';
    document.body.dataset.loaded = 'true';
  }

  load().catch(e => {
    document.getElementById('status').textContent = 'Could not load the metrics: ' + e.message;
  });
})();
