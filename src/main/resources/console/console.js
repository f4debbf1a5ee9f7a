/*
 * 督查室工作台: the browser console of `duban serve` (docs/service.md). Plain JavaScript, no
 * framework, nothing from the internet. It shows what the API answers: it formats numbers and maps
 * code names to Chinese words, it never sums, ranks, rates or classifies on its own.
 */
(function () {
  'use strict';

  var API = '/api/v1';
  var state = { session: null, ruleset: null, policy: null, plans: null };

  var RATINGS = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };
  var LIGHTS = { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯', DONE: '已完成' };
  var STATUSES = { DONE: '已完成', ON_TRACK: '正常推进', LAGGING: '滞后', OVERDUE: '逾期' };
  var LEVELS = { NOTICE: '提醒', CRITICISM: '通报批评', EXPOSURE: '公开曝光' };
  var KINDS = {
    REPORT_LATE: '进度报送迟报', REPORT_MISSING: '未报送进度', TASK_DUE_SOON: '任务临近时限',
    TASK_OVERDUE: '任务逾期未完成', TASK_COMPLETED_EARLY: '任务提前完成', MILESTONE_MISSED: '未达到时间节点要求',
    RECTIFICATION_OVERDUE: '逾期未整改', WEAK_LEADERSHIP: '组织领导不力', HOLLOW_MEASURES: '工作措施不实',
    LAGGING: '工作推进滞后', PERFUNCTORY: '敷衍塞责', BUCK_PASSING: '互相推诿', COMMENDED: '受到表扬',
    NOTICE: '提醒', CRITICISM: '通报批评', EXPOSURE: '公开曝光',
    CEILING_NOTICE: '受到提醒的单位等次上限', CEILING_CRITICISM: '受到通报批评的单位等次上限',
    CEILING_EXPOSURE: '受到公开曝光的单位等次上限'
  };
  var FALLS_ON = { any: '牵头和配合单位', lead: '牵头单位', supporting: '配合单位' };
  var CATEGORIES = { reports: '进度报送类', tasks: '任务逾期类', sanctions: '督办问责类' };
  var ACTIONS = { save: '保存', saved: '保存', activate: '启用', activated: '启用' };

  // ---------- small helpers ----------

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function esc(v) {
    if (v === null || v === undefined) { return ''; }
    return String(v).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** A number as given, without trailing zeros; a dash for none. */
  function num(v) {
    if (v === null || v === undefined || v === '') { return '—'; }
    if (typeof v === 'number') { return String(Math.round(v * 1e6) / 1e6); }
    return String(v);
  }

  function signed(v) {
    if (typeof v === 'number' && v > 0) { return '+' + num(v); }
    return num(v);
  }

  /** A rating's code name: the diff gives "PASS 合格" (code and Chinese), the assessment "PASS". */
  function ratingCode(code) { return code ? String(code).split(' ')[0] : code; }

  function ratingName(code) {
    if (!code) { return '—'; }
    code = ratingCode(code);
    var bands = state.policy && state.policy.bands;
    if (bands) {
      for (var i = 0; i < bands.length; i++) {
        if (bands[i].name === code && bands[i].chinese) { return bands[i].chinese; }
      }
    }
    return RATINGS[code] || code;
  }
  function rating(code) {
    return code ? '<span class="rating rating-' + esc(ratingCode(code)) + '">' + esc(ratingName(code)) + '</span>' : '—';
  }
  function light(code) {
    return code ? '<span class="light light-' + esc(code) + '">' + esc(LIGHTS[code] || code) + '</span>' : '—';
  }
  function level(code) {
    return code ? '<span class="level level-' + esc(code) + '">' + esc(LEVELS[code] || code) + '</span>' : '—';
  }
  function status(code) { return code ? esc(STATUSES[code] || code) : '—'; }
  function kind(code) { return code ? esc(KINDS[code] || code) : '—'; }
  /** A date as given; a timestamp (2021-06-01T09:00:00+08:00) to the minute, without the zone. */
  function date(d) {
    if (!d) { return '—'; }
    var m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(String(d));
    return esc(m ? m[1] + ' ' + m[2] : d);
  }
  function short(fp) { return fp ? String(fp).substring(0, 12) : '—'; }

  function monthsBetween(from, to) {
    var out = [];
    if (!from || !to) { return out; }
    var y = +from.substring(0, 4), m = +from.substring(5, 7);
    var ty = +to.substring(0, 4), tm = +to.substring(5, 7);
    while (y < ty || (y === ty && m <= tm)) {
      out.push(y + '-' + (m < 10 ? '0' : '') + m);
      m++;
      if (m > 12) { m = 1; y++; }
    }
    return out;
  }

  function options(list, selected, label) {
    return list.map(function (v) {
      var value = typeof v === 'object' ? v.value : v;
      var text = typeof v === 'object' ? v.text : (label ? label(v) : v);
      return '<option value="' + esc(value) + '"' + (value === selected ? ' selected' : '') + '>' + esc(text) + '</option>';
    }).join('');
  }

  function monthLabel(m) { return m ? m.substring(0, 4) + '年' + (+m.substring(5, 7)) + '月' : m; }

  // ---------- alerts ----------

  function showAlert(message, ok) {
    var box = $('#alert');
    $('#alert-text').textContent = message;
    box.className = ok ? 'alert ok' : 'alert';
    box.hidden = false;
  }
  function hideAlert() { $('#alert').hidden = true; }

  /** An API error as one sentence: the message, then where (file, line, field) when given. */
  function describe(err) {
    if (!err) { return '未知错误'; }
    if (err.body && typeof err.body === 'object') {
      var b = err.body;
      var where = [];
      if (b.file) { where.push('文件 ' + b.file); }
      if (b.line) { where.push('第 ' + b.line + ' 行'); }
      if (b.field) { where.push('字段 ' + b.field); }
      var head = b.status ? '（' + b.status + '）' : '';
      return (b.message || b.error || '请求失败') + (where.length ? '　[' + where.join('，') + ']' : '') + head;
    }
    if (err.status === 0 || err.name === 'TypeError') { return '无法连接服务器，请检查网络后重试'; }
    return err.message || String(err);
  }

  function fail(err) {
    if (err && err.status === 401) { return signedOut(); }
    showAlert(describe(err));
  }

  // ---------- the API ----------

  function api(method, path, body, raw) {
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (method !== 'GET' && state.session && state.session.csrf) {
      init.headers['X-CSRF-Token'] = state.session.csrf;
    }
    if (body !== undefined) {
      if (raw) {
        init.body = body;
      } else {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
    }
    return fetch(API + path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        if (text) {
          try { data = JSON.parse(text); } catch (e) { data = null; }
        }
        if (!res.ok) {
          var err = new Error((data && data.message) || ('请求失败（' + res.status + '）'));
          err.status = res.status;
          err.body = data || { status: res.status, message: '请求失败（' + res.status + '）' };
          throw err;
        }
        return data;
      });
    });
  }

  function enc(v) { return encodeURIComponent(v); }

  // ---------- session ----------

  function signedOut() {
    state.session = null;
    $('#who').hidden = true;
    $('#nav').hidden = true;
    $('#view').innerHTML = '';
    closePanel();
    $('#signin').hidden = false;
    $('#signin-token').focus();
  }

  function signedIn(session) {
    state.session = session;
    $('#signin').hidden = true;
    $('#who').hidden = false;
    $('#nav').hidden = false;
    $('#user-name').textContent = session.name || '';
    var role = $('#user-role');
    role.textContent = session.role === 'admin' ? '管理员' : '工作人员';
    role.className = 'role ' + (session.role === 'admin' ? 'admin' : 'user');
    role.setAttribute('data-role', session.role || 'user');
    return Promise.all([loadRuleset(), loadPolicy()]).then(route);
  }

  function isAdmin() { return !!(state.session && state.session.role === 'admin'); }

  function loadRuleset() {
    return api('GET', '/ruleset').then(function (r) {
      state.ruleset = r;
      $('#fingerprint').textContent = short(r.fingerprint);
      $('#fingerprint').setAttribute('data-fingerprint', r.fingerprint || '');
      $('#fingerprint').title = r.fingerprint || '';
      $('#ruleset-version').textContent = num(r.version);
      var when = r.activatedAt ? '，' + r.activatedAt + ' 由 ' + (r.activatedBy || '—') + ' 启用' : '';
      $('#ruleset').title = '规则集指纹 ' + (r.fingerprint || '') + when;
    });
  }

  function loadPolicy() {
    return api('GET', '/policy').then(function (p) { state.policy = p; });
  }

  function loadPlans() {
    return api('GET', '/plans').then(function (p) { state.plans = p || []; return state.plans; });
  }

  // ---------- routing ----------

  function parseHash() {
    var h = location.hash.replace(/^#\/?/, '');
    var q = h.indexOf('?');
    var path = q < 0 ? h : h.substring(0, q);
    var params = {};
    if (q >= 0) {
      h.substring(q + 1).split('&').forEach(function (kv) {
        var i = kv.indexOf('=');
        if (i > 0) { params[decodeURIComponent(kv.substring(0, i))] = decodeURIComponent(kv.substring(i + 1)); }
      });
    }
    return { view: path || 'dashboard', params: params };
  }

  var VIEWS = {};

  function route() {
    if (!state.session) { return; }
    closePanel();
    var r = parseHash();
    var view = VIEWS[r.view] ? r.view : 'dashboard';
    $all('#nav a').forEach(function (a) { a.classList.toggle('active', a.getAttribute('data-view') === view); });
    var root = $('#view');
    root.setAttribute('data-view', view);
    root.innerHTML = '<p class="empty">正在加载……</p>';
    return VIEWS[view](root, r.params);
  }

  // ---------- panel (explanation, history) ----------

  function openPanel(title, html, test) {
    $('#panel-title').textContent = title;
    $('#panel-body').innerHTML = html;
    $('#panel').setAttribute('data-test', test || '');
    $('#panel').hidden = false;
  }
  function closePanel() { $('#panel').hidden = true; }

  // ---------- 驾驶舱 ----------

  VIEWS.dashboard = function (root, params) {
    var q = params.month ? '?month=' + enc(params.month) : '';
    return api('GET', '/dashboard' + q).then(function (d) {
      root.innerHTML = dashboard(d);
      $('#month', root).addEventListener('change', function (e) {
        location.hash = '#/dashboard?month=' + enc(e.target.value);
      });
      (d.plans || []).forEach(function (p) {
        var sec = root.querySelector('section.plan[data-plan="' + cssEsc(p.id) + '"]');
        if (!sec) { return; }
        $all('tr[data-unit]', sec).forEach(function (tr) {
          tr.addEventListener('click', function () { explain(p, d.month, tr.getAttribute('data-unit')); });
        });
        $all('[data-task]', sec).forEach(function (el) {
          el.addEventListener('click', function () { history(p, d.month, el.getAttribute('data-task')); });
        });
      });
    }).catch(function (e) { root.innerHTML = ''; fail(e); });
  };

  function cssEsc(s) { return String(s).replace(/["\\]/g, '\\$&'); }

  function dashboard(d) {
    var rs = d.ruleset;
    var fp = rs && typeof rs === 'object' ? rs.fingerprint : rs;
    var ver = rs && typeof rs === 'object' ? rs.version : (state.ruleset && state.ruleset.fingerprint === fp ? state.ruleset.version : null);
    var months = d.months || [];
    var html = '<div class="toolbar">' +
      '<h1 style="margin:0">驾驶舱</h1>' +
      '<label>考核月份<select id="month">' + options(months, d.month, monthLabel) + '</select></label>' +
      '<span class="note" id="dashboard-ruleset" data-fingerprint="' + esc(fp) + '">规则集' +
      (ver !== null && ver !== undefined ? ' 第 ' + esc(num(ver)) + ' 版' : '') + ' · 指纹 <code>' + esc(short(fp)) + '</code></span>' +
      '</div>';
    var plans = d.plans || [];
    if (!plans.length) { html += '<p class="empty">服务器上还没有工作方案。请先在“导入计划”中导入。</p>'; }
    plans.forEach(function (p) { html += planSection(p, d.month); });
    return html;
  }

  function planSection(p, month) {
    var html = '<section class="plan" data-plan="' + esc(p.id) + '">' +
      '<h2 class="plan-title">' + esc(p.title || p.id) + '<small>' + esc(p.docNumber || '') + '　' + esc(monthLabel(month)) + '</small></h2>';
    if (p.error) {
      var e = typeof p.error === 'object' ? p.error : { message: p.error };
      return html + '<div class="alert" data-test="plan-error">该方案本月无法考核：' + esc(describe({ body: e })) + '</div></section>';
    }
    var a = p.assessment || {};
    var s = a.summary || {};
    var units = p.units || {};
    var tasks = p.tasks || {};
    html += '<div class="figures" data-test="summary">' +
      figure('任务完成', num(s.done) + '<small> / ' + num(s.tasks) + ' 项</small>', 'done') +
      figure('正常推进', num(s.onTrack) + '<small> 项</small>', 'onTrack') +
      figure('滞后', num(s.lagging) + '<small> 项</small>', 'lagging', s.lagging > 0) +
      figure('逾期', num(s.overdue) + '<small> 项</small>', 'overdue', s.overdue > 0) +
      figure('红灯 / 黄灯', num(s.red) + '<small> / ' + num(s.yellow) + '</small>', 'red', s.red > 0) +
      figure('按时报送', num(s.reportsOnTime) + '<small> / 应报 ' + num(s.reportsOwed) + '</small>', 'reportsOnTime') +
      figure('迟报 / 漏报', num(s.reportsLate) + '<small> / ' + num(s.reportsMissing) + '</small>', 'reportsLate', s.reportsLate > 0 || s.reportsMissing > 0) +
      figure('提醒 / 通报批评 / 公开曝光', num(s.notices) + '<small> / </small>' + num(s.criticisms) + '<small> / </small>' + num(s.exposures), 'sanctions', s.criticisms > 0 || s.exposures > 0) +
      '</div>';
    html += '<div class="cols"><div>' + rankingTable(p, a, units) + '</div><div>' + chart(a.scores || [], units) + '</div></div>';
    html += sanctionsTable(a, units, tasks);
    html += redTasks(a, tasks);
    html += boardTable(a, tasks);
    return html + '</section>';
  }

  function figure(k, v, test, bad) {
    return '<div class="figure' + (bad ? ' bad' : '') + '" data-figure="' + esc(test) + '"><div class="k">' + esc(k) + '</div><div class="v">' + v + '</div></div>';
  }

  function unitName(units, id) { return (units && units[id]) || id; }

  function rankingTable(p, a, units) {
    var scores = a.scores || [];
    var html = '<h3>考核排名 <span class="note">（点击单位查看得分明细）</span></h3>';
    if (!scores.length) { return html + '<p class="empty">本月没有计分单位。</p>'; }
    html += '<div class="scroll"><table class="ranking" data-test="ranking" data-plan="' + esc(p.id) + '"' +
      (p.id ? ' id="ranking-' + esc(p.id) + '"' : '') + '><thead><tr>' +
      '<th class="num">名次</th><th>单位</th><th class="num">得分</th><th>等次</th><th class="num">扣分</th><th class="num">加分</th>' +
      '</tr></thead><tbody>';
    scores.forEach(function (u) {
      html += '<tr class="click" data-unit="' + esc(u.unit) + '" data-rank="' + esc(u.rank) + '" data-score="' + esc(u.score) + '">' +
        '<td class="num">' + esc(num(u.rank)) + '</td><td class="nowrap">' + esc(unitName(units, u.unit)) + '</td>' +
        '<td class="num">' + esc(num(u.score)) + '</td><td>' + rating(u.rating) +
        (u.ceiling ? ' <span class="note" title="受' + esc(LEVELS[u.ceiling] || u.ceiling) + '，等次受上限约束">（受' + esc(LEVELS[u.ceiling] || u.ceiling) + '）</span>' : '') + '</td>' +
        '<td class="num">' + esc(num(u.deductions)) + '</td><td class="num">' + esc(num(u.bonuses)) + '</td></tr>';
    });
    return html + '</tbody></table></div>';
  }

  /** The scores as horizontal bars: a bar's length is the score over the policy's upper bound (the scale, not a figure). */
  function chart(scores, units) {
    if (!scores.length) { return ''; }
    var upper = state.policy && state.policy.bounds && typeof state.policy.bounds.upper === 'number' ? state.policy.bounds.upper : null;
    if (upper === null) {
      upper = 0;
      scores.forEach(function (s) { if (typeof s.score === 'number' && s.score > upper) { upper = s.score; } });
    }
    if (!(upper > 0)) { return ''; }
    var rowH = 26, labelW = 150, barW = 300, W = labelW + barW + 50, H = scores.length * rowH + 24;
    var svg = '<svg viewBox="0 0 ' + W + ' ' + H + '" role="img" aria-label="得分条形图" data-test="chart">';
    svg += '<text x="' + labelW + '" y="12" font-size="11" fill="#666">0</text>' +
      '<text x="' + (labelW + barW) + '" y="12" font-size="11" fill="#666" text-anchor="end">' + esc(num(upper)) + '</text>';
    scores.forEach(function (s, i) {
      var y = 20 + i * rowH;
      var v = typeof s.score === 'number' ? Math.max(0, s.score) : 0;
      var w = Math.min(barW, barW * v / upper);
      var color = s.rating === 'FAIL' ? '#8b1a1a' : s.rating === 'PASS' ? '#c9a227' : s.rating === 'GOOD' ? '#c65050' : '#b22222';
      svg += '<text x="' + (labelW - 6) + '" y="' + (y + 15) + '" font-size="12" text-anchor="end" fill="#222">' + esc(unitName(units, s.unit)) + '</text>' +
        '<rect x="' + labelW + '" y="' + (y + 3) + '" width="' + w.toFixed(1) + '" height="' + (rowH - 8) + '" fill="' + color + '" rx="2"><title>' +
        esc(unitName(units, s.unit) + ' ' + num(s.score) + '分') + '</title></rect>' +
        '<text x="' + (labelW + w + 4).toFixed(1) + '" y="' + (y + 15) + '" font-size="12" fill="#222">' + esc(num(s.score)) + '</text>';
    });
    svg += '<line x1="' + labelW + '" y1="16" x2="' + labelW + '" y2="' + (H - 2) + '" stroke="#999"/>';
    return '<h3>得分条形图</h3><div class="chart">' + svg + '</svg></div>';
  }

  function sanctionsTable(a, units, tasks) {
    var list = a.sanctions || [];
    var html = '<h3>督办措施 <span class="note">（提醒、通报批评、公开曝光）</span></h3>';
    if (!list.length) { return html + '<p class="empty">本月没有单位被提醒、通报批评或公开曝光。</p>'; }
    html += '<div class="scroll"><table class="wide" data-test="sanctions"><thead><tr><th>措施</th><th>单位</th><th>任务</th><th>事由</th><th>整改期限</th></tr></thead><tbody>';
    list.forEach(function (s) {
      html += '<tr data-sanction="' + esc(s.level) + '"><td>' + level(s.level) + '</td><td class="nowrap">' + esc(unitName(units, s.unit)) + '</td>' +
        '<td class="nowrap">' + (s.task !== null && s.task !== undefined ? '<a href="javascript:void 0" data-task="' + esc(s.task) + '">任务' + esc(s.task) + '</a>' : '整体') + '</td>' +
        '<td class="text">' + esc(s.reason) + '</td><td class="nowrap">' + date(s.rectifyBy) + '</td></tr>';
    });
    return html + '</tbody></table></div>';
  }

  function taskRow(b, tasks) {
    return '<tr class="click" data-task="' + esc(b.task) + '"><td class="num">' + esc(b.task) + '</td>' +
      '<td class="text">' + esc(tasks[b.task] || tasks[String(b.task)] || '') + '</td>' +
      '<td>' + light(b.light) + '</td><td class="nowrap">' + status(b.status) + '</td>' +
      '<td class="nowrap">' + (b.ongoing ? '长期坚持' : date(b.deadline)) + '</td>' +
      '<td class="num">' + (b.percent === null || b.percent === undefined ? '—' : esc(num(b.percent)) + '%') + '</td>' +
      '<td class="num">' + esc(num(b.daysOverdue)) + '</td>' +
      '<td class="text">' + esc((b.reasons || []).join('；')) + '</td></tr>';
  }

  var TASK_HEAD = '<thead><tr><th class="num">任务</th><th>名称</th><th>灯</th><th>状态</th><th>完成时限</th><th class="num">进度</th><th class="num">逾期天数</th><th>说明</th></tr></thead>';

  function redTasks(a, tasks) {
    var red = (a.board || []).filter(function (b) { return b.light === 'RED'; });
    var html = '<h3>红灯任务 <span class="note">（点击任务查看逐月情况）</span></h3>';
    if (!red.length) { return html + '<p class="empty">本月没有红灯任务。</p>'; }
    html += '<div class="scroll"><table class="wide" data-test="red-tasks">' + TASK_HEAD + '<tbody>';
    red.forEach(function (b) { html += taskRow(b, tasks); });
    return html + '</tbody></table></div>';
  }

  function boardTable(a, tasks) {
    var board = a.board || [];
    if (!board.length) { return ''; }
    var html = '<details class="board"><summary><h3 style="display:inline-block">挂图作战 · 全部任务</h3></summary>' +
      '<div class="scroll"><table class="wide" data-test="board">' + TASK_HEAD + '<tbody>';
    board.forEach(function (b) { html += taskRow(b, tasks); });
    return html + '</tbody></table></div></details>';
  }

  // ---------- a unit's score, line by line ----------

  function explain(p, month, unit) {
    var name = unitName(p.units, unit);
    openPanel(name + ' · 得分明细', '<p class="empty">正在加载……</p>', 'explain');
    api('GET', '/plans/' + enc(p.id) + '/explain?month=' + enc(month) + '&unit=' + enc(unit)).then(function (x) {
      $('#panel-body').innerHTML = explanation(x, name);
    }).catch(function (e) { closePanel(); fail(e); });
  }

  function explanation(x, name) {
    var html = '<div class="summary-line" data-test="explain-summary" data-unit="' + esc(x.unit) + '">' +
      '<b>' + esc(name) + '</b>　' + esc(monthLabel(x.month)) + '　得分 <b data-test="explain-score">' + esc(num(x.score)) + '</b> 分，' +
      rating(x.rating) + '，第 ' + esc(num(x.rank)) + (x.of ? ' / ' + esc(num(x.of)) : '') + ' 名' +
      '<div>' + esc(x.reason) + '</div>' +
      (x.formula ? '<div class="meta mono">' + esc(x.formula) + '</div>' : '') +
      (x.ceiling ? '<div>等次受上限约束：本月受' + esc(typeof x.ceiling === 'object' ? JSON.stringify(x.ceiling) : (LEVELS[x.ceiling] || x.ceiling)) + '</div>' : '') +
      '<div class="meta">规则：' + esc(x.rule) + (x.ruleAt ? '（' + esc(x.ruleAt) + '）' : '') + '</div></div>';
    var lines = x.lines || [];
    html += '<h3>扣分与加分 <span class="note">（共 ' + lines.length + ' 条）</span></h3>';
    if (!lines.length) { html += '<p class="empty">本月没有扣分或加分。</p>'; }
    lines.forEach(function (l) {
      html += '<div class="explain-line' + (l.points > 0 ? ' plus' : '') + '" data-test="explain-line" data-kind="' + esc(l.kind) + '">' +
        '<span class="pts">' + esc(signed(l.points)) + ' 分</span>' + kind(l.kind) +
        (l.task !== null && l.task !== undefined ? ' · 任务' + esc(l.task) : '') +
        (l.category ? ' · ' + esc(CATEGORIES[l.category] || l.category) : '') +
        '<div>' + esc(l.reason) + '</div>' +
        '<div class="meta">规则：' + esc(l.rule) + (l.ruleAt ? '（' + esc(l.ruleAt) + '）' : '') +
        (l.clauses && l.clauses.length ? '　依据：' + l.clauses.map(clause).join('，') : '') + '</div>' +
        why(l.from || l.source) + '</div>';
    });
    return html;
  }

  function clause(c) {
    if (c && typeof c === 'object') { return '<code>' + esc(c.key) + ' = ' + esc(num(c.value)) + '</code>'; }
    return '<code>' + esc(c) + '</code>';
  }

  /** Where a line comes from: the sanction or finding, its rule, the findings under it and the facts. */
  function why(f) {
    if (!f || typeof f !== 'object') { return ''; }
    var head = f.sanction ? level(f.sanction) + (f.issued ? ' ' + esc(f.issued) : '') :
      f.finding ? kind(f.finding) + (f.on ? ' ' + esc(f.on) : '') : '';
    var html = '<div class="why">' + head +
      (f.reason ? '<div>' + esc(f.reason) + '</div>' : '') +
      (f.rule ? '<div class="meta">规则：' + esc(f.rule) + (f.ruleAt ? '（' + esc(f.ruleAt) + '）' : '') + '</div>' : '');
    if (f.facts && f.facts.length) {
      html += '<ul class="facts" data-test="facts">' + f.facts.map(function (t) { return '<li>' + fact(t) + '</li>'; }).join('') + '</ul>';
    }
    (f.findings || []).forEach(function (g) { html += why(g); });
    return html + '</div>';
  }

  function fact(t) {
    if (!t || typeof t !== 'object') { return esc(t); }
    if (t.text !== undefined) {
      return (t.at ? '<b>' + esc(t.at) + '</b> ' : '') + (t.inferred ? '<i>' + esc(t.inferred) + '</i> ' : '') + '<span class="mono">' + esc(t.text) + '</span>';
    }
    return '<span class="mono">' + Object.keys(t).filter(function (k) { return t[k] !== null; }).map(function (k) {
      return esc(k) + ': ' + esc(typeof t[k] === 'object' ? JSON.stringify(t[k]) : t[k]);
    }).join('，') + '</span>';
  }

  // ---------- a task month by month ----------

  function history(p, month, task) {
    openPanel('任务' + task + ' · 逐月情况', '<p class="empty">正在加载……</p>', 'history');
    api('GET', '/plans/' + enc(p.id) + '/tasks/' + enc(task) + '/history?month=' + enc(month)).then(function (h) {
      var title = h.title || (p.tasks && p.tasks[task]) || '';
      $('#panel-title').textContent = '任务' + (h.task || task) + ' ' + title;
      var html = '<div class="scroll"><table class="wide" data-test="history"><thead><tr><th>月份</th><th>灯</th><th>状态</th><th class="num">进度</th><th>完成时限</th><th class="num">逾期天数</th><th>说明</th></tr></thead><tbody>';
      (h.months || []).forEach(function (m) {
        var b = m.board || m.entry || m;
        html += '<tr data-month="' + esc(m.month) + '"><td class="nowrap">' + esc(monthLabel(m.month)) + '</td><td>' + light(b.light) + '</td>' +
          '<td class="nowrap">' + status(b.status) + '</td>' +
          '<td class="num">' + (b.percent === null || b.percent === undefined ? '—' : esc(num(b.percent)) + '%') + '</td>' +
          '<td class="nowrap">' + (b.ongoing ? '长期坚持' : date(b.deadline)) + '</td><td class="num">' + esc(num(b.daysOverdue)) + '</td>' +
          '<td class="text">' + esc((b.reasons || []).join('；')) + '</td></tr>';
      });
      $('#panel-body').innerHTML = html + '</tbody></table></div>';
    }).catch(function (e) { closePanel(); fail(e); });
  }

  // ---------- 考核细则 what-if ----------

  var whatif = { plan: null, month: null, scoring: null, policy: null, policyDirty: false, timer: null, seq: 0, current: null };

  VIEWS.whatif = function (root, params) {
    return Promise.all([loadPlans(), api('GET', '/scoring'), loadPolicy()]).then(function (r) {
      var plans = r[0], scoring = r[1];
      whatif.scoring = scoring;
      whatif.policy = JSON.parse(JSON.stringify(state.policy || {}));
      whatif.policyDirty = false;
      var plan = plans.filter(function (p) { return p.id === params.plan; })[0] || plans[0];
      whatif.plan = plan ? plan.id : null;
      var months = plan ? monthsBetween(plan.from, plan.to) : [];
      whatif.month = months.indexOf(params.month) >= 0 ? params.month : months[months.length - 1];
      root.innerHTML = whatifPage(plans, months, scoring);
      bindWhatif(root, plans);
      return Promise.all([loadCurrent(), versions()]).then(diffNow);
    }).catch(function (e) { root.innerHTML = ''; fail(e); });
  };

  function whatifPage(plans, months, scoring) {
    var html = '<div class="whatif"><div class="toolbar"><h1 style="margin:0">考核细则 · 调整试算</h1>' +
      '<label>工作方案<select id="whatif-plan">' + options(plans.map(function (p) {
        return { value: p.id, text: (p.docNumber ? p.docNumber + ' ' : '') + shortTitle(p.title) };
      }), whatif.plan) + '</select></label>' +
      '<label>考核月份<select id="whatif-month">' + options(months, whatif.month, monthLabel) + '</select></label></div>' +
      '<p class="note">修改分值或上限后，系统按拟用细则重算所选月份，列出得分、等次、名次有变化的单位及原因。试算不影响正在使用的规则。</p>';
    html += '<div class="cols"><div>' + policyInputs() + scoringTable(scoring) + saveBlock() + '</div>' +
      '<div><h3>试算结果</h3><div id="whatif-status" class="status-line"></div><div id="whatif-changes" data-test="changes"></div>' +
      '<h3>排名预览</h3><div id="whatif-ranking"></div></div></div>';
    html += '<h3>规则版本</h3><div id="versions-box"></div><h3>保存与启用记录</h3><div id="audit-box"></div></div>';
    return html;
  }

  function shortTitle(t) { return t && t.length > 16 ? t.substring(0, 16) + '…' : (t || ''); }

  function policyInputs() {
    var p = whatif.policy || {};
    var html = '<h3>考核办法主要数值</h3><div class="policy-grid" id="policy-inputs">';
    if (typeof p.base === 'number') { html += policyInput('基础分', 'base', p.base); }
    if (p.bounds) {
      html += policyInput('得分下限', 'bounds.lower', p.bounds.lower);
      html += policyInput('得分上限', 'bounds.upper', p.bounds.upper);
    }
    if (p.bonusCap !== undefined) { html += policyInput('每月加分上限', 'bonusCap', p.bonusCap); }
    (p.bands || []).forEach(function (b, i) {
      html += policyInput((b.chinese || ratingName(b.name)) + '（不低于）', 'bands.' + i + '.lower', b.lower);
    });
    return html + '</div>';
  }

  function policyInput(label, key, value) {
    return '<label>' + esc(label) + '<input type="number" step="any" data-policy="' + esc(key) + '" value="' + esc(value === null || value === undefined ? '' : value) + '"></label>';
  }

  function scoringTable(scoring) {
    var cols = scoring.columns || ['item', 'kind', 'fallsOn', 'points', 'cap'];
    var bands = (state.policy && state.policy.bands) || [];
    var html = '<h3>考核细则（扣分加分标准）</h3><div class="scroll"><table id="whatif-table" data-test="scoring"><thead><tr>' +
      '<th>项目</th><th>分值</th><th>上限</th><th>适用单位</th></tr></thead><tbody>';
    (scoring.rows || []).forEach(function (r, i) {
      var ceiling = /^CEILING_/.test(r.kind || '');
      var pts;
      if (ceiling) {
        pts = '<select data-item="' + esc(r.item) + '" data-row="' + i + '" data-field="points"><option value="">无</option>' +
          options(bands.map(function (b) { return { value: b.name, text: b.chinese || ratingName(b.name) }; }), r.points) + '</select>';
      } else {
        pts = '<input type="number" step="any" data-item="' + esc(r.item) + '" data-row="' + i + '" data-field="points" value="' + esc(val(r.points)) + '">';
      }
      var cap = ceiling ? '' : '<input type="number" step="any" data-item="' + esc(r.item) + '" data-row="' + i + '" data-field="cap" value="' + esc(val(r.cap)) + '" placeholder="不限">';
      html += '<tr data-item="' + esc(r.item) + '" data-kind="' + esc(r.kind) + '"><td>' + esc(r.item) +
        '<div class="note">' + (KINDS[r.kind] && KINDS[r.kind] !== r.item ? kind(r.kind) + ' · ' : '') + '<span class="mono">' + esc(r.kind) + '</span></div></td>' +
        '<td>' + pts + '</td><td>' + cap + '</td><td>' + esc(FALLS_ON[r.fallsOn] || r.fallsOn || '') + '</td></tr>';
    });
    html += '</tbody></table></div>';
    if (cols.join(',') !== 'item,kind,fallsOn,points,cap') {
      html += '<p class="note">细则列：' + esc(cols.join('、')) + '</p>';
    }
    return html;
  }

  function val(v) { return v === null || v === undefined ? '' : v; }

  function saveBlock() {
    var admin = isAdmin();
    return '<div class="actions"><label>版本说明<input type="text" id="version-note" placeholder="如：按2021年考核办法修订"' + (admin ? '' : ' disabled') + '></label>' +
      '<button type="button" id="save-version" class="primary"' + (admin ? '' : ' disabled') + '>保存为新版本</button>' +
      '<button type="button" id="whatif-reset">恢复为正在使用的细则</button></div>' +
      (admin ? '' : '<p class="note" id="admin-only">保存和启用规则版本需要管理员口令登录；当前身份只能试算。</p>') +
      '<div id="save-result" data-test="save-result"></div>';
  }

  function bindWhatif(root, plans) {
    $('#whatif-plan', root).addEventListener('change', function (e) {
      location.hash = '#/whatif?plan=' + enc(e.target.value);
    });
    $('#whatif-month', root).addEventListener('change', function (e) {
      whatif.month = e.target.value;
      loadCurrent().then(diffNow);
    });
    $all('#whatif-table [data-field]', root).forEach(function (el) {
      el.addEventListener('input', function () {
        var r = whatif.scoring.rows[+el.getAttribute('data-row')];
        el.classList.toggle('changed', String(val(r[el.getAttribute('data-field')])) !== el.value);
        schedule();
      });
    });
    $all('#policy-inputs [data-policy]', root).forEach(function (el) {
      el.addEventListener('input', function () {
        whatif.policyDirty = true;
        el.classList.add('changed');
        schedule();
      });
    });
    $('#save-version', root).addEventListener('click', saveVersion);
    $('#whatif-reset', root).addEventListener('click', function () { route(); });
  }

  function schedule() {
    clearTimeout(whatif.timer);
    $('#whatif-status').textContent = '正在试算……';
    whatif.timer = setTimeout(diffNow, 300);
  }

  function csvCell(v) {
    var s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /** The sheet as the table reads now, as CSV text (header item,kind,fallsOn,points,cap). */
  function scoringCsv() {
    var lines = ['item,kind,fallsOn,points,cap'];
    (whatif.scoring.rows || []).forEach(function (r, i) {
      var p = $('#whatif-table [data-row="' + i + '"][data-field="points"]');
      var c = $('#whatif-table [data-row="' + i + '"][data-field="cap"]');
      lines.push([r.item, r.kind, r.fallsOn, p ? p.value.trim() : val(r.points), c ? c.value.trim() : val(r.cap)].map(csvCell).join(','));
    });
    return lines.join('\n') + '\n';
  }

  /** The policy with the edited numbers, or undefined when none was edited. */
  function editedPolicy() {
    if (!whatif.policyDirty) { return undefined; }
    var p = JSON.parse(JSON.stringify(whatif.policy));
    $all('#policy-inputs [data-policy]').forEach(function (el) {
      var path = el.getAttribute('data-policy').split('.');
      var o = p;
      for (var i = 0; i < path.length - 1; i++) { o = o[path[i]]; }
      var v = el.value.trim();
      o[path[path.length - 1]] = v === '' ? null : Number(v);
    });
    return p;
  }

  function loadCurrent() {
    whatif.current = null;
    if (!whatif.plan || !whatif.month) { return Promise.resolve(); }
    return api('GET', '/plans/' + enc(whatif.plan) + '/assessment?month=' + enc(whatif.month)).then(function (a) {
      whatif.current = a;
    }).catch(fail);
  }

  function diffNow() {
    if (!whatif.plan || !whatif.month) { return Promise.resolve(); }
    var body = { plan: whatif.plan, month: whatif.month, scoring: scoringCsv() };
    var pol = editedPolicy();
    if (pol) { body.policy = pol; }
    var seq = ++whatif.seq;
    $('#whatif-status').textContent = '正在试算……';
    return api('POST', '/rules/diff', body).then(function (d) {
      if (seq !== whatif.seq) { return; }
      hideAlert();
      renderDiff(d);
    }).catch(function (e) {
      if (seq !== whatif.seq) { return; }
      $('#whatif-status').textContent = '试算未完成';
      fail(e);
    });
  }


  function renderDiff(d) {
    var changes = d.changes || [];
    $('#whatif-status').innerHTML = esc(monthLabel(d.month)) + '　现行 <code>' + esc(short(d.current)) + '</code> → 拟用 <code>' + esc(short(d.proposed)) +
      '</code>　' + (changes.length ? '共 ' + esc(num(d.units)) + ' 个单位，以下单位有变化' : '共 ' + esc(num(d.units)) + ' 个单位，均无变化');
    var box = $('#whatif-changes');
    box.setAttribute('data-proposed', d.proposed || '');
    var html = '';
    changes.forEach(function (c) {
      html += '<div class="change" data-unit="' + esc(c.unit) + '" data-score-before="' + esc(c.scoreBefore) + '" data-score-after="' + esc(c.scoreAfter) + '">' +
        '<b>' + esc(c.unit) + '</b>　得分 ' + esc(num(c.scoreBefore)) + '<span class="arrow">→</span><b>' + esc(num(c.scoreAfter)) + '</b>' +
        '　等次 ' + rating(c.ratingBefore) + '<span class="arrow">→</span>' + rating(c.ratingAfter) +
        '　名次 ' + esc(num(c.rankBefore)) + '<span class="arrow">→</span>' + esc(num(c.rankAfter)) + '<ul>';
      (c.lines || []).forEach(function (l) {
        html += '<li>' + (l.kind ? kind(l.kind) + (l.task ? ' · 任务' + esc(l.task) : '') : esc(l.what)) + '：' + esc(l.before === null || l.before === undefined ? '无' : signed(l.before)) + '<span class="arrow">→</span>' +
          esc(l.after === null || l.after === undefined ? '无' : signed(l.after)) +
          (l.reason ? '<div class="note">' + esc(l.reason) + '</div>' : '') +
          '<div class="note">规则：' + esc(l.rule) + (l.clauses && l.clauses.length ? '；依据 ' + l.clauses.map(clause).join('，') : '') + '</div></li>';
      });
      [['findingsNew', '新增问题'], ['findingsGone', '不再认定'], ['sanctionsNew', '新增督办措施'], ['sanctionsGone', '撤销督办措施']].forEach(function (k) {
        (c[k[0]] || []).forEach(function (t) { html += '<li>' + esc(k[1]) + '：' + esc(t) + '</li>'; });
      });
      html += '</ul></div>';
    });
    box.innerHTML = html || '<p class="empty">按拟用细则，所选月份各单位得分、等次、名次均不变。</p>';
    renderPreview(changes);
  }

  /** The ranking under the proposed sheet: the current scores, with each changed unit's figures from the diff. */
  function renderPreview(changes) {
    var box = $('#whatif-ranking');
    var scores = (whatif.current && whatif.current.scores) || [];
    if (!scores.length) { box.innerHTML = '<p class="empty">本月没有计分单位。</p>'; return; }
    var by = {};
    changes.forEach(function (c) { by[c.unit] = c; });
    var rows = scores.map(function (s) {
      var c = by[s.unit];
      return c ? { unit: s.unit, score: c.scoreAfter, rating: c.ratingAfter, rank: c.rankAfter, before: s.rank, changed: true }
        : { unit: s.unit, score: s.score, rating: s.rating, rank: s.rank, before: s.rank, changed: false };
    });
    rows.sort(function (a, b) { return (a.rank === null ? 1e9 : a.rank) - (b.rank === null ? 1e9 : b.rank); });
    var html = '<div class="scroll"><table id="whatif-preview" data-test="preview"><thead><tr><th class="num">拟名次</th><th>单位</th><th class="num">拟得分</th><th>拟等次</th><th class="num">现名次</th></tr></thead><tbody>';
    rows.forEach(function (r) {
      html += '<tr data-unit="' + esc(r.unit) + '"' + (r.changed ? ' class="changed"' : '') + '><td class="num">' + esc(num(r.rank)) + '</td><td class="nowrap">' + esc(r.unit) + '</td>' +
        '<td class="num">' + esc(num(r.score)) + '</td><td>' + rating(r.rating) + '</td><td class="num">' + esc(num(r.before)) + '</td></tr>';
    });
    box.innerHTML = html + '</tbody></table></div>';
  }

  function saveVersion() {
    if (!isAdmin()) { return; }
    var body = { scoring: scoringCsv(), note: $('#version-note').value.trim() || null };
    var pol = editedPolicy();
    if (pol) { body.policy = pol; }
    var out = $('#save-result');
    out.innerHTML = '<p class="empty">正在保存……</p>';
    api('POST', '/rules/versions', body).then(function (v) {
      out.innerHTML = '<div class="alert ok" data-test="saved" data-version="' + esc(v.version) + '" data-fingerprint="' + esc(v.fingerprint) + '">已保存为第 <b>' +
        esc(num(v.version)) + '</b> 版，指纹 <code>' + esc(short(v.fingerprint)) + '</code>。启用后方才生效。</div>' + problems(v.problems);
      return versions();
    }).catch(function (e) {
      if (e.status === 401) { return fail(e); }
      var b = e.body || {};
      out.innerHTML = '<div class="alert" data-test="save-failed">未能保存：' + esc(describe(e)) + '</div>' + problems(b.problems);
    });
  }

  function problems(list) {
    if (!list || !list.length) { return ''; }
    return '<ul class="problems" data-test="problems">' + list.map(function (p) {
      if (typeof p !== 'object') { return '<li>' + esc(p) + '</li>'; }
      var where = p.where || [p.file, p.line ? '第' + p.line + '行' : '', p.field].filter(Boolean).join(' ');
      var lv = p.level === 'ERROR' ? '错误' : p.level === 'WARNING' ? '提示' : '';
      return '<li' + (p.level ? ' data-level="' + esc(p.level) + '"' : '') + '>' + (lv ? '［' + lv + '］' : '') +
        (where ? '<b>' + esc(where) + '</b>：' : '') + esc(p.message) + '</li>';
    }).join('') + '</ul>';
  }

  function versions() {
    return Promise.all([api('GET', '/rules/versions'), api('GET', '/rules/audit')]).then(function (r) {
      var list = r[0] || [], audit = r[1] || [];
      var admin = isAdmin();
      var html = '<div class="scroll"><table id="versions" data-test="versions"><thead><tr><th class="num">版本</th><th>指纹</th><th>保存人</th><th>保存时间</th><th>说明</th><th>状态</th><th></th></tr></thead><tbody>';
      list.forEach(function (v) {
        html += '<tr data-version="' + esc(v.version) + '"' + (v.active ? ' data-active="true"' : '') + '><td class="num">' + esc(num(v.version)) + '</td>' +
          '<td><code title="' + esc(v.fingerprint) + '">' + esc(short(v.fingerprint)) + '</code></td><td class="nowrap">' + esc(v.savedBy || '—') + '</td>' +
          '<td class="nowrap">' + date(v.savedAt) + '</td><td>' + esc(v.note || '') + '</td>' +
          '<td>' + (v.active ? '<span class="active-tag">正在使用</span>' : '') + '</td>' +
          '<td>' + (v.active ? '' : '<button type="button" class="activate" data-version="' + esc(v.version) + '"' + (admin ? '' : ' disabled title="需要管理员口令"') + '>启用</button>') + '</td></tr>';
      });
      $('#versions-box').innerHTML = list.length ? html + '</tbody></table></div>' : '<p class="empty">还没有保存的版本。</p>';
      $all('#versions button.activate').forEach(function (b) {
        b.addEventListener('click', function () { activate(b.getAttribute('data-version')); });
      });
      var ah = '<div class="scroll"><table id="audit" data-test="audit"><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th class="num">版本</th><th>指纹</th></tr></thead><tbody>';
      audit.forEach(function (a) {
        ah += '<tr><td class="nowrap">' + date(a.at) + '</td><td class="nowrap">' + esc(a.who || '—') + '</td><td>' + esc(ACTIONS[a.action] || a.action) + '</td>' +
          '<td class="num">' + esc(num(a.version)) + '</td><td><code title="' + esc(a.fingerprint) + '">' + esc(short(a.fingerprint)) + '</code></td></tr>';
      });
      $('#audit-box').innerHTML = audit.length ? ah + '</tbody></table></div>' : '<p class="empty">还没有记录。</p>';
    }).catch(fail);
  }

  function activate(v) {
    if (!isAdmin()) { return; }
    api('POST', '/rules/versions/' + enc(v) + '/activate').then(function (r) {
      return loadRuleset().then(function () {
        return route();
      }).then(function () {
        showAlert('已启用第 ' + num(r.version) + ' 版规则，指纹 ' + short(r.fingerprint) + (r.previous ? '（此前指纹 ' + (typeof r.previous === 'number' ? '第 ' + r.previous + ' 版' : short(r.previous)) + '）' : ''), true);
      });
    }).catch(fail);
  }

  // ---------- 导入计划 ----------

  var imported = null;

  VIEWS['import'] = function (root) {
    imported = null;
    root.innerHTML = '<h1>导入工作方案</h1>' +
      '<p class="note">上传工作方案原文（Word、Excel、网页、文本或 CSV），系统识别其中的任务、牵头单位和完成时限，列出需要核对的问题。核对无误后保存。</p>' +
      '<form id="import-form" class="toolbar">' +
      '<label>方案文件<input type="file" id="import-file" name="file" accept=".docx,.xlsx,.html,.htm,.txt,.csv" required></label>' +
      '<label>年份（可选）<input type="number" id="import-year" name="year" min="2000" max="2100" style="width:7em"></label>' +
      '<button type="submit" id="import-submit" class="primary">导入</button></form>' +
      '<div id="import-result"></div>';
    $('#import-form', root).addEventListener('submit', function (e) {
      e.preventDefault();
      var f = $('#import-file').files[0];
      if (!f) { return showAlert('请选择要导入的方案文件'); }
      var fd = new FormData();
      fd.append('file', f);
      var y = $('#import-year').value.trim();
      if (y) { fd.append('year', y); }
      $('#import-result').innerHTML = '<p class="empty">正在识别……</p>';
      api('POST', '/import', fd, true).then(function (r) {
        hideAlert();
        imported = r;
        $('#import-result').innerHTML = importResult(r);
        $('#plan-save').addEventListener('click', savePlan);
      }).catch(function (err) { $('#import-result').innerHTML = ''; fail(err); });
    });
    return Promise.resolve();
  };

  function importResult(r) {
    var plan = r.plan || {};
    var tasks = plan.tasks || [];
    var rep = plan.reporting || {};
    var html = '<h3>识别出的任务 <span class="note">（' + esc(num(typeof r.tasks === 'number' ? r.tasks : tasks.length)) + ' 项）</span></h3>' +
      '<div class="scroll"><table class="wide" data-test="imported-tasks"><thead><tr><th class="num">序号</th><th>任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr></thead><tbody>';
    tasks.forEach(function (t) {
      html += '<tr data-task="' + esc(t.no) + '"><td class="num">' + esc(t.no) + '</td><td class="text">' + esc(t.title) + '</td>' +
        '<td>' + esc((t.leads || []).join('、')) + '</td><td>' + esc((t.supporting || []).join('、')) + '</td>' +
        '<td class="nowrap">' + (t.ongoing ? '长期坚持' : date(t.deadline)) + (t.deadlineText ? '<div class="note">' + esc(t.deadlineText) + '</div>' : '') + '</td></tr>';
    });
    html += '</tbody></table></div>';
    var probs = r.problems || [];
    html += '<h3>需要核对的问题 <span class="note">（' + probs.length + ' 条）</span></h3>' +
      (probs.length ? problems(probs) : '<p class="empty">没有发现问题。</p>');
    var dis = r.disagreements || [];
    if (dis.length) {
      html += '<h3>识别结果不一致之处</h3><ul class="problems">' + dis.map(function (d) {
        return '<li>' + (typeof d === 'object' ? (d.where ? '<b>' + esc(d.where) + '</b>：' : '') + esc(d.message || JSON.stringify(d)) : esc(d)) + '</li>';
      }).join('') + '</ul>';
    }
    html += '<h3>保存方案</h3><div class="toolbar">' +
      '<label>方案编号（英文字母、数字）<input type="text" id="plan-id" placeholder="如 lengshuitan-2021-3"></label>' +
      '<label>方案标题<input type="text" id="plan-title" value="' + esc(plan.title || '') + '" style="min-width:16em"></label>' +
      '<label>文号<input type="text" id="plan-doc" value="' + esc(plan.docNumber || '') + '"></label>' +
      '<label>报送起始月<input type="month" id="plan-from" value="' + esc(rep.from || '') + '"></label>' +
      '<label>报送截止月<input type="month" id="plan-to" value="' + esc(rep.to || '') + '"></label>' +
      '<label>每月报送日<input type="number" id="plan-dueday" min="1" max="31" value="' + esc(val(rep.dueDay)) + '" style="width:5em"></label>' +
      '<button type="button" id="plan-save" class="primary">保存</button></div><div id="plan-save-result"></div>';
    return html;
  }

  function savePlan() {
    if (!imported || !imported.plan) { return; }
    var id = $('#plan-id').value.trim();
    if (!id) { return showAlert('请填写方案编号'); }
    var plan = JSON.parse(JSON.stringify(imported.plan));
    plan.title = $('#plan-title').value.trim() || plan.title;
    plan.docNumber = $('#plan-doc').value.trim() || plan.docNumber;
    plan.reporting = plan.reporting || {};
    if ($('#plan-from').value) { plan.reporting.from = $('#plan-from').value; }
    if ($('#plan-to').value) { plan.reporting.to = $('#plan-to').value; }
    var dd = $('#plan-dueday').value.trim();
    plan.reporting.dueDay = dd ? Number(dd) : (plan.reporting.dueDay === undefined ? null : plan.reporting.dueDay);
    api('PUT', '/plans/' + enc(id), plan).then(function (r) {
      $('#plan-save-result').innerHTML = '<div class="alert ok" data-test="plan-saved">已保存方案 <b>' + esc(r.id) + '</b>：' + esc(num(r.tasks)) + ' 项任务，' + esc(num(r.units)) + ' 个单位。</div>';
    }).catch(fail);
  }

  // ---------- 通报 ----------

  VIEWS.bulletins = function (root, params) {
    return loadPlans().then(function (plans) {
      var plan = plans.filter(function (p) { return p.id === params.plan; })[0] || plans[0];
      if (!plan) { root.innerHTML = '<h1>月度通报</h1><p class="empty">服务器上还没有工作方案。</p>'; return; }
      var months = monthsBetween(plan.from, plan.to);
      var month = months.indexOf(params.month) >= 0 ? params.month : months[months.length - 1];
      root.innerHTML = '<h1>月度通报</h1><div class="toolbar">' +
        '<label>工作方案<select id="bulletin-plan">' + options(plans.map(function (p) {
          return { value: p.id, text: (p.docNumber ? p.docNumber + ' ' : '') + shortTitle(p.title) };
        }), plan.id) + '</select></label>' +
        '<label>考核月份<select id="bulletin-month">' + options(months, month, monthLabel) + '</select></label></div>' +
        '<div class="links" id="bulletin-links"></div>' +
        '<h2>月末考核结果</h2><p class="note">按正在使用的规则考核所选月份，并把考核结果、台账、得分表和通报保存在方案所在处' +
        '（数据目录或 OA 数据库），替换该月以前保存的结果。</p>' +
        '<div class="toolbar"><button type="button" class="primary" id="month-end">保存本月考核结果</button></div>' +
        '<div id="month-end-result"></div>';
      function links() {
        var p = $('#bulletin-plan').value, m = $('#bulletin-month').value;
        var base = API + '/plans/' + enc(p) + '/bulletin?month=' + enc(m) + '&format=';
        $('#bulletin-links').innerHTML =
          '<a id="bulletin-html" href="' + esc(base + 'html') + '" target="_blank" rel="noopener">在新窗口打开通报（网页）</a>' +
          '<a id="bulletin-docx" href="' + esc(base + 'docx') + '" download="通报-' + esc(m) + '.docx">下载通报（Word）</a>' +
          '<a id="bulletin-md" href="' + esc(base + 'md') + '" download="通报-' + esc(m) + '.md">下载通报（Markdown 文本）</a>';
      }
      $('#bulletin-plan').addEventListener('change', function (e) { location.hash = '#/bulletins?plan=' + enc(e.target.value); });
      $('#bulletin-month').addEventListener('change', links);
      $('#month-end').addEventListener('click', function () {
        var p = $('#bulletin-plan').value, m = $('#bulletin-month').value;
        var out = $('#month-end-result');
        out.innerHTML = '<p class="empty">正在考核并保存……</p>';
        api('POST', '/plans/' + enc(p) + '/month-end', { month: m }).then(function (r) {
          out.innerHTML = '<div class="alert ok" data-test="month-end-done" data-ruleset="' + esc(r.ruleset) + '"><div>已保存 ' + esc(monthLabel(r.month)) +
            '考核结果（截至 ' + esc(r.asOf) + '，规则集指纹 <code>' + esc(short(r.ruleset)) + '</code>）：' +
            esc(r.store === 'database' ? 'OA 数据库结果表' : '数据目录 ' + r.written) +
            (r.files ? '（' + r.files.map(esc).join('、') + '）' : '') + '。</div></div>';
        }).catch(function (e) { out.innerHTML = ''; fail(e); });
      });
      links();
    }).catch(function (e) { root.innerHTML = ''; fail(e); });
  };

  // ---------- start ----------

  function start() {
    $('#alert-close').addEventListener('click', hideAlert);
    $('#panel-close').addEventListener('click', closePanel);
    $('#panel').addEventListener('click', function (e) { if (e.target.id === 'panel') { closePanel(); } });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { closePanel(); } });
    $('#signin-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var body = { token: $('#signin-token').value, name: $('#signin-name').value.trim() };
      api('POST', '/session', body).then(function () {
        $('#signin-token').value = '';
        return api('GET', '/session');
      }).then(function (s) {
        hideAlert();
        return signedIn(s);
      }).catch(function (err) {
        if (err.status === 401) { showAlert('口令不正确，请重新输入。' + (err.body && err.body.message ? '（' + err.body.message + '）' : '')); }
        else { showAlert(describe(err)); }
      });
    });
    $('#signout').addEventListener('click', function () {
      api('DELETE', '/session').then(signedOut, signedOut);
    });
    window.addEventListener('hashchange', function () { hideAlert(); route(); });
    api('GET', '/session').then(signedIn).catch(function (err) {
      if (err.status === 401) { signedOut(); } else { signedOut(); showAlert(describe(err)); }
    });
  }

  start();
})();
