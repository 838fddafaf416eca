// Fills an overview page: one call to /api/overview (with the page's filter), then tiles, tables and charts.
// Tables are built with textContent only: names come from the call log, never trusted as HTML.
(function () {
  'use strict';
  const root = document.getElementById('dashboard');
  if (!root) {
    return;
  }
  const GREEN = '#2e7d32', RED = '#c62828', BLUE = '#1565c0', ORANGE = '#ef6c00', GREY = '#607d8b';
  const number = n => Number(n).toLocaleString('en-US');
  const percent = r => (r * 100).toFixed(1) + ' %';
  const ms = v => (v === null || v === undefined || Number.isNaN(v)) ? '–' : Math.round(v) + ' ms';
  const label = name => name === '' ? '(none: publish)' : name;

  function time(t, stepSeconds) {
    const d = new Date(t);
    const iso = d.toISOString();
    return stepSeconds >= 86400 ? iso.slice(0, 10) : stepSeconds >= 3600 ? iso.slice(5, 16).replace('T', ' ') : iso.slice(11, 16);
  }

  function fillTable(id, rows, cells) {
    const body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren();
    if (rows.length === 0) {
      const tr = body.insertRow();
      const td = tr.insertCell();
      td.colSpan = 4;
      td.textContent = 'No calls';
      td.className = 'empty';
      return;
    }
    for (const row of rows) {
      const tr = body.insertRow();
      for (const cell of cells(row)) {
        const td = tr.insertCell();
        if (cell && cell.href) {
          const a = document.createElement('a');
          a.href = cell.href;
          a.textContent = cell.text;
          td.appendChild(a);
        } else {
          td.textContent = cell;
        }
      }
    }
  }

  function rateCells(link) {
    return r => [link && r.name !== '' ? { href: link(r.name), text: r.name } : label(r.name), number(r.calls),
      number(r.failures), percent(r.successRate)];
  }

  function chart(id, config) {
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    return new Chart(document.getElementById(id), config);
  }

  function rateChart(id, rows) {
    chart(id, {
      type: 'bar',
      data: {
        labels: rows.map(r => label(r.name)),
        datasets: [
          { label: 'success', data: rows.map(r => r.calls - r.failures), backgroundColor: GREEN, stack: 'c' },
          { label: 'failure', data: rows.map(r => r.failures), backgroundColor: RED, stack: 'c' }
        ]
      },
      options: {
        indexAxis: 'y',
        scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } },
        plugins: {
          tooltip: { callbacks: { footer: items => 'success rate ' + percent(rows[items[0].dataIndex].successRate) } }
        }
      }
    });
  }

  function render(o) {
    document.getElementById('tile-calls').textContent = number(o.totals.calls);
    document.getElementById('tile-failures').textContent = number(o.totals.failures);
    document.getElementById('tile-rate').textContent = o.totals.calls === 0 ? '–'
      : percent(1 - o.totals.failures / o.totals.calls);
    document.getElementById('tile-p50').textContent = ms(o.latency.p50);
    document.getElementById('tile-p95').textContent = ms(o.latency.p95);
    document.getElementById('tile-p99').textContent = ms(o.latency.p99);
    const step = o.bucketSeconds;
    document.getElementById('bucket').textContent = step === 60 ? 'minute' : (step / 60) + ' minutes';

    chart('chart-series', {
      type: 'bar',
      data: {
        labels: o.series.map(p => time(p.t, step)),
        datasets: [
          { label: 'success', data: o.series.map(p => p.success), backgroundColor: GREEN, stack: 'calls' },
          { label: 'failure', data: o.series.map(p => p.failure), backgroundColor: RED, stack: 'calls' }
        ]
      },
      options: { scales: { x: { stacked: true, ticks: { maxTicksLimit: 24 } }, y: { stacked: true, beginAtZero: true } } }
    });
    rateChart('chart-providers', o.providers);
    rateChart('chart-consumers', o.consumers);
    rateChart('chart-services', o.services);
    fillTable('table-providers', o.providers, rateCells(n => '/agencies/' + encodeURIComponent(n) + '?side=provider'));
    fillTable('table-consumers', o.consumers, rateCells(n => '/agencies/' + encodeURIComponent(n) + '?side=consumer'));
    fillTable('table-services', o.services, rateCells(n => '/services/' + encodeURIComponent(n)));

    chart('chart-errors', {
      type: 'bar',
      data: {
        labels: o.errors.map(e => (e.errorCode || '(no code)') + ' · ' + e.outcome),
        datasets: [{ label: 'calls', data: o.errors.map(e => e.calls), backgroundColor: ORANGE }]
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } }
    });
    fillTable('table-errors', o.errors, e => [e.errorCode || '(no code)', e.outcome, number(e.calls)]);

    chart('chart-latency', {
      type: 'line',
      data: {
        labels: o.latencySeries.map(p => time(p.t, step)),
        datasets: [
          { label: 'p50', data: o.latencySeries.map(p => p.p50), borderColor: BLUE, backgroundColor: BLUE },
          { label: 'p95', data: o.latencySeries.map(p => p.p95), borderColor: ORANGE, backgroundColor: ORANGE },
          { label: 'p99', data: o.latencySeries.map(p => p.p99), borderColor: GREY, backgroundColor: GREY }
        ]
      },
      options: { spanGaps: true, scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } } } }
    });
  }

  const status = document.getElementById('status');
  fetch('/data/overview?' + root.dataset.query, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : r.text().then(t => { throw new Error('HTTP ' + r.status + ': ' + t); }))
    .then(o => {
      render(o);
      status.textContent = 'Showing ' + o.from.replace('T', ' ') + ' to ' + o.to.replace('T', ' ') + ' (UTC).';
      root.dataset.loaded = 'true';
    })
    .catch(e => {
      status.textContent = 'Could not load the dashboard: ' + e.message;
      status.className = 'status error';
      root.dataset.loaded = 'error';
    });
}());
