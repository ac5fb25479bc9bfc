// Quartermaster charts: one module for the offline report (qm report) and the dashboard (qm serve).
// Every chart takes plain JSON from the C# side, uses the SVG renderer (crisp when printed, and the
// browser tests can see what was drawn), labels every axis with its unit, and colours each tenant
// the same way everywhere (colour chosen from the tenant's position in the book).
(function (global) {
  'use strict';

  const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

  function tenantColour(tenants, id) {
    const index = tenants.findIndex(t => t.id === id);
    return palette[(index < 0 ? 0 : index) % palette.length];
  }

  function money(usd) {
    const abs = Math.abs(usd);
    const sign = usd < 0 ? '-' : '';
    if (abs >= 1e12) return sign + '$' + (abs / 1e12).toFixed(2) + 'T';
    if (abs >= 1e9) return sign + '$' + (abs / 1e9).toFixed(1) + 'B';
    if (abs >= 1e6) return sign + '$' + (abs / 1e6).toFixed(1) + 'M';
    if (abs >= 1e3) return sign + '$' + (abs / 1e3).toFixed(0) + 'K';
    return sign + '$' + abs.toFixed(0);
  }

  function mw(value) { return Math.round(value).toLocaleString('en-US') + ' MW'; }

  const base = {
    animation: false,
    grid: { left: 70, right: 24, top: 48, bottom: 56, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
  };

  function mount(element, option, points) {
    const chart = global.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(Object.assign({}, base, option));
    element.dataset.rendered = 'true';
    element.dataset.points = String(points);
    global.addEventListener('resize', () => chart.resize());
    return chart;
  }

  function monthAxis(months, name) {
    return { type: 'category', data: months, name: name || 'month', nameLocation: 'middle', nameGap: 32, boundaryGap: false };
  }

  function valueAxis(name, formatter) {
    return { type: 'value', name: name, nameLocation: 'middle', nameGap: 56, axisLabel: formatter ? { formatter: formatter } : {} };
  }

  const charts = {
    // Committed MW by tenant (stacked) against MW online.
    capacity(element, data) {
      const c = data.capacity;
      const series = c.committed_by_tenant.map(t => ({
        name: t.tenant, type: 'line', stack: 'committed', areaStyle: {}, symbol: 'none', step: 'end',
        itemStyle: { color: tenantColour(data.tenants, t.tenant) }, data: t.mw,
      }));
      series.push({ name: 'online', type: 'line', symbol: 'none', step: 'end', lineStyle: { width: 3, color: '#000' }, itemStyle: { color: '#000' }, data: c.online_mw });
      return mount(element, { xAxis: monthAxis(c.months), yAxis: valueAxis('MW'), series: series }, c.months.length * series.length);
    },

    // Fill ratio (allocated / committed) per tenant and month; a cell is empty when nothing is committed.
    fillHeatmap(element, data) {
      const p = data.plan;
      const cells = [];
      p.fill.forEach((row, y) => row.ratio.forEach((r, x) => { if (r !== null) cells.push([x, y, r]); }));
      return mount(element, {
        tooltip: { position: 'top', formatter: c => `${p.fill[c.value[1]].tenant} ${p.months[c.value[0]]}: ${(c.value[2] * 100).toFixed(1)}% filled` },
        grid: { left: 140, right: 24, top: 24, bottom: 90 },
        xAxis: { type: 'category', data: p.months, name: 'month', nameLocation: 'middle', nameGap: 32, splitArea: { show: true } },
        yAxis: { type: 'category', data: p.fill.map(f => f.tenant), name: 'tenant' },
        visualMap: { min: 0, max: 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, text: ['fill 100%', '0%'], inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] } },
        series: [{ type: 'heatmap', data: cells, name: 'fill ratio' }],
      }, cells.length);
    },

    // Idle MW (online minus allocated) per site, stacked.
    idle(element, data) {
      const p = data.plan;
      const series = p.idle_by_site.map(s => ({ name: s.site, type: 'line', stack: 'idle', areaStyle: {}, symbol: 'none', data: s.idle_mw }));
      return mount(element, { xAxis: monthAxis(p.months), yAxis: valueAxis('idle MW'), series: series }, p.months.length * series.length);
    },

    // Distribution of the payoff over simulated futures.
    payoffHistogram(element, data) {
      const h = data.stress.histogram;
      const labels = h.counts.map((_, i) => money((h.edges[i] + h.edges[i + 1]) / 2));
      return mount(element, {
        tooltip: { trigger: 'axis', formatter: ps => `${money(h.edges[ps[0].dataIndex])} to ${money(h.edges[ps[0].dataIndex + 1])}: ${ps[0].value} futures` },
        xAxis: { type: 'category', data: labels, name: 'payoff (NPV, USD)', nameLocation: 'middle', nameGap: 32 },
        yAxis: valueAxis('futures (count)'),
        series: [{ type: 'bar', name: 'futures', data: h.counts, barCategoryGap: '5%',
          itemStyle: { color: p => (h.edges[p.dataIndex + 1] <= 0 ? '#b2182b' : '#2166ac') } }],
      }, h.counts.length);
    },

    // Monthly percentile bands: P5-P95 and P25-P75 as stacked differences, the median as a line.
    fan(element, data, which, unit, formatter) {
      const f = data.stress.fans[which];
      const band = (lo, hi) => f[hi].map((v, i) => v - f[lo][i]);
      const series = [
        { name: 'P5', type: 'line', stack: 'fan', data: f.p5, symbol: 'none', lineStyle: { opacity: 0 } },
        { name: 'P5-P25', type: 'line', stack: 'fan', data: band('p5', 'p25'), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#c6dbef' } },
        { name: 'P25-P75', type: 'line', stack: 'fan', data: band('p25', 'p75'), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#6baed6' } },
        { name: 'P75-P95', type: 'line', stack: 'fan', data: band('p75', 'p95'), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#c6dbef' } },
        { name: 'median', type: 'line', data: f.p50, symbol: 'none', lineStyle: { width: 2, color: '#08306b' } },
      ];
      return mount(element, {
        tooltip: { trigger: 'axis', formatter: ps => `${ps[0].axisValue}<br>P5 ${formatter(f.p5[ps[0].dataIndex])}, median ${formatter(f.p50[ps[0].dataIndex])}, P95 ${formatter(f.p95[ps[0].dataIndex])}` },
        legend: { top: 0, data: ['P25-P75', 'P5-P25', 'median'] },
        xAxis: monthAxis(f.months), yAxis: valueAxis(unit, formatter), series: series,
      }, f.months.length);
    },

    // Mean payoff when each input moves down or up by its step, largest swing on top.
    tornado(element, data) {
      const t = data.stress.tornado;
      const bars = t.bars.slice().reverse();
      return mount(element, {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 190, right: 40, top: 40, bottom: 56 },
        xAxis: { type: 'value', name: 'change in mean payoff (USD)', nameLocation: 'middle', nameGap: 32, axisLabel: { formatter: money } },
        yAxis: { type: 'category', data: bars.map(b => `${b.input} (${b.step})`) },
        series: [
          { name: 'input lower', type: 'bar', data: bars.map(b => b.low - t.base), itemStyle: { color: '#b2182b' } },
          { name: 'input higher', type: 'bar', data: bars.map(b => b.high - t.base), itemStyle: { color: '#2166ac' } },
        ],
      }, bars.length * 2);
    },

    // Cumulative committed GW by provider (or lab) over time.
    dealsTimeline(element, data) {
      const t = data.deals.timeline;
      const series = t.series.map(s => ({ name: s.name, type: 'line', step: 'end', symbol: 'circle', data: s.cumulative_gw }));
      return mount(element, { xAxis: monthAxis(t.months), yAxis: valueAxis('cumulative GW committed'), series: series }, t.months.length * series.length);
    },

    // Providers and labs as a graph; providers that supply rival labs drawn in red.
    dealsMap(element, data) {
      const m = data.deals.map;
      return mount(element, {
        tooltip: { trigger: 'item' },
        legend: { top: 0, data: ['provider', 'provider supplying rivals', 'lab'] },
        series: [{
          type: 'graph', layout: 'force', roam: true, draggable: true, label: { show: true, position: 'right' },
          force: { repulsion: 260, edgeLength: [60, 180] },
          categories: [{ name: 'provider' }, { name: 'provider supplying rivals' }, { name: 'lab' }],
          data: m.nodes.map(n => ({ name: n.name, category: n.kind === 'lab' ? 2 : (n.supplies_rivals ? 1 : 0), symbolSize: 14 + Math.sqrt(n.weight || 1) * 3,
            itemStyle: { color: n.kind === 'lab' ? '#2ca02c' : (n.supplies_rivals ? '#d62728' : '#1f77b4') } })),
          links: m.edges.map(e => ({ source: e.source, target: e.target, value: e.label,
            lineStyle: { width: 1 + Math.min(8, e.gw || 0), type: e.kind === 'equity' ? 'dashed' : 'solid' } })),
        }],
      }, m.nodes.length + m.edges.length);
    },
  };

  // Draws every element with a data-chart attribute from the data it needs; a chart whose data is
  // missing is left out and its element marked, so a page never shows an empty frame as if it were data.
  function renderAll(root, data) {
    const drawn = [];
    root.querySelectorAll('[data-chart]').forEach(element => {
      const kind = element.dataset.chart;
      try {
        switch (kind) {
          case 'capacity': if (data.capacity) drawn.push(charts.capacity(element, data)); break;
          case 'fill-heatmap': if (data.plan) drawn.push(charts.fillHeatmap(element, data)); break;
          case 'idle': if (data.plan) drawn.push(charts.idle(element, data)); break;
          case 'payoff-histogram': if (data.stress) drawn.push(charts.payoffHistogram(element, data)); break;
          case 'fan-revenue': if (data.stress) drawn.push(charts.fan(element, data, 'revenue', 'revenue (USD per month)', money)); break;
          case 'fan-used': if (data.stress) drawn.push(charts.fan(element, data, 'used_mw', 'used MW', mw)); break;
          case 'fan-idle': if (data.stress) drawn.push(charts.fan(element, data, 'idle_mw', 'idle MW', mw)); break;
          case 'tornado': if (data.stress && data.stress.tornado) drawn.push(charts.tornado(element, data)); break;
          case 'deals-timeline': if (data.deals) drawn.push(charts.dealsTimeline(element, data)); break;
          case 'deals-map': if (data.deals) drawn.push(charts.dealsMap(element, data)); break;
          default: break;
        }
      } catch (e) {
        element.dataset.error = String(e);
        throw e;
      }
      if (!element.dataset.rendered) element.dataset.empty = 'true';
    });
    return drawn;
  }

  global.Quartermaster = { charts: charts, renderAll: renderAll, money: money, tenantColour: tenantColour };
})(window);
