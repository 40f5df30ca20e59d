// Seen coverage page: pick a demo user; supervisors see their team (charts, tables, lists, CSV), partnership leads anonymised figures.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var els = { user: $('user'), practitioner: $('practitioner'), practitionerWrap: $('practitioner-wrap'), period: $('period'), csv: $('csv'), status: $('status'), team: $('team'), partnership: $('partnership') };
  var me = null;
  var charts = {};

  function setStatus(text, isError) { els.status.textContent = text || ''; els.status.classList.toggle('error', Boolean(isError)); }
  function pct(count, total) { return total === 0 ? 0 : Math.round((100 * count) / total); }
  function query(extra) {
    var p = new URLSearchParams({ user: els.user.value, period: els.period.value });
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

  function renderTeam(r) {
    var L = me.labels;
    $('team-heading').textContent = L.pageTitle + ': ' + r.team + ' — ' + r.openCases + ' open cases, ' + r.men + ' men (' + r.today + ')';
    var rows = [['father_seen', L.seen, r.fatherSeen]].concat(Object.keys(L.domains).map(function (d) { return ['own_account_' + d, L.domains[d], r.domains[d]]; }), [['crying_discussed', L.crying, r.crying], ['info_sought', L.info, r.infoSought]]);
    var body = document.querySelector('#team-figures tbody');
    body.textContent = '';
    rows.forEach(function (x) {
      var tr = document.createElement('tr');
      tr.dataset.measure = x[0];
      cell(tr, x[1]); cell(tr, x[2].count, 'num count'); cell(tr, x[2].total, 'num total'); cell(tr, pct(x[2].count, x[2].total), 'num percent');
      body.appendChild(tr);
    });
    $('share-note').textContent = L.shareNote;
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
    els.csv.href = '/api/coverage/team.csv?' + query();
    els.csv.hidden = false;
    els.team.hidden = false;
  }

  function renderPartnership(p) {
    var L = me.labels;
    $('partnership-heading').textContent = L.partnershipTitle + ' (' + p.today + ')';
    $('seen-head').textContent = L.fatherSeenRate; $('detailed-head').textContent = L.detailedRate; $('never-heading').textContent = L.neverExploredTitle;
    var body = document.querySelector('#partnership-figures tbody'); body.textContent = '';
    p.teams.forEach(function (t) {
      var tr = document.createElement('tr'); tr.dataset.team = t.team;
      cell(tr, t.team); cell(tr, t.openCases, 'num'); cell(tr, t.men, 'num'); cell(tr, t.menSeen + ' (' + pct(t.menSeen, t.men) + '%)', 'num seen'); cell(tr, t.menDetailed + ' (' + pct(t.menDetailed, t.men) + '%)', 'num detailed');
      body.appendChild(tr);
    });
    var nb = document.querySelector('#never-figures tbody'); nb.textContent = '';
    p.neverExplored.forEach(function (d) {
      var tr = document.createElement('tr'); tr.dataset.domain = d.domain;
      cell(tr, L.domains[d.domain]); cell(tr, d.count, 'num count'); cell(tr, d.total, 'num'); cell(tr, pct(d.count, d.total), 'num');
      nb.appendChild(tr);
    });
    chart('partnership-chart', bar(p.teams.map(function (t) { return t.team; }), [
      { label: L.fatherSeenRate + ' (%)', data: p.teams.map(function (t) { return pct(t.menSeen, t.men); }), backgroundColor: '#1d4f91' },
      { label: L.detailedRate + ' (%)', data: p.teams.map(function (t) { return pct(t.menDetailed, t.men); }), backgroundColor: '#f0b429' },
    ], false));
    chart('never-chart', bar(p.neverExplored.map(function (d) { return L.domains[d.domain]; }), [{ label: L.neverExploredTitle + ' (%)', data: p.neverExplored.map(function (d) { return pct(d.count, d.total); }), backgroundColor: '#b42318' }], true));
    $('partnership-csv').href = '/api/coverage/partnership.csv?' + query();
    els.partnership.hidden = false;
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
      if (me.views.partnership) renderPartnership(await api('/api/coverage/partnership?' + query({ practitioner: '' }).replace(/&?practitioner=/, '')));
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
    data.users.forEach(function (u) { els.user.add(new Option(u.name + ' (' + u.role.replace('_', ' ') + ', ' + u.team + ')', u.id)); });
    var wanted = new URLSearchParams(location.search).get('user');
    if (wanted) els.user.value = wanted;
    [els.user, els.practitioner, els.period].forEach(function (s) { s.addEventListener('change', function () { document.body.dataset.ready = 'false'; refresh(); }); });
    await refresh();
  }
  start().catch(function (e) { setStatus(e.message, true); });
})();
