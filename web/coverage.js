// Seen coverage page: pick a demo user; supervisors see their team (charts, tables, lists, CSV), partnership leads anonymised figures.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var els = { user: $('user'), practitioner: $('practitioner'), practitionerWrap: $('practitioner-wrap'), period: $('period'), trend: $('trend'), csv: $('csv'), status: $('status'), team: $('team'), partnership: $('partnership') };
  var me = null;
  var charts = {};

  function setStatus(text, isError) { els.status.textContent = text || ''; els.status.classList.toggle('error', Boolean(isError)); }
  function pct(count, total) { return total === 0 ? 0 : Math.round((100 * count) / total); }
  function query(extra) {
    var p = new URLSearchParams({ user: els.user.value, period: els.period.value, trend: els.trend.value });
    if (els.practitioner.value && me && me.views.team) p.set('practitioner', els.practitioner.value);
    Object.keys(extra || {}).forEach(function (k) { p.set(k, extra[k]); });
    return p.toString();
  }
  async function api(path, options) {
    var res = await fetch(path, Object.assign({ headers: { Accept: 'application/json', 'Content-Type': 'application/json' } }, options || {}));
    var data = await res.json().catch(function () { return null; });
    if (!res.ok) { var e = new Error((data && data.error && data.error.message) || 'request failed'); e.status = res.status; throw e; }
    return data;
  }
  function cell(row, text, cls) { var td = document.createElement('td'); td.textContent = String(text); if (cls) td.className = cls; row.appendChild(td); return td; }
  function chart(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new window.Chart($(id), config);
  }
  var bar = function (labels, datasets, horizontal) {
    return { type: 'bar', data: { labels: labels, datasets: datasets }, options: { indexAxis: horizontal ? 'y' : 'x', animation: false, maintainAspectRatio: false, scales: { x: { beginAtZero: true, max: horizontal ? 100 : undefined }, y: { beginAtZero: true, max: horizontal ? undefined : 100 } } } };
  };

  // A count that opens the men and cases behind it.
  function drillCell(tr, measure, unit, label, count) {
    var td = cell(tr, '', 'num count ' + unit);
    var a = document.createElement('a'); a.href = '#'; a.className = 'drill'; a.textContent = String(count);
    a.dataset.measure = measure; a.dataset.unit = unit;
    a.addEventListener('click', function (e) { e.preventDefault(); openMembers(measure, unit, label).catch(function (err) { setStatus(err.message, true); }); });
    td.appendChild(a);
    return td;
  }

  function showDrill(title) {
    $('drill-heading').textContent = title;
    var body = $('drill-body'); body.textContent = '';
    var d = $('drill'); if (!d.open) d.showModal();
    return body;
  }

  async function openMembers(measure, unit, label) {
    var m = await api('/api/coverage/team/members?' + query({ measure: measure, unit: unit }).replace(/&trend=\d+/, ''));
    var body = showDrill(label + ' — ' + m.total + ' ' + (unit === 'cases' ? me.labels.unitMen + ' (' + me.labels.unitCases + ')' : me.labels.unitMen));
    var table = document.createElement('table'); table.className = 'figures'; table.id = 'members'; table.dataset.total = String(m.total);
    var tb = document.createElement('tbody'); table.appendChild(tb);
    if (m.items.length === 0) { var tr0 = document.createElement('tr'); cell(tr0, me.labels.empty); tb.appendChild(tr0); }
    m.items.forEach(function (i) {
      var tr = document.createElement('tr'); tr.dataset.caseRef = i.caseRef; tr.dataset.manId = i.manId;
      var td = cell(tr, ''); var a = document.createElement('a'); a.href = '#'; a.className = 'drill case'; a.textContent = i.caseRef;
      a.addEventListener('click', function (e) { e.preventDefault(); openCase(i.caseRef).catch(function (err) { setStatus(err.message, true); }); });
      td.appendChild(a);
      cell(tr, i.manName); cell(tr, m.practitionerNames[i.practitionerId] || i.practitionerId); cell(tr, i.lastSeen ? i.lastSeen : 'never seen');
      tb.appendChild(tr);
    });
    body.appendChild(table);
  }

  // One case, read-only: each man's topics (last explored, whose account) and his latest summary's sections.
  async function openCase(ref) {
    var c = await api('/api/coverage/case?' + new URLSearchParams({ user: els.user.value, ref: ref }).toString());
    var body = showDrill(c.caseRef + ' (' + c.team + ')');
    c.men.forEach(function (m) {
      var h = document.createElement('h3'); h.textContent = m.name + ' — ' + m.role; body.appendChild(h);
      var table = document.createElement('table'); table.className = 'figures topics'; table.dataset.manId = m.manId;
      var tb = document.createElement('tbody'); table.appendChild(tb);
      m.topics.forEach(function (tpc) {
        var tr = document.createElement('tr'); tr.dataset.domain = tpc.domain;
        cell(tr, tpc.title); cell(tr, tpc.whose, 'whose'); cell(tr, tpc.lastExplored || '—', 'last-explored');
        tb.appendChild(tr);
      });
      body.appendChild(table);
      if (!m.latest) return;
      var sum = document.createElement('section'); sum.className = 'summary-section';
      var st = document.createElement('h4'); st.textContent = m.latest.title + ' · ' + m.latest.subtitle; sum.appendChild(st);
      m.latest.sections.forEach(function (sec) {
        var sh = document.createElement('h4'); sh.textContent = sec.heading; sum.appendChild(sh);
        var dl = document.createElement('dl');
        sec.facts.forEach(function (f) { var dt = document.createElement('dt'); dt.textContent = f[0]; var dd = document.createElement('dd'); dd.textContent = f[1]; dl.appendChild(dt); dl.appendChild(dd); });
        sum.appendChild(dl);
        sec.lines.forEach(function (l) { var p = document.createElement('p'); p.textContent = l; sum.appendChild(p); });
      });
      body.appendChild(sum);
    });
  }

  function renderTeam(r) {
    var L = me.labels;
    $('team-heading').textContent = L.pageTitle + ': ' + r.team + ' — ' + r.openCases + ' open cases, ' + r.men + ' men (' + r.today + ')';
    var rows = [['father_seen', L.seen, r.fatherSeen, r.byMan.fatherSeen]].concat(
      Object.keys(L.domains).map(function (d) { return ['own_account_' + d, L.domains[d], r.domains[d], r.byMan.domains[d]]; }),
      [['crying_discussed', L.crying, r.crying, r.byMan.crying], ['info_sought', L.info, r.infoSought, r.byMan.infoSought], ['detailed_picture', L.detailedRate, null, r.byMan.detailed]]);
    var body = document.querySelector('#team-figures tbody');
    body.textContent = '';
    rows.forEach(function (x) {
      var tr = document.createElement('tr');
      tr.dataset.measure = x[0];
      cell(tr, x[1]);
      if (x[2]) { drillCell(tr, x[0], 'cases', x[1], x[2].count); cell(tr, x[2].total, 'num total cases'); cell(tr, pct(x[2].count, x[2].total), 'num percent cases'); } else { cell(tr, ''); cell(tr, ''); cell(tr, ''); }
      drillCell(tr, x[0], 'men', x[1], x[3].count); cell(tr, x[3].total, 'num total men'); cell(tr, pct(x[3].count, x[3].total), 'num percent men');
      body.appendChild(tr);
    });
    $('share-note').textContent = L.shareNote;
    $('period-note').textContent = r.since ? L.periodNote.replace('{since}', r.since) : '';
    rows = rows.filter(function (x) { return x[2]; });
    chart('team-chart', bar(rows.map(function (x) { return x[1]; }), [{ label: '% of open cases', data: rows.map(function (x) { return pct(x[2].count, x[2].total); }), backgroundColor: '#1d4f91' }], true));
    var lists = $('lists');
    lists.textContent = '';
    Object.keys(L.lists).forEach(function (id) {
      var list = r.lists[id];
      var h = document.createElement('h3'); h.textContent = L.lists[id] + ' (' + list.total + ')'; lists.appendChild(h);
      var table = document.createElement('table'); table.className = 'figures'; table.dataset.list = id; table.dataset.total = String(list.total);
      var tb = document.createElement('tbody'); table.appendChild(tb);
      if (list.items.length === 0) { var tr0 = document.createElement('tr'); cell(tr0, L.empty); tb.appendChild(tr0); }
      list.items.forEach(function (i) {
        var tr = document.createElement('tr');
        cell(tr, i.caseRef); cell(tr, i.manName); cell(tr, r.practitionerNames[i.practitionerId] || i.practitionerId);
        cell(tr, id === 'domainsNeverExplored' ? i.neverExplored.map(function (d) { return L.domains[d]; }).join(', ') : id === 'factorsNotDiscussed' ? i.factorCount + ' factors' : i.lastSeen ? i.lastSeen + ' (' + i.daysSinceSeen + ' days)' : 'never seen');
        if (id === 'factorsNotDiscussed') {
          var td = cell(tr, ''); var b = document.createElement('button'); b.type = 'button'; b.textContent = L.discussed;
          b.addEventListener('click', function () { markDiscussed(i.caseRef, i.manId, b); }); td.appendChild(b);
        }
        tb.appendChild(tr);
      });
      lists.appendChild(table);
    });
    // Overdue actions, by practitioner (issue 17.6).
    var oh = document.createElement('h3'); oh.textContent = L.overdueTitle + ' (' + r.overdueActions.total + ')'; lists.appendChild(oh);
    var ot = document.createElement('table'); ot.className = 'figures'; ot.dataset.list = 'overdueActions'; ot.dataset.total = String(r.overdueActions.total);
    var otb = document.createElement('tbody'); ot.appendChild(otb);
    if (r.overdueActions.items.length === 0) { var o0 = document.createElement('tr'); cell(o0, L.empty); otb.appendChild(o0); }
    r.overdueActions.items.forEach(function (a) {
      var tr = document.createElement('tr'); tr.dataset.owner = a.ownerId;
      cell(tr, r.practitionerNames[a.ownerId] || a.ownerId); cell(tr, a.caseRef); cell(tr, a.manName); cell(tr, a.text); cell(tr, a.dueOn + ' (' + a.daysOverdue + ' days)');
      otb.appendChild(tr);
    });
    lists.appendChild(ot);
    renderTrend('team', r.trend, function (f) { return f; });
    els.csv.href = '/api/coverage/team.csv?' + query();
    els.csv.hidden = false;
    els.team.hidden = false;
  }

  // A published share: "5 (56%)", or the suppression wording where Seen withholds it.
  function shown(sh) { return sh.count === null ? me.labels.suppressed : sh.percent === null ? String(sh.count) : sh.count + ' (' + sh.percent + '%)'; }
  function num(n) { return n === null ? me.labels.suppressed : String(n); }

  function renderPartnership(p) {
    var L = me.labels;
    $('partnership-heading').textContent = L.partnershipTitle + ' (' + p.today + ')';
    $('cases-seen-head').textContent = L.casesSeenRate; $('seen-head').textContent = L.fatherSeenRate; $('detailed-head').textContent = L.detailedRate; $('never-heading').textContent = L.neverExploredTitle;
    $('suppression-note').textContent = L.suppressionNote;
    var body = document.querySelector('#partnership-figures tbody'); body.textContent = '';
    p.teams.concat([p.all]).forEach(function (t) {
      var tr = document.createElement('tr'); tr.dataset.team = t.team;
      cell(tr, t.team); cell(tr, num(t.openCases), 'num open-cases'); cell(tr, shown(t.casesSeen), 'num cases-seen'); cell(tr, num(t.men), 'num men');
      cell(tr, shown(t.menSeen), 'num seen'); cell(tr, shown(t.menDetailed), 'num detailed');
      body.appendChild(tr);
    });
    var nb = document.querySelector('#never-figures tbody'); nb.textContent = '';
    p.neverExplored.forEach(function (d) {
      var tr = document.createElement('tr'); tr.dataset.domain = d.domain;
      cell(tr, L.domains[d.domain]); cell(tr, num(d.share.count), 'num count'); cell(tr, num(d.share.total), 'num'); cell(tr, d.share.percent === null ? L.suppressed : d.share.percent, 'num');
      nb.appendChild(tr);
    });
    // Suppressed figures are left out of the charts (a gap), never drawn as zero.
    var val = function (sh) { return sh.percent; };
    chart('partnership-chart', bar(p.teams.map(function (t) { return t.team; }), [
      { label: L.fatherSeenRate + ' (%)', data: p.teams.map(function (t) { return val(t.menSeen); }), backgroundColor: '#1d4f91' },
      { label: L.detailedRate + ' (%)', data: p.teams.map(function (t) { return val(t.menDetailed); }), backgroundColor: '#f0b429' },
    ], false));
    chart('never-chart', bar(p.neverExplored.map(function (d) { return L.domains[d.domain]; }), [{ label: L.neverExploredTitle + ' (%)', data: p.neverExplored.map(function (d) { return d.share.percent; }), backgroundColor: '#b42318' }], true));
    renderTrend('partnership', p.trend, null);
    $('partnership-csv').href = '/api/coverage/partnership.csv?' + query();
    els.partnership.hidden = false;
  }

  // The trend: a line chart of the main shares by month and a table of every measure (team: raw fractions; partnership: published).
  function renderTrend(prefix, trend, raw) {
    var L = me.labels;
    $(prefix + '-trend-heading').textContent = L.trendTitle.replace('{months}', String(trend.length));
    document.querySelectorAll('#' + prefix + ' .trend-note').forEach(function (n) { n.textContent = L.trendNote; });
    var measures = [['father_seen', L.seen, function (m) { return m.fatherSeen; }]].concat(
      Object.keys(L.domains).map(function (d) { return ['own_account_' + d, L.domains[d], function (m) { return m.domains[d]; }]; }),
      [['crying_discussed', L.crying, function (m) { return m.crying; }], ['info_sought', L.info, function (m) { return m.infoSought; }], ['detailed_picture', L.detailedRate, function (m) { return m.detailed; }]]);
    var table = $(prefix + '-trend');
    var head = document.createElement('tr'); cell(head, ''); trend.forEach(function (m) { cell(head, m.month, 'num'); });
    table.tHead.textContent = ''; table.tHead.appendChild(head);
    var tb = table.tBodies[0]; tb.textContent = '';
    var menRow = document.createElement('tr'); menRow.dataset.measure = 'men'; cell(menRow, L.trendMen);
    trend.forEach(function (m) { var td = cell(menRow, raw ? m.men : num(m.men), 'num'); td.dataset.month = m.month; });
    tb.appendChild(menRow);
    measures.forEach(function (x) {
      var tr = document.createElement('tr'); tr.dataset.measure = x[0]; cell(tr, x[1]);
      trend.forEach(function (m) {
        var f = x[2](m);
        var td = cell(tr, raw ? f.count + ' (' + pct(f.count, f.total) + '%)' : shown(f), 'num');
        td.dataset.month = m.month; td.dataset.count = f.count === null ? '' : String(f.count);
      });
      tb.appendChild(tr);
    });
    var share = function (f) { return raw ? (f.total === 0 ? null : pct(f.count, f.total)) : f.percent; };
    chart(prefix + '-trend-chart', { type: 'line', data: { labels: trend.map(function (m) { return m.month; }), datasets: [
      { label: L.seen + ' (%)', data: trend.map(function (m) { return share(m.fatherSeen); }), borderColor: '#1d4f91', backgroundColor: '#1d4f91', spanGaps: false },
      { label: L.detailedRate + ' (%)', data: trend.map(function (m) { return share(m.detailed); }), borderColor: '#f0b429', backgroundColor: '#f0b429', spanGaps: false },
    ] }, options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, max: 100 } } } });
  }

  async function markDiscussed(caseRef, manId, button) {
    button.disabled = true;
    try {
      await api('/api/coverage/discussions?user=' + encodeURIComponent(els.user.value), { method: 'POST', body: JSON.stringify({ caseRef: caseRef, manId: manId }) });
      await refresh();
    } catch (e) { button.disabled = false; setStatus(e.message, true); }
  }

  async function refresh() {
    els.team.hidden = true; els.partnership.hidden = true; els.csv.hidden = true;
    if (!els.user.value) return setStatus('');
    setStatus('Loading…');
    try {
      if (!me || me.user.id !== els.user.value) {
        me = await api('/api/coverage/me?user=' + encodeURIComponent(els.user.value));
        els.practitioner.length = 1;
        me.practitioners.forEach(function (p) { els.practitioner.add(new Option(p.name, p.id)); });
        els.practitionerWrap.hidden = !me.views.team;
      }
      if (!me.views.team && !me.views.partnership) return setStatus(me.labels.refusedRole, true);
      if (me.views.team) renderTeam(await api('/api/coverage/team?' + query()));
      if (me.views.partnership) renderPartnership(await api('/api/coverage/partnership?' + query({ practitioner: '' }).replace(/&?practitioner=(?=&|$)/, '')));
      setStatus('');
      document.body.dataset.ready = 'true';
    } catch (e) { setStatus(e.message, true); }
  }

  async function start() {
    // Signed in: the session says who this is (the server ignores ?user= outside demo mode); no picker.
    var session = await api('/api/session');
    if (session.mode === 'signed-in') {
      els.user.add(new Option(session.user.name, session.user.id));
      els.user.value = session.user.id;
      els.user.disabled = true;
      els.period.addEventListener('change', function () { document.body.dataset.ready = 'false'; refresh(); });
      els.practitioner.addEventListener('change', function () { document.body.dataset.ready = 'false'; refresh(); });
      return refresh();
    }
    var data = await api('/api/demo-users');
    data.users.forEach(function (u) { els.user.add(new Option(u.name + ' (' + (u.roleLabel || u.role) + ', ' + u.team + ')', u.id)); });
    var wanted = new URLSearchParams(location.search).get('user');
    if (wanted) els.user.value = wanted;
    $('print').addEventListener('click', function () { window.print(); });
    // Charts are redrawn at the printed width, so they are kept (not cut or stretched) on A4.
    window.addEventListener('beforeprint', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
    [els.user, els.practitioner, els.period, els.trend].forEach(function (s) { s.addEventListener('change', function () { document.body.dataset.ready = 'false'; refresh(); }); });
    await refresh();
  }
  start().catch(function (e) { setStatus(e.message, true); });
})();
