// Quartermaster charts: one module for the offline report (qm report) and the dashboard (qm serve).
// Every chart takes plain JSON from the C# side, uses the SVG renderer (crisp when printed, and the
// browser tests can see what was drawn), labels every axis with its unit, and colours each tenant
// the same way everywhere (colour chosen from the tenant's position in the book).
(function (global) {
  'use strict';

  // Okabe and Ito's palette, designed to stay distinct under the common colour-vision deficiencies (black is left
  // to the "online" line). Tenant areas also carry ECharts' decal patterns, a second cue that needs no colour.
  const palette = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#F0E442', '#661100'];
  const vermillion = '#D55E00';

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

  // A percentage with one decimal, rounded half away from zero on the value's decimal digits as the C# side writes
  // it (toFixed rounds the binary value: 0.6855 would print 68.5% here and 68.6% in the verdict beside it).
  function percent(fraction) {
    const scaled = Math.abs(fraction) * 1000;
    return ((fraction < 0 ? -1 : 1) * Math.round(scaled + 1e-7 * Math.max(1, scaled)) / 10).toFixed(1) + '%';
  }

  function gw(value) { return (Math.round(value * 100) / 100).toLocaleString('en-US') + ' GW'; }

  // Names come from data files; tooltips are HTML, so they are escaped.
  function escape(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function mw(value) { return Math.round(value).toLocaleString('en-US') + ' MW'; }

  const base = {
    animation: false,
    // A generated description of each chart for screen readers (the charts are SVG a reader cannot otherwise read).
    aria: { enabled: true },
    grid: { left: 70, right: 24, top: 48, bottom: 56, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
  };

  // Stacked areas told apart by pattern as well as colour.
  const patterned = { enabled: true, decal: { show: true } };

  function mount(element, option, points) {
    const chart = global.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(Object.assign({}, base, option));
    element.dataset.rendered = 'true';
    element.dataset.points = String(points);
    global.addEventListener('resize', () => chart.resize());
    return chart;
  }

  // Labels that would overprint a neighbour are left out (narrow screens), never drawn on top of each other.
  function monthAxis(months, name) {
    return { type: 'category', data: months, name: name || 'month', nameLocation: 'middle', nameGap: 32, boundaryGap: false,
      // The first and last months are written inward, so they cannot run into the value axis's labels.
      axisLabel: { hideOverlap: true, alignMinLabel: 'left', alignMaxLabel: 'right' } };
  }

  function valueAxis(name, formatter) {
    // Formatted labels ("10,000 MW", "-$150.0B") are wider than plain numbers: the name stands further off to clear them.
    return { type: 'value', name: name, nameLocation: 'middle', nameGap: formatter ? 84 : 66, axisLabel: formatter ? { formatter: formatter, hideOverlap: true } : { hideOverlap: true } };
  }

  // Each data cell is labelled with its column's header, so on a narrow screen a row can be shown as a card of
  // "header: value" lines (the style sheets' table.stack rules) instead of a table scrolling out of sight.
  const stackStyle = `
    table.stack td::before { content: none; }
    @media (max-width: 700px) {
      table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: auto; }
      table.stack tr:first-child { display: none; }
      table.stack tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
      table.stack td { border: 0; padding: 1px 0; display: flex; justify-content: space-between; gap: 12px; text-align: right; white-space: normal; }
      table.stack td::before { content: attr(data-label); color: var(--muted); text-align: left; }
    }`;

  function stackTables(root) {
    // The report and the dashboard share these rules: they come with the function that labels the cells.
    const doc = root.ownerDocument || root;
    if (!doc.getElementById('qm-stack-style')) {
      const style = doc.createElement('style');
      style.id = 'qm-stack-style';
      style.textContent = stackStyle;
      doc.head.appendChild(style);
    }
    root.querySelectorAll('table').forEach(table => {
      const rows = Array.from(table.rows);
      if (rows.length === 0 || rows[0].querySelector('td')) return;
      const headers = Array.from(rows[0].cells).map(c => c.textContent.trim());
      rows.slice(1).forEach(row => Array.from(row.cells).forEach((cell, i) => { cell.dataset.label = headers[i] || ''; }));
      table.classList.add('stack');
    });
  }

  const charts = {
    // Committed MW by tenant (stacked) against MW online.
    capacity(element, data) {
      const c = data.capacity;
      const series = c.committed_mw_by_tenant.map(t => ({
        name: t.tenant_id, type: 'line', stack: 'committed', areaStyle: {}, symbol: 'none', step: 'end',
        itemStyle: { color: tenantColour(data.tenants, t.tenant_id) }, data: t.mw,
      }));
      series.push({ name: 'online', type: 'line', symbol: 'none', step: 'end', lineStyle: { width: 3, color: '#000' }, itemStyle: { color: '#000' }, data: c.online_mw });
      return mount(element, { aria: patterned, xAxis: monthAxis(c.months), yAxis: valueAxis('MW'), series: series }, c.months.length * series.length);
    },

    // Fill ratio (allocated / committed) per tenant and month; a cell is empty when nothing is committed.
    fillHeatmap(element, data) {
      const p = data.plan;
      const cells = [];
      p.fill_by_tenant.forEach((row, y) => row.ratio.forEach((r, x) => { if (r !== null) cells.push([x, y, r]); }));
      return mount(element, {
        tooltip: { position: 'top', formatter: c => `${p.fill_by_tenant[c.value[1]].tenant_id} ${p.months[c.value[0]]}: ${(c.value[2] * 100).toFixed(1)}% filled` },
        // The colour scale stands at the right of the grid, clear of both axes and their names at any width.
        legend: { show: false },
        grid: { left: 8, right: 84, top: 40, bottom: 56, containLabel: true },
        xAxis: { type: 'category', data: p.months, name: 'month', nameLocation: 'middle', nameGap: 32, splitArea: { show: true } },
        yAxis: { type: 'category', data: p.fill_by_tenant.map(f => f.tenant_id), name: 'tenant' },
        visualMap: { min: 0, max: 1, calculable: true, orient: 'vertical', right: 0, top: 'middle', itemHeight: 120, text: ['fill 100%', 'fill 0%'], inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] } },
        series: [{ type: 'heatmap', data: cells, name: 'fill ratio' }],
      }, cells.length);
    },

    // Idle MW (online minus allocated) per site, stacked.
    idle(element, data) {
      const p = data.plan;
      const series = p.idle_by_site.map((s, i) => ({ name: s.site_id, type: 'line', stack: 'idle', areaStyle: {}, symbol: 'none', data: s.idle_mw, itemStyle: { color: palette[i % palette.length] } }));
      return mount(element, { aria: patterned, color: palette, xAxis: monthAxis(p.months), yAxis: valueAxis('idle MW'), series: series }, p.months.length * series.length);
    },

    // Distribution of the payoff over simulated futures: the whole book's, or the operating book's (which = 'operating_histogram').
    payoffHistogram(element, data, which) {
      const h = data.stress[which || 'histogram'];
      // The bins span the body of the distribution (P0.5 to P99.5); the end bins also hold the tails beyond it, and say so.
      const last = h.counts.length - 1;
      const labels = h.counts.map((_, i) => (i === 0 ? '≤ ' + money(h.edges_usd[1]) : i === last ? '≥ ' + money(h.edges_usd[last])
        : money((h.edges_usd[i] + h.edges_usd[i + 1]) / 2)));
      const range = i => (i === 0 ? `${money(h.edges_usd[1])} or less (the worst tail included)` : i === last ? `${money(h.edges_usd[last])} or more (the best tail included)`
        : `${money(h.edges_usd[i])} to ${money(h.edges_usd[i + 1])}`);
      return mount(element, {
        tooltip: { trigger: 'axis', formatter: ps => `${range(ps[0].dataIndex)}: ${ps[0].value} futures` },
        xAxis: { type: 'category', data: labels, name: 'payoff (NPV, USD)', nameLocation: 'middle', nameGap: 32, axisLabel: { hideOverlap: true, alignMinLabel: 'left', alignMaxLabel: 'right' } },
        yAxis: valueAxis('futures (count)'),
        series: [{ type: 'bar', name: 'futures', barCategoryGap: '5%',
          itemStyle: { color: p => (h.edges_usd[p.dataIndex + 1] <= 0 ? '#b2182b' : '#2166ac') },
          data: h.counts.map((c, i) => (i === 0 || i === last ? { value: c, itemStyle: { opacity: 0.55 } } : c)) }],
      }, h.counts.length);
    },

    // Monthly percentile bands: P5-P95 and P25-P75 as stacked differences, the median as a line.
    fan(element, data, which, unit, formatter) {
      const f = data.stress.fans[which];
      const band = (lo, hi) => f[hi].map((v, i) => v - f[lo][i]);
      const series = [
        { name: 'P5', type: 'line', stack: 'fan', data: f.p5, symbol: 'none', lineStyle: { opacity: 0 } },
        { name: 'P5-P25', type: 'line', stack: 'fan', data: band('p5', 'p25'), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#c6dbef' }, itemStyle: { color: '#c6dbef' } },
        { name: 'P25-P75', type: 'line', stack: 'fan', data: band('p25', 'p75'), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#6baed6' }, itemStyle: { color: '#6baed6' } },
        { name: 'P75-P95', type: 'line', stack: 'fan', data: band('p75', 'p95'), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#c6dbef' } },
        { name: 'median', type: 'line', data: f.p50, symbol: 'none', lineStyle: { width: 2, color: '#08306b' }, itemStyle: { color: '#08306b' } },
      ];
      return mount(element, {
        tooltip: { trigger: 'axis', formatter: ps => `${ps[0].axisValue}<br>P5 ${formatter(f.p5[ps[0].dataIndex])}, median ${formatter(f.p50[ps[0].dataIndex])}, P95 ${formatter(f.p95[ps[0].dataIndex])}` },
        legend: { top: 0, data: ['P25-P75', 'P5-P25', 'median'] },
        xAxis: monthAxis(f.months), yAxis: valueAxis(unit, formatter), series: series,
      }, f.months.length);
    },

    // Operating cash by calendar year: P5, P50 and P95 bars (undiscounted USD) and the cumulative cash's median
    // as a line with its P5 and P95 dashed, on the same axis.
    cashFlow(element, data) {
      const years = data.stress.cash_flow.years;
      const labels = years.map(y => (y.months < 12 ? `${y.year} (${y.months} mo)` : String(y.year)));
      const bar = (name, key, colour) => ({ name: name, type: 'bar', data: years.map(y => y.cash[key]), itemStyle: { color: colour } });
      const line = (name, key, dashed) => ({
        name: name, type: 'line', data: years.map(y => y.cumulative[key]), symbol: dashed ? 'none' : 'circle',
        lineStyle: { color: '#000', type: dashed ? 'dashed' : 'solid', width: dashed ? 1 : 2 }, itemStyle: { color: '#000' },
      });
      const series = [bar('year P5', 'p5', '#fcae91'), bar('year P50', 'p50', '#6baed6'), bar('year P95', 'p95', '#2166ac'),
        line('cumulative P50', 'p50', false), line('cumulative P5', 'p5', true), line('cumulative P95', 'p95', true)];
      return mount(element, {
        tooltip: { trigger: 'axis', valueFormatter: money },
        legend: { top: 0, type: 'scroll', data: ['year P5', 'year P50', 'year P95', 'cumulative P50'] },
        xAxis: { type: 'category', data: labels, name: 'calendar year', nameLocation: 'middle', nameGap: 32, axisLabel: { hideOverlap: true } },
        yAxis: valueAxis('operating cash (USD, undiscounted)', money),
        series: series,
      }, years.length * series.length);
    },

    // Mean payoff when each input moves down or up by its step, largest swing on top.
    // For the operating book (light) and the whole book (dark), ranked by the whole book's swing.
    tornado(element, data) {
      const t = data.stress.tornado;
      const bars = t.bars.slice().reverse();
      // On a narrow screen names wrap to three lines: give each bar the height they need.
      if (element.clientWidth < 500) element.style.height = `${bars.length * 46 + 120}px`;
      const line = (key, name, low, high) => [
        { name: `${name}: input lower`, type: 'bar', data: bars.map(b => b[key].low - t.base[key]), itemStyle: { color: low } },
        { name: `${name}: input higher`, type: 'bar', data: bars.map(b => b[key].high - t.base[key]), itemStyle: { color: high } },
      ];
      return mount(element, {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        // Input names take at most 40% of the width and wrap, so on a phone they neither overprint nor squeeze the bars away.
        // The legend wraps to three rows on a phone.
        grid: { left: 16, right: 24, top: element.clientWidth < 500 ? 100 : 56, bottom: 56, containLabel: true },
        xAxis: { type: 'value', name: 'change in mean payoff (USD)', nameLocation: 'middle', nameGap: 32, axisLabel: { formatter: money, hideOverlap: true } },
        yAxis: { type: 'category', data: bars.map(b => `${b.label} (${b.step})`), axisLabel: { width: Math.min(190, 0.4 * element.clientWidth), overflow: 'break', fontSize: element.clientWidth < 500 ? 10 : 12, lineHeight: element.clientWidth < 500 ? 13 : 15 } },
        series: [...line('operating', 'operating book', '#f4a582', '#92c5de'), ...line('total', 'whole book', '#b2182b', '#2166ac')],
      }, bars.length * 4);
    },

    // One tenant's committed and allocated MW per month (the tenant's own dashboard: no other tenant appears).
    tenantFill(element, data) {
      const f = data.tenant_fill;
      const series = [
        { name: 'committed', type: 'line', step: 'end', symbol: 'none', data: f.committed_mw, lineStyle: { type: 'dashed', color: '#000' }, itemStyle: { color: '#000' } },
        { name: 'allocated', type: 'line', step: 'end', symbol: 'none', data: f.allocated_mw, areaStyle: { opacity: 0.3 }, itemStyle: { color: palette[0] } },
      ];
      return mount(element, { xAxis: monthAxis(f.months), yAxis: valueAxis('MW'), series: series }, f.months.length * 2);
    },

    // Cumulative GW committed by each provider, as steps at announcement months; the tooltip adds the
    // cumulative dollars (equity included), which many deals state without a GW figure.
    dealsTimeline(element, data) {
      const t = data.deals.timeline;
      const series = t.series.map((s, i) => ({
        // A dot only where the provider committed more (GW or dollars); the months between only carry the step.
        name: s.name, type: 'line', step: 'end', symbol: 'circle',
        symbolSize: (v, p) => (p.dataIndex === 0 ? s.cumulative_gw[0] + s.cumulative_usd[0] > 0
          : s.cumulative_gw[p.dataIndex] !== s.cumulative_gw[p.dataIndex - 1] || s.cumulative_usd[p.dataIndex] !== s.cumulative_usd[p.dataIndex - 1]) ? 7 : 0,
        itemStyle: { color: palette[i % palette.length] }, data: s.cumulative_gw,
      }));
      return mount(element, {
        tooltip: {
          trigger: 'axis',
          formatter: ps => escape(ps[0].axisValue) + ps.map(p => `<br>${p.marker}${escape(p.seriesName)}: ${gw(p.value)}, `
            + money(t.series[p.seriesIndex].cumulative_usd[p.dataIndex])).join(''),
        },
        grid: { left: 70, right: 24, top: 64, bottom: 56, containLabel: true },
        xAxis: monthAxis(t.months, 'announcement month'),
        // Written across the top of the axis: rotated along a short (phone) chart, the name was cut at both ends.
        yAxis: { type: 'value', name: 'cumulative GW committed', nameLocation: 'end', nameGap: 14, nameTextStyle: { align: 'left' } },
        series: series,
      }, t.months.length * series.length);
    },

    // Providers (left) and labs (right), one edge per pair. Providers that supply two or more rival labs
    // are red, node and name; edge width is GW, equity-only edges are dashed, "paid twice" edges purple.
    // Node size follows GW, or dollars when the element says data-size-by="usd". The layout is fixed
    // (labs by size, each provider placed near the labs it serves) so the picture is the same every time.
    dealsMap(element, data) {
      const m = data.deals.map;
      const red = vermillion, sizeBy = element.dataset.sizeBy === 'usd' ? 'usd' : 'gw';
      const size = n => 10 + (sizeBy === 'usd' ? 2.5 * Math.sqrt(n.usd / 1e9) : 6 * Math.sqrt(n.gw));
      const labs = m.nodes.filter(n => n.kind === 'lab').sort((a, b) => b[sizeBy] - a[sizeBy] || a.name.localeCompare(b.name));
      const row = new Map(labs.map((n, i) => [n.name, labs.length === 1 ? 0.5 : i / (labs.length - 1)]));
      const centre = p => {
        const mine = m.edges.filter(e => e.source === p.name && row.has(e.target));
        return mine.length ? mine.reduce((sum, e) => sum + row.get(e.target), 0) / mine.length : 1;
      };
      const providers = m.nodes.filter(n => n.kind !== 'lab').map(n => ({ n: n, c: centre(n) }))
        .sort((a, b) => a.c - b.c || a.n.name.localeCompare(b.n.name)).map(x => x.n);
      const place = (list, x) => list.map((n, i) => {
        const rival = n.kind !== 'lab' && n.supplies_rivals;
        return {
          name: n.name, x: x, y: list.length === 1 ? 50 : (100 * i) / (list.length - 1), value: n[sizeBy],
          category: n.kind === 'lab' ? 2 : (rival ? 1 : 0), symbolSize: size(n),
          itemStyle: { color: n.kind === 'lab' ? '#009E73' : (rival ? red : '#0072B2') },
          label: { show: true, position: n.kind === 'lab' ? 'right' : 'left', color: rival ? red : '#1b1f24', fontWeight: rival ? 'bold' : 'normal' },
          tooltip: { formatter: `${escape(n.name)}: ${gw(n.gw)}, ${money(n.usd)}${rival ? '<br>supplies rival labs' : ''}` },
        };
      });
      const nodes = place(providers, 0).concat(place(labs, 100));
      const links = m.edges.map(e => ({
        source: e.source, target: e.target, value: e.gw,
        lineStyle: { width: 1 + Math.min(10, 1.5 * e.gw) + (e.paid_twice ? 2 : 0), type: e.kind === 'equity' ? 'dashed' : 'solid', color: e.paid_twice ? '#9467bd' : '#8c96a0', opacity: 0.85 },
        // No text on edges: paid-twice edges meet at the few big labs, where their labels overprinted one another. They are
        // purple and thicker here, named in their tooltips and listed in the table under the map.
        tooltip: { formatter: `${escape(e.source)} → ${escape(e.target)}: ${gw(e.gw)}, supply ${money(e.supply_usd)}, equity ${money(e.equity_usd)}`
          + `${e.paid_twice ? '<br>paid twice' : ''}<br>${e.deal_ids.map(escape).join(', ')}` },
      }));
      // The names drawn in red, for readers and tests that cannot see colours.
      element.dataset.redNames = JSON.stringify(nodes.filter(n => n.label.color === red).map(n => n.name));
      // A "size by" control next to the map redraws it (assigned, not added, so redraws never stack handlers).
      const control = element.ownerDocument.querySelector('select[data-size-for="deals-map"]');
      if (control) {
        control.value = sizeBy;
        control.onchange = () => {
          element.dataset.sizeBy = control.value;
          global.echarts.getInstanceByDom(element).dispose();
          charts.dealsMap(element, data);
        };
      }
      return mount(element, {
        tooltip: { trigger: 'item' },
        legend: { top: 0, data: ['provider', 'provider supplying rivals', 'lab'] },
        series: [{
          // Room for the names either side, a quarter of the width at most, so a phone still has a map between them.
          type: 'graph', layout: 'none', roam: true, emphasis: { focus: 'adjacency' },
          left: Math.min(150, 0.25 * element.clientWidth), right: Math.min(150, 0.25 * element.clientWidth), top: 48, bottom: 24,
          categories: [{ name: 'provider', itemStyle: { color: '#0072B2' } }, { name: 'provider supplying rivals', itemStyle: { color: red } }, { name: 'lab', itemStyle: { color: '#009E73' } }],
          edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6, data: nodes, links: links,
        }],
      }, nodes.length + links.length);
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
          case 'operating-histogram': if (data.stress && data.stress.operating_histogram) drawn.push(charts.payoffHistogram(element, data, 'operating_histogram')); break;
          case 'cash-flow': if (data.stress && data.stress.cash_flow) drawn.push(charts.cashFlow(element, data)); break;
          case 'fan-revenue': if (data.stress) drawn.push(charts.fan(element, data, 'revenue', 'revenue (USD per month)', money)); break;
          case 'fan-used': if (data.stress) drawn.push(charts.fan(element, data, 'used_mw', 'used MW', mw)); break;
          case 'fan-idle': if (data.stress) drawn.push(charts.fan(element, data, 'idle_mw', 'idle MW', mw)); break;
          case 'tornado': if (data.stress && data.stress.tornado) drawn.push(charts.tornado(element, data)); break;
          case 'tenant-fill': if (data.tenant_fill) drawn.push(charts.tenantFill(element, data)); break;
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

  global.Quartermaster = { charts: charts, renderAll: renderAll, stackTables: stackTables, money: money, percent: percent, tenantColour: tenantColour, palette: palette };
})(window);
