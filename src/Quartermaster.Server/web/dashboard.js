// The dashboard of qm serve: sign in with an API key, then the provider view (all tenants, plan,
// stress runs followed live) or the tenant view (its own contracts, fill and SLA, nothing else).
// Every number comes from the JSON API with the key; charts come from charts.js, as in the report.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const storageKey = 'quartermaster-key';
  let key = sessionStorage.getItem(storageKey);

  async function api(path, options) {
    const response = await fetch(path, Object.assign({}, options, { headers: { Authorization: 'Bearer ' + key } }));
    if (response.status === 401) throw new Error('key not recognised or revoked');
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    return response.status === 204 ? null : response.json();
  }

  function cells(row, tag) { return '<tr>' + row.map(c => `<${tag}${typeof c === 'number' ? ' class="num"' : ''}>${c}</${tag}>`).join('') + '</tr>'; }
  function table(element, header, rows) {
    element.innerHTML = cells(header, 'th') + rows.map(r => cells(r, 'td')).join('');
    Quartermaster.stackTables(element.parentNode);
  }
  function escape(text) { const d = document.createElement('div'); d.textContent = String(text); return d.innerHTML; }
  const money = v => Quartermaster.money(v);
  const pct = v => Quartermaster.percent(v);
  const mw = v => Math.round(v).toLocaleString('en-US');

  function draw(scope, data) { Quartermaster.renderAll(scope, data); }

  async function signIn(candidate) {
    key = candidate;
    const me = await api('/api/v1/me');
    sessionStorage.setItem(storageKey, key);
    $('signin-section').hidden = true;
    $('sign-out').hidden = false;
    $('who').textContent = me.tenant_id ? `tenant ${me.tenant_id}` : me.role;
    document.body.dataset.role = me.role;
    const books = await api('/api/v1/books');
    if (books.length === 0) throw new Error('no book is stored yet');
    const bookId = books[0].book_id;
    if (me.tenant_id) await showTenant(bookId, me.tenant_id); else await showProvider(bookId, me.role);
    document.body.dataset.ready = 'true';
  }

  async function showProvider(bookId, role) {
    const view = await api(`/api/v1/books/${encodeURIComponent(bookId)}/dashboard`);
    $('provider-view').hidden = false;
    $('book-title').textContent = `${view.book_id} (version ${view.version})`;
    $('book-note').textContent = view.plan ? `Plan ${view.plan_id} under ${view.plan.policy}.` : 'No plan yet.';
    draw($('provider-view'), { tenants: view.tenants, capacity: view.capacity, plan: view.plan });
    // Each short contract's bottleneck (the sites whose full pools bind it) and the MW at one pool that would fill it.
    const names = new Map(view.tenants.map(t => [t.id, t.name || t.id]));
    const range = (lo, hi) => (Math.round(lo) === Math.round(hi) ? mw(hi) : `${mw(lo)}-${mw(hi)}`);
    $('why-short-none').hidden = view.why_short.length > 0 || !view.plan;
    table($('why-short'), ['contract', 'tenant', 'months', 'MW short', 'bottleneck sites', 'why', 'would fill it'],
      view.why_short.map(r => [escape(r.contract_id), escape(names.get(r.tenant_id) || r.tenant_id), r.from === r.to ? r.from : `${r.from} to ${r.to}`,
        range(r.min_short_mw, r.max_short_mw), escape(r.bottleneck_sites.join(', ') || '-'), escape(r.reason_text), escape(r.counterfactual || '-')]));
    await showVersions(bookId);
    await QuartermasterWhatIf.setUp(bookId, key, { api: api, table: table, escape: escape, mw: mw });
    await showDeals();
    const button = $('run-stress');
    button.hidden = role !== 'admin';
    button.onclick = () => runStress(bookId);
  }

  // The version picker: two stored versions of the book and what changed between them (GET .../versions/{a}/diff/{b}).
  async function showVersions(bookId) {
    const versions = await api(`/api/v1/books/${encodeURIComponent(bookId)}/versions`);
    if (versions.length < 2) return;
    const options = versions.map(v => `<option value="${v.version}">${v.version} (${escape(v.created_at.slice(0, 10))}, ${escape(v.created_by)})</option>`).join('');
    $('diff-old').innerHTML = options;
    $('diff-new').innerHTML = options;
    $('diff-old').value = String(versions[versions.length - 2].version);
    $('diff-new').value = String(versions[versions.length - 1].version);
    $('versions-section').hidden = false;
    $('diff-form').onsubmit = event => { event.preventDefault(); showDiff(bookId).catch(e => { $('diff-summary').textContent = e.message; }); };
    await showDiff(bookId);
  }

  async function showDiff(bookId) {
    const [a, b] = [$('diff-old').value, $('diff-new').value];
    const diff = await api(`/api/v1/books/${encodeURIComponent(bookId)}/versions/${a}/diff/${b}`);
    const e = diff.effect;
    const signed = (text, v) => (v > 0 ? '+' : '') + text;
    $('diff-summary').textContent = diff.changes.length === 0 ? `No change from ${diff.old} to ${diff.new}.`
      : `From ${diff.old} to ${diff.new}: ${diff.changes.length} ${diff.changes.length === 1 ? 'entity' : 'entities'} added, removed or changed.`;
    table($('diff-changes'), ['entity', 'id', 'change', 'field', 'old', 'new'],
      diff.changes.flatMap(c => c.fields.map(f => [escape(c.entity), escape(c.id), escape(c.kind), escape(f.field), escape(f.old ?? '-'), escape(f.new ?? '-')])));
    table($('diff-effect'), ['measure', 'old', 'new', 'change'], [
      ['revenue (price x allocated MW)', money(e.old_revenue_usd), money(e.new_revenue_usd), signed(money(e.revenue_delta_usd), e.revenue_delta_usd)],
      ['idle capacity (MW-months)', mw(e.old_idle_mw_months), mw(e.new_idle_mw_months), signed(mw(e.idle_delta_mw_months), e.idle_delta_mw_months)],
      ['committed (MW-months)', mw(e.old_committed_mw_months), mw(e.new_committed_mw_months), signed(mw(e.new_committed_mw_months - e.old_committed_mw_months), e.new_committed_mw_months - e.old_committed_mw_months)],
    ]);
    table($('diff-fills'), ['contract', 'tenant', 'months moved', 'from', 'to', 'mean fill old', 'mean fill new'],
      e.contracts.map(c => [escape(c.contract_id), escape(c.tenant_id), c.months_moved, c.first_month, c.last_month, pct(c.old_mean_fill_ratio), pct(c.new_mean_fill_ratio)]));
    document.body.dataset.diff = `${a}-${b}`;
  }

  // The market section: public deals, when the server was given a deals file (empty otherwise).
  async function showDeals() {
    const deals = await api('/api/v1/deals');
    $('deals-section').hidden = false;
    if (deals.map.nodes.length === 0) {
      // Said, not silently left out: a reader should know the market is missing, and why.
      $('deals-none').hidden = false;
      $('deals-charts').hidden = true;
      return;
    }
    draw($('deals-section'), { deals: deals });
  }

  async function runStress(bookId) {
    const button = $('run-stress');
    button.disabled = true;
    $('stress-progress-box').hidden = false;
    $('stress-results').hidden = true;
    const response = await fetch(`/api/v1/books/${encodeURIComponent(bookId)}/stress-runs`, { method: 'POST', headers: { Authorization: 'Bearer ' + key } });
    const location = response.headers.get('Location');
    let run = await response.json();
    while (run.status === 'queued' || run.status === 'running') {
      $('stress-progress').value = run.progress;
      $('stress-status').textContent = `${run.status}, ${pct(run.progress)}`;
      await new Promise(resolve => setTimeout(resolve, 250));
      run = await api(location);
    }
    $('stress-progress').value = run.progress;
    $('stress-status').textContent = run.status;
    button.disabled = false;
    if (run.status === 'succeeded') showStress(run.result);
  }

  function showStress(result) {
    const s = result.summary;
    // The operating book first, then the stakes and the whole book: the stakes must not hide the contracts.
    const lines = [['operating book', s.operating], ['stakes', s.stakes], ['whole book', s.payoff]];
    table($('stress-summary'), ['line', 'futures', 'mean payoff (95% CI)', 'P5', 'P50', 'P95', 'VaR95', 'CVaR95', 'P(loss)'],
      lines.map(([name, p]) => [name, s.paths.toLocaleString('en-US'), `${money(p.mean)} (${money(p.ci95[0])} to ${money(p.ci95[1])})`,
        money(p.p5), money(p.p50), money(p.p95), money(p.var95), money(p.cvar95), pct(p.p_loss)]));
    $('stress-sentences').innerHTML = s.summary.map(t => `<li>${escape(t)}</li>`).join('');
    table($('win-either-way'), ['outcome', 'share of futures', 'operating mean', 'operating P(loss)', 'whole book mean', 'whole book P(loss)'],
      s.win_either_way.map(r => [escape(r.outcome), pct(r.share), money(r.operating_mean), pct(r.operating_p_loss), money(r.payoff_mean), pct(r.p_loss)]));
    $('stress-results').hidden = false;
    draw($('stress-results'), { stress: result.charts });
    document.body.dataset.stress = 'done';
  }

  async function showTenant(bookId, tenantId) {
    const base = `/api/v1/books/${encodeURIComponent(bookId)}/tenants/${encodeURIComponent(tenantId)}`;
    const [tenant, contracts, fill, sla] = await Promise.all([api(base), api(base + '/contracts'), api(base + '/fill'), api(base + '/sla')]);
    $('tenant-view').hidden = false;
    $('tenant-title').textContent = `${tenant.name || tenant.id}: your capacity`;
    draw($('tenant-view'), { tenant_fill: fill });
    table($('tenant-contracts'), ['contract', 'term', 'price per MW-month', 'take-or-pay', 'regions', 'chips'],
      contracts.map(c => [escape(c.id), `${c.start} to ${c.end}`, money(c.price_per_mw_month_usd), pct(c.take_or_pay_fraction),
        escape((c.regions || []).join(', ')), escape((c.chips || []).join(', '))]));
    table($('tenant-sla'), ['contract', 'committed MW-months', 'allocated MW-months', 'lowest fill', 'months short'],
      sla.contracts.map(c => [escape(c.contract_id), mw(c.committed_mw_months), mw(c.allocated_mw_months), pct(c.min_fill_ratio), c.shortfall_months.length]));
    // Consecutive short months of one contract with the same reason read as one line.
    const spans = [];
    sla.contracts.forEach(c => c.shortfall_months.forEach(m => {
      const last = spans[spans.length - 1];
      const next = last && last.contract === c.contract_id && last.reason === m.reason && monthAfter(last.to) === m.month;
      if (next) { last.to = m.month; last.most = Math.max(last.most, m.shortfall_mw); } else spans.push({ contract: c.contract_id, from: m.month, to: m.month, most: m.shortfall_mw, reason: m.reason });
    }));
    $('tenant-short-none').hidden = spans.length > 0;
    table($('tenant-short'), ['contract', 'months', 'most MW short in a month', 'why'],
      spans.map(x => [escape(x.contract), x.from === x.to ? x.from : `${x.from} to ${x.to}`, mw(x.most), escape(x.reason)]));
  }

  function monthAfter(month) {
    const [y, m] = month.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }

  function showError(error) {
    $('signin-section').hidden = false;
    $('provider-view').hidden = true;
    $('tenant-view').hidden = true;
    $('signin-error').hidden = false;
    $('signin-error').textContent = 'Could not sign in: ' + error.message;
    sessionStorage.removeItem(storageKey);
  }

  $('signin').addEventListener('submit', event => {
    event.preventDefault();
    $('signin-error').hidden = true;
    signIn($('key').value.trim()).catch(showError);
  });
  $('sign-out').addEventListener('click', () => { sessionStorage.removeItem(storageKey); location.reload(); });
  if (key) signIn(key).catch(showError);
})();
