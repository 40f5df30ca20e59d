// Seen's coverage tab inside Teams: teams-js gets a Teams SSO token; every API call carries it; Seen finds the user by its oid.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var labels = null;
  var me = null;
  var token = null;
  var chart = null;

  function setStatus(text, isError) { $('status').textContent = text || ''; $('status').classList.toggle('error', Boolean(isError)); }
  function pct(count, total) { return total === 0 ? 0 : Math.round((100 * count) / total); }
  function cell(row, text, cls) { var td = document.createElement('td'); td.textContent = String(text); if (cls) td.className = cls; row.appendChild(td); return td; }

  // Why a fresh token per call: teams-js caches it and renews it before expiry, so a tab left open keeps working.
  async function api(path) {
    token = await window.microsoftTeams.authentication.getAuthToken();
    var res = await fetch(path, { headers: { Accept: 'application/json', Authorization: 'Bearer ' + token } });
    var data = await res.json().catch(function () { return null; });
    if (!res.ok) { var e = new Error((data && data.error && data.error.message) || 'request failed'); e.status = res.status; throw e; }
    return data;
  }

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
    var lists = document.querySelector('#team-lists tbody');
    lists.textContent = '';
    Object.keys(L.lists).forEach(function (id) { var tr = document.createElement('tr'); tr.dataset.list = id; cell(tr, L.lists[id]); cell(tr, r.lists[id].total, 'num'); lists.appendChild(tr); });
    if (chart) chart.destroy();
    chart = new window.Chart($('team-chart'), { type: 'bar', data: { labels: rows.map(function (x) { return x[1]; }), datasets: [{ label: '% of open cases', data: rows.map(function (x) { return pct(x[2].count, x[2].total); }), backgroundColor: '#1d4f91' }] }, options: { indexAxis: 'y', animation: false, maintainAspectRatio: false, scales: { x: { beginAtZero: true, max: 100 } } } });
    $('team').hidden = false;
  }

  function renderPartnership(p) {
    var L = me.labels;
    $('partnership-heading').textContent = L.partnershipTitle + ' (' + p.today + ')';
    $('seen-head').textContent = L.fatherSeenRate; $('detailed-head').textContent = L.detailedRate;
    var body = document.querySelector('#partnership-figures tbody'); body.textContent = '';
    p.teams.forEach(function (t) {
      var tr = document.createElement('tr'); tr.dataset.team = t.team;
      cell(tr, t.team); cell(tr, t.openCases, 'num'); cell(tr, t.men, 'num'); cell(tr, t.menSeen + ' (' + pct(t.menSeen, t.men) + '%)', 'num'); cell(tr, t.menDetailed + ' (' + pct(t.menDetailed, t.men) + '%)', 'num');
      body.appendChild(tr);
    });
    $('partnership').hidden = false;
  }

  async function refresh() {
    document.body.dataset.ready = 'false';
    setStatus(labels.loading);
    try {
      if (!me) {
        me = await api('/api/coverage/me');
        $('who').textContent = me.user.name + ' (' + me.user.role.replace('_', ' ') + ', ' + me.user.team + ')';
      }
      if (!me.views.team && !me.views.partnership) return setStatus(me.labels.refusedRole, true);
      var period = 'period=' + encodeURIComponent($('period').value);
      if (me.views.team) renderTeam(await api('/api/coverage/team?' + period));
      if (me.views.partnership) renderPartnership(await api('/api/coverage/partnership?' + period));
      setStatus('');
      document.body.dataset.ready = 'true';
    } catch (e) {
      setStatus(e.status === 403 && !me ? labels.notASeenUser : e.status === 401 || !e.status ? labels.signInFailed : e.message, true);
      document.body.dataset.ready = 'error';
    }
  }

  async function start() {
    labels = await (await fetch('/api/teams-tab/labels')).json();
    if (!window.microsoftTeams || window.parent === window) { document.body.dataset.ready = 'error'; return setStatus(labels.notInTeams, true); }
    setStatus(labels.signingIn);
    await window.microsoftTeams.app.initialize();
    $('period').addEventListener('change', refresh);
    await refresh();
  }
  start().catch(function (e) { setStatus((labels && labels.signInFailed) || e.message, true); document.body.dataset.ready = 'error'; });
})();
