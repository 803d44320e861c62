// Shared by every page: the filter bar (kept in the URL query string), the navigation, fetching the
// API with the session cookie, formatting numbers for people, and the pieces several pages draw
// (metric tiles, the per-service table with sparklines, the weekly charts, export links).
// No inline scripts or handlers: the CSP is default-src 'self'.
window.Dora = (function () {
  'use strict';
  const FILTERS = ['from', 'to', 'team', 'service', 'environment', 'benchmark'];
  // Okabe–Ito, safe for colour-blind readers; never the only carrier of meaning.
  const COLOURS = { blue: '#0072B2', orange: '#E69F00', vermillion: '#D55E00', green: '#009E73',
    sky: '#56B4E9', purple: '#CC79A7' };
  let loads = 0;

  // ---- formatting ----
  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    const s = Math.max(seconds, 0);
    if (s < 3600) return Math.round(s / 60) + ' min';
    const h = s / 3600;
    if (h < 48) return h.toFixed(1) + ' h';
    return (h / 24).toFixed(1) + ' days';
  }
  function percent(rate) {
    return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + ' %';
  }
  function dateTime(iso) {
    if (!iso) return '–';
    return iso.slice(0, 10) + ' ' + iso.slice(11, 16); // UTC, no seconds
  }
  /** Deployments per day for people: per day, else per week, else per month. */
  function frequency(perDay) {
    if (perDay === null || perDay === undefined) return '–';
    if (perDay === 0) return 'none';
    if (perDay >= 1) return perDay.toFixed(1) + ' / day';
    if (perDay * 7 >= 1) return (perDay * 7).toFixed(1) + ' / week';
    return (perDay * 30).toFixed(1) + ' / month';
  }
  /** A week or day start (YYYY-MM-DD) as a short axis label, e.g. 30 Nov. */
  function shortDate(day) {
    const d = new Date(day + 'T00:00:00Z');
    return d.getUTCDate() + ' ' + d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  }
  function plural(n, noun) { return n + ' ' + noun + (n === 1 ? '' : 's'); }
  function shortSha(sha) { return sha ? sha.slice(0, 8) : '–'; }

  // ---- DOM ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function level(l) {
    return l ? el('span', { class: 'level level-' + l, text: l }) : el('span', { class: 'muted', text: 'no level' });
  }
  function status(text) { document.getElementById('status').textContent = text; }

  // ---- filters and URL ----
  function filters() {
    const params = new URLSearchParams(window.location.search);
    const q = new URLSearchParams();
    for (const name of FILTERS) { const v = params.get(name); if (v) q.set(name, v); }
    return q;
  }
  /** An API path with the page's filters and any extra parameters. */
  function api(path, extra) {
    const q = filters();
    for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
    const s = q.toString();
    return path + (s ? '?' + s : '');
  }
  /** A page link keeping the filters (and extra parameters such as key). */
  function pageLink(path, extra) { return api(path, extra); }
  async function get(path) {
    const response = await fetch(path, { credentials: 'same-origin' });
    if (response.status === 401) { window.location.href = '/sign-in'; throw new Error('signed out'); }
    if (!response.ok) throw new Error(path + ': ' + response.status);
    return response.json();
  }
  function syncNav() {
    const q = filters().toString();
    for (const a of document.querySelectorAll('nav a[data-page]')) {
      a.href = a.dataset.page + (q ? '?' + q : '');
      if (a.dataset.page === window.location.pathname) a.setAttribute('aria-current', 'page');
    }
  }
  function fillSelect(select, values, labelOf) {
    const keep = select.querySelector('option[value=""]');
    select.replaceChildren(...(keep ? [keep] : []),
      ...values.map(v => el('option', { value: v, text: labelOf ? labelOf(v) : v })));
  }
  async function fillFilterBar() {
    const [values, benchmarks] = await Promise.all([get('/api/v1/filters'), get('/api/v1/benchmarks')]);
    fillSelect(document.getElementById('team'), values.teams);
    fillSelect(document.getElementById('service'), values.services);
    fillSelect(document.getElementById('environment'), values.environments);
    fillSelect(document.getElementById('benchmark'), benchmarks.benchmarks.map(b => b.name),
      n => n + (n === benchmarks.default ? ' (default)' : ''));
    document.getElementById('team').disabled = values.teams.length === 0;
    const q = filters();
    for (const name of FILTERS) {
      const input = document.getElementById(name);
      if (name === 'benchmark') input.value = q.get(name) || benchmarks.default;
      else if (q.get(name)) input.value = q.get(name);
    }
  }
  /**
   * Starts a page: fills the filter bar, loads the data with load() (which returns the answer's
   * from/to to show), and reloads without a page load whenever a filter or the history changes.
   */
  function start(load) {
    syncNav();
    let benchmarkDefault = null;
    async function run() {
      document.body.dataset.loaded = 'false';
      try {
        const period = await load();
        if (period) {
          document.getElementById('from').value = period.from;
          document.getElementById('to').value = period.to;
          status(period.from + ' to ' + period.to + ' (UTC)' + describe());
        }
        document.body.dataset.loads = String(++loads);
        document.body.dataset.loaded = 'true';
      } catch (e) {
        status('Could not load the data: ' + e.message);
      }
    }
    // Only the filter the user changed goes into the URL: an untouched period stays "the last 90
    // days" in a shared link.
    document.getElementById('filters').addEventListener('change', e => {
      const q = new URLSearchParams(window.location.search);
      const name = e.target.name, v = e.target.value;
      if (v && !(name === 'benchmark' && v === benchmarkDefault)) q.set(name, v); else q.delete(name);
      const s = q.toString();
      history.replaceState(null, '', window.location.pathname + (s ? '?' + s : ''));
      syncNav();
      run();
    });
    document.getElementById('filters').addEventListener('submit', e => e.preventDefault());
    window.addEventListener('popstate', run);
    fillFilterBar()
      .then(() => { benchmarkDefault = document.querySelector('#benchmark option:checked')?.value; })
      .catch(e => status('Could not load the filters: ' + e.message));
    run();
  }
  function describe() {
    const q = filters();
    const parts = ['team', 'service', 'environment'].filter(n => q.get(n)).map(n => n + ' ' + q.get(n));
    return parts.length ? ' · ' + parts.join(', ') : '';
  }
  /** Navigates within a page (a drill-down) without a page load. */
  function navigate(url) { history.pushState(null, '', url); window.dispatchEvent(new PopStateEvent('popstate')); }

  // ---- tiles ----
  function tile(id, title, value, detail, lvl) {
    return el('article', { class: 'tile' },
      el('h2', { text: title }),
      el('p', { class: 'value', id: id + '-value', text: value }),
      lvl === undefined ? null : el('p', { class: 'tile-level' }, 'Level: ', level(lvl)),
      el('p', { class: 'detail', id: id + '-detail', text: detail }));
  }
  function tiles(container, s) {
    const df = s.deployment_frequency, lt = s.lead_time, cfr = s.change_failure_rate;
    const rt = s.recovery_time, ttr = s.time_to_restore, rw = s.rework_rate;
    container.replaceChildren(
      tile('df', 'Deployment frequency', frequency(df.per_day),
        plural(df.deployments, 'production deployment') + ', ' + plural(df.failed_attempts, 'failed attempt'), df.level),
      tile('lt', 'Lead time for changes', duration(lt.median_seconds),
        'median of ' + plural(lt.changes, 'change') + '; p90 ' + duration(lt.p90_seconds), lt.level),
      tile('cfr', 'Change failure rate', percent(cfr.rate),
        cfr.failed + ' of ' + plural(cfr.deployments, 'deployment') + ' needed intervention', cfr.level),
      tile('rt', 'Failed deployment recovery time', duration(rt.median_seconds),
        'median of ' + plural(rt.failures - rt.unrecovered, 'recovered failure')
        + (rt.unrecovered ? ', ' + rt.unrecovered + ' not yet' : '')
        + '; time to restore ' + duration(ttr.median_seconds) + ' over ' + plural(ttr.incidents, 'incident'), rt.level),
      tile('rw', 'Deployment rework rate', percent(rw.rate),
        rw.unplanned + ' of ' + plural(rw.deployments, 'deployment') + ' unplanned (rollback, hotfix or during an incident)'));
  }

  // ---- tables ----
  /**
   * A table from column definitions {label, value(row) for sorting, cell(row) for display, num}.
   * Sortable tables sort on a click of a header (a button, so keyboards work) and set aria-sort.
   */
  function table(columns, rows, opts) {
    const sortable = opts && opts.sortable;
    const body = el('tbody');
    const heads = columns.map((c, i) => el('th', { scope: 'col', class: cellClass(c) },
      sortable ? el('button', { type: 'button', class: 'sort', 'data-column': i, text: c.label }) : c.label));
    function render(list) {
      body.replaceChildren(...list.map(r => el('tr', {},
        columns.map(c => el('td', { class: cellClass(c) }, c.cell ? c.cell(r) : fmtCell(c.value(r)))))));
    }
    render(rows);
    const t = el('table', { class: opts && opts.class }, el('thead', {}, el('tr', {}, heads)), body);
    if (sortable) {
      t.querySelector('thead').addEventListener('click', e => {
        const button = e.target.closest('button.sort');
        if (!button) return;
        const i = Number(button.dataset.column), th = button.parentElement;
        const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        heads.forEach(h => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', dir);
        const v = columns[i].value, sign = dir === 'ascending' ? 1 : -1;
        render([...rows].sort((a, b) => compare(v(a), v(b), sign)));
      });
    }
    return t;
  }
  function cellClass(c) { return [c.num ? 'num' : '', /\(UTC\)|^When/.test(c.label) ? 'nowrap' : ''].join(' ').trim() || null; }
  function fmtCell(v) { return v === null || v === undefined ? '—' : String(v); }
  /** Nulls last whichever the direction would put them; numbers as numbers, text by locale. */
  function compare(a, b, sign) {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return sign * (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)));
  }

  /** A tiny SVG line of weekly counts, with its numbers as the accessible name. */
  function sparkline(values, weeks) {
    const ns = 'http://www.w3.org/2000/svg', w = 120, h = 28, max = Math.max(1, ...values);
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('width', w); svg.setAttribute('height', h);
    svg.setAttribute('class', 'sparkline');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'deployments per week: ' + values.join(', '));
    const x = i => values.length === 1 ? w / 2 : 2 + i * (w - 4) / (values.length - 1);
    const y = v => h - 3 - v * (h - 6) / max;
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', values.map((v, i) => x(i) + ',' + y(v)).join(' '));
    line.setAttribute('fill', 'none'); line.setAttribute('stroke', COLOURS.blue); line.setAttribute('stroke-width', '2');
    svg.append(line);
    const last = document.createElementNS(ns, 'circle');
    last.setAttribute('cx', x(values.length - 1)); last.setAttribute('cy', y(values[values.length - 1] || 0));
    last.setAttribute('r', '2.5'); last.setAttribute('fill', COLOURS.vermillion);
    svg.append(last);
    const title = document.createElementNS(ns, 'title');
    title.textContent = (weeks || []).map((wk, i) => 'week of ' + wk + ': ' + values[i]).join('\n');
    svg.append(title);
    return svg;
  }

  /** The per-service comparison table (teams page sortable, report plain). */
  function serviceTable(body, opts) {
    const withLevel = (text, l) => el('span', { class: 'with-level' }, el('span', { text }), l ? level(l) : null);
    const columns = [
      { label: 'Service', value: s => s.service },
      { label: 'Team', value: s => s.team },
      { label: 'Deployments', num: true, value: s => s.deployment_frequency.deployments },
      { label: 'Frequency', num: true, value: s => s.deployment_frequency.per_day,
        cell: s => withLevel(frequency(s.deployment_frequency.per_day), s.deployment_frequency.level) },
      { label: 'Lead time (median)', num: true, value: s => s.lead_time.median_seconds,
        cell: s => withLevel(duration(s.lead_time.median_seconds), s.lead_time.level) },
      { label: 'Change failure rate', num: true, value: s => s.change_failure_rate.rate,
        cell: s => withLevel(percent(s.change_failure_rate.rate), s.change_failure_rate.level) },
      { label: 'Recovery (median)', num: true, value: s => s.recovery_time.median_seconds,
        cell: s => withLevel(duration(s.recovery_time.median_seconds), s.recovery_time.level) },
      { label: 'Rework rate', num: true, value: s => s.rework_rate.rate, cell: s => percent(s.rework_rate.rate) },
      { label: 'Per week', value: s => s.weekly_deployments.reduce((a, b) => a + b, 0),
        cell: s => sparkline(s.weekly_deployments, body.weeks) }];
    return table(columns, body.services, { sortable: opts && opts.sortable, class: 'services' });
  }

  // ---- charts ----
  function chart(id, config) {
    const existing = Chart.getChart(id);
    if (existing) existing.destroy();
    const options = config.options || {};
    config.options = Object.assign({ animation: false, maintainAspectRatio: false }, options, {
      plugins: Object.assign({ legend: { labels: { font: { size: 14 }, usePointStyle: true } } }, options.plugins) });
    return new Chart(document.getElementById(id), config);
  }
  const hours = s => (s === null || s === undefined ? null : Math.round(s / 360) / 10);
  const pct = r => (r === null || r === undefined ? null : Math.round(r * 1000) / 10);
  const weekLabels = trend => trend.points.map(p => shortDate(p.start));
  const weekAxis = { title: { display: true, text: 'week starting (Monday)' } };
  // Not clipped to the chart area: a point at 0 % or 100 % shows whole, not cut in half.
  function line(label, data, colour, dashed) {
    return { label, data, borderColor: colour, backgroundColor: colour, spanGaps: true, clip: false,
      borderDash: dashed ? [6, 4] : undefined, pointStyle: dashed ? 'rectRot' : 'circle', pointRadius: 4 };
  }
  /**
   * A rate per bucket as a percentage line (rateOf gives 0..1, or null for a bucket with nothing
   * to rate); detailOf, if given, adds what the rate is made of to the tooltip.
   */
  function percentLine(id, trend, label, rateOf, colour, detailOf) {
    chart(id, { type: 'line', data: { labels: weekLabels(trend), datasets: [
      line(label, trend.points.map(p => pct(rateOf(p))), colour)] },
    options: {
      scales: { x: trend.bucket === 'week' ? weekAxis : {},
        y: { beginAtZero: true, suggestedMax: 100, title: { display: true, text: '%' } } },
      plugins: detailOf ? { tooltip: { callbacks: { afterLabel: c => detailOf(trend.points[c.dataIndex]) } } } : {} } });
  }
  const charts = {
    deployments(id, trend, title) {
      chart(id, { type: 'bar', data: {
        labels: weekLabels(trend),
        datasets: [{ label: title || 'Deployments', data: trend.points.map(p => p.deployments), backgroundColor: COLOURS.blue },
          { label: 'Failed attempts', data: trend.points.map(p => p.failed_attempts), backgroundColor: COLOURS.orange }] },
      options: { scales: { x: Object.assign({ stacked: true }, trend.bucket === 'week' ? weekAxis : {}), y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
    },
    leadTime(id, weekly) {
      chart(id, { type: 'line', data: { labels: weekLabels(weekly), datasets: [
        line('Median (h)', weekly.points.map(p => hours(p.lead_time.median_seconds)), COLOURS.blue),
        line('p90 (h)', weekly.points.map(p => hours(p.lead_time.p90_seconds)), COLOURS.vermillion, true)] },
      options: { scales: { x: weekAxis, y: { beginAtZero: true, title: { display: true, text: 'hours' } } } } });
    },
    changeFailureRate(id, weekly) {
      percentLine(id, weekly, 'Change failure rate (%)', p => p.change_failure_rate, COLOURS.vermillion);
    },
    recovery(id, weekly) {
      chart(id, { type: 'line', data: { labels: weekLabels(weekly), datasets: [
        line('Recovery median (h)', weekly.points.map(p => hours(p.recovery_median_seconds)), COLOURS.green)] },
      options: { scales: { x: weekAxis, y: { beginAtZero: true, title: { display: true, text: 'hours' } } } } });
    },
    rework(id, weekly) {
      percentLine(id, weekly, 'Rework rate (%)', p => p.deployments ? p.unplanned_deployments / p.deployments : null,
        COLOURS.purple);
    },
    percentLine
  };

  const FIGURES = {
    'deployments-chart': 'Production deployments per day',
    'weekly-deployments-chart': 'Production deployments per week',
    'lead-time-chart': 'Lead time for changes per week (median and p90, hours)',
    'cfr-chart': 'Change failure rate per week (%)',
    'recovery-chart': 'Failed deployment recovery time per week (median, hours)',
    'rework-chart': 'Deployment rework rate per week (%)',
    'coverage-chart': 'Golden-path coverage as each week closes (%)',
    'pipeline-share-chart': 'Platform-pipeline share of production deployments per week (%)',
    'self-service-chart': 'Self-service share of platform requests per week (%)' };
  /** Empty chart figures (caption and canvas) for the given chart ids, drawn into later. */
  function figures(container, ids) {
    if (container.childElementCount) return;
    container.replaceChildren(...ids.map(id => el('figure', {}, el('figcaption', { text: FIGURES[id] }),
      el('div', { class: 'chart' }, el('canvas', { id, role: 'img', 'aria-label': FIGURES[id] })))));
  }

  /** Download links to the export API with the page's filters. */
  function exportLinks(container, datasets) {
    container.hidden = document.body.dataset.canExport !== 'true'; // the viewer role cannot export
    container.replaceChildren('Download: ', ...datasets.flatMap(d => [el('span', { class: 'export' }, d + ' ',
      ...['csv', 'json', 'parquet'].map(f => el('a', { href: api('/api/v1/export/' + d + '.' + f), download: '',
        'data-export': d + '.' + f, text: f })))]));
  }

  // Charts keep their screen size when printing unless told: redraw them at the printed size.
  window.addEventListener('beforeprint', () => Object.values(Chart.instances || {}).forEach(c => c.resize()));
  window.addEventListener('afterprint', () => Object.values(Chart.instances || {}).forEach(c => c.resize()));

  return { COLOURS, duration, percent, frequency, dateTime, plural, shortSha, shortDate, el, level, status, filters,
    api, pageLink, get, start, navigate, figures, tiles, table, sparkline, serviceTable, chart, charts, exportLinks };
})();
