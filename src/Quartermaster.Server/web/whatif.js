// The provider dashboard's "What if" panel: a proposed contract or site delay, written as a proposal in the book's
// own format and sent to POST /api/v1/books/{book}/quotes; the answer (headroom, what signing takes from the other
// contracts, neutrality, the change of risk, alerts, the verdict) is shown beside the current book.
(function (global) {
  'use strict';
  const $ = id => document.getElementById(id);
  const money = v => Quartermaster.money(v);
  const pct = v => Quartermaster.percent(v);
  const pts = v => (v > 0 ? '+' : '') + Quartermaster.percent(v).replace('%', ' pts');
  // Alert values are a share (top tenant) or a ratio (committed against online), as the rule says.
  const alertValue = (rule, v) => (/share/.test(rule) ? pct(v) : v.toFixed(2) + 'x');
  const signed = v => (v > 0 ? '+' : '') + money(v);
  // The dashboard's own table writer, escaping and MW format, handed over by setUp.
  let table, escape, mw;
  const list = text => text.split(',').map(s => s.trim()).filter(s => s !== '');
  // YAML scalars are quoted, so a name or id typed in the form can never change the proposal's structure.
  const quote = text => JSON.stringify(String(text));

  // "2027-01: 300, 2028-01: 600" (or one figure: that many MW from the start) as the ramp's lines.
  function ramp(text, start) {
    const steps = text.includes(':') ? list(text).map(step => step.split(':').map(s => s.trim())) : [[start, text.trim()]];
    return steps.map(([month, value]) => {
      if (!/^\d{4}-\d{2}$/.test(month) || !(Number(value) > 0)) throw new Error(`the ramp step "${month}: ${value}" is not "YYYY-MM: MW"`);
      return `      ${month}: ${Number(value)} MW`;
    }).join('\n');
  }

  function proposal() {
    if ($('wi-kind-delay').checked) {
      const from = $('wi-from').value;
      return `proposal: ${quote(`Delay ${$('wi-site').value} by ${$('wi-delay').value} months`)}\nsites:\n`
        + `  - {id: ${quote($('wi-site').value)}, delay_months: ${Number($('wi-delay').value)}${from ? `, from: ${from}` : ''}}\n`;
    }
    const [tenant, start, end] = [$('wi-tenant').value, $('wi-start').value, $('wi-end').value];
    if (!start || !end) throw new Error('give the contract a start and an end month');
    const id = `what-if-${tenant}-${start}`.replace(/[^A-Za-z0-9._-]/g, '-');
    const chips = list($('wi-chips').value), regions = list($('wi-regions').value);
    return [
      `proposal: ${quote(`${$('wi-tenant').selectedOptions[0].textContent}: ${$('wi-ramp').value} MW from ${start}`)}`,
      'contracts:',
      `  - id: ${quote(id)}`,
      `    tenant: ${quote(tenant)}`,
      `    start: ${start}`,
      `    end: ${end}`,
      `    price: $${Number($('wi-price').value)}/MW-month`,
      `    take_or_pay: ${Number($('wi-top').value)}%`,
      chips.length ? `    chips: [${chips.map(quote).join(', ')}]` : null,
      regions.length ? `    regions: [${regions.map(quote).join(', ')}]` : null,
      '    ramp:',
      ramp($('wi-ramp').value, start),
      '',
    ].filter(l => l !== null).join('\n');
  }

  function charts(answer) {
    const headroom = answer.headroom[0];
    const headroomChart = echarts.init($('whatif-headroom-chart'), null, { renderer: 'svg' });
    headroomChart.setOption({
      animation: false, aria: { enabled: true }, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 16, right: 24, top: 40, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: headroom ? headroom.months.map(m => m.month) : [], name: 'month', nameLocation: 'middle', nameGap: 30, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: 'MW', nameLocation: 'end' },
      series: headroom ? [
        { name: 'fits without lowering any fill', type: 'line', step: 'end', symbol: 'none', areaStyle: { opacity: 0.3 }, itemStyle: { color: '#0072B2' }, data: headroom.months.map(m => m.headroom_mw) },
        { name: 'asked', type: 'line', step: 'end', symbol: 'none', lineStyle: { type: 'dashed', color: '#000' }, itemStyle: { color: '#000' }, data: headroom.months.map(m => m.committed_mw) },
      ] : [],
    });
    $('whatif-headroom-chart').dataset.rendered = 'true';
    const months = [...new Set(answer.costs.flatMap(c => c.months.map(m => m.month)))].sort();
    const fillChart = echarts.init($('whatif-fill-chart'), null, { renderer: 'svg' });
    fillChart.setOption({
      animation: false, aria: { enabled: true }, tooltip: { trigger: 'axis', valueFormatter: v => (v === null ? '-' : pct(v)) }, legend: { top: 0, type: 'scroll' },
      grid: { left: 16, right: 24, top: 40, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: months, name: 'month', nameLocation: 'middle', nameGap: 30, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: 'fill ratio', nameLocation: 'end', min: 0, max: 1, axisLabel: { formatter: v => pct(v) } },
      series: answer.costs.flatMap((c, i) => {
        const colour = Quartermaster.palette[i % Quartermaster.palette.length];
        const at = key => months.map(m => { const x = c.months.find(y => y.month === m); return x ? x[key] : null; });
        return [
          { name: `${c.contract_id} before`, type: 'line', symbol: 'none', lineStyle: { type: 'dashed', color: colour }, itemStyle: { color: colour }, data: at('old_fill_ratio') },
          { name: `${c.contract_id} after`, type: 'line', symbol: 'circle', lineStyle: { color: colour }, itemStyle: { color: colour }, data: at('new_fill_ratio') },
        ];
      }),
    });
    $('whatif-fill-chart').dataset.rendered = 'true';
  }

  function show(answer) {
    $('whatif-verdict').textContent = answer.verdict;
    const r = answer.risk;
    const lines = [['operating book', 'operating'], ['stakes', 'stakes'], ['whole book', 'total']];
    const ci = (c, f) => `${f(c.ci95_low)} to ${f(c.ci95_high)}`;
    table($('whatif-risk'), ['line', 'measure', 'today', 'signed', 'change', '95% CI'], lines.flatMap(([name, key]) => [
      [name, 'mean payoff', money(r.old[key].mean), money(r.new[key].mean), signed(r.change[key].mean.change), ci(r.change[key].mean, signed)],
      [name, 'P5 payoff', money(r.old[key].p5), money(r.new[key].p5), signed(r.change[key].p5.change), ci(r.change[key].p5, signed)],
      [name, 'P(loss)', pct(r.old[key].p_loss), pct(r.new[key].p_loss), pts(r.change[key].probability_of_loss.change), ci(r.change[key].probability_of_loss, pts)],
    ]));
    table($('whatif-costs'), ['contract', 'tenant', 'months changed', 'MW-months lost', 'lowest fill after'],
      answer.costs.map(c => [escape(c.contract_id), escape(c.tenant_name), c.months.length, mw(c.mw_months_lost), pct(c.lowest_new_fill_ratio)]));
    if (answer.costs.length === 0) $('whatif-costs').innerHTML += '<tr><td colspan="5">No existing contract loses anything.</td></tr>';
    table($('whatif-alerts'), ['rule', 'today', 'signed', ''],
      answer.alerts.map(a => [escape(a.rule), alertValue(a.rule, a.old_value), alertValue(a.rule, a.new_value), a.newly_crossed ? '<strong>newly crossed</strong>' : a.new_crossed ? 'still crossed' : 'not crossed']));
    $('whatif-answer').hidden = false;
    charts(answer);
    document.body.dataset.whatif = 'answered';
  }

  async function ask(bookId, key) {
    $('whatif-error').hidden = true;
    $('whatif-submit').disabled = true;
    try {
      const response = await fetch(`/api/v1/books/${encodeURIComponent(bookId)}/quotes`,
        { method: 'POST', headers: { Authorization: 'Bearer ' + key, 'Content-Type': 'application/yaml' }, body: proposal() });
      const body = await response.json();
      if (!response.ok) {
        const errors = (body.errors || []).map(e => (typeof e === 'string' ? e : e.message || JSON.stringify(e)));
        throw new Error([body.detail, ...errors].filter(Boolean).join('; '));
      }
      show(body);
    } catch (e) {
      $('whatif-error').textContent = 'Could not quote it: ' + e.message;
      $('whatif-error').hidden = false;
      document.body.dataset.whatif = 'error';
    } finally {
      $('whatif-submit').disabled = false;
    }
  }

  // Called by the dashboard once a provider has signed in, with its API call and table helpers: fills the form's
  // choices from the book.
  async function setUp(bookId, key, tools) {
    const api = tools.api;
    ({ table, escape, mw } = tools);
    const [tenants, sites] = await Promise.all([api(`/api/v1/books/${encodeURIComponent(bookId)}/tenants`), api(`/api/v1/books/${encodeURIComponent(bookId)}/sites`)]);
    $('wi-tenant').innerHTML = tenants.map(t => `<option value="${escape(t.id)}">${escape(t.name || t.id)}</option>`).join('');
    $('wi-site').innerHTML = sites.map(s => `<option value="${escape(s.id)}">${escape(s.id)} (${escape(s.region)})</option>`).join('');
    const kind = () => { $('whatif-contract').hidden = $('wi-kind-delay').checked; $('whatif-delay').hidden = !$('wi-kind-delay').checked; };
    $('wi-kind-contract').onchange = kind;
    $('wi-kind-delay').onchange = kind;
    $('whatif-form').onsubmit = event => { event.preventDefault(); ask(bookId, key); };
    $('whatif-section').hidden = false;
  }

  global.QuartermasterWhatIf = { setUp: setUp };
})(window);
