// The officer's score card: ranked partners, filters, a partner's 90-day history and explanation, and
// buttons that record the officer's touches. The embed token comes in the URL fragment and is kept only
// for this tab (sessionStorage); it reaches this one officer's data and nothing else.
(function () {
  'use strict';
  var KEY = 'rapport.embedToken';
  var STEPS = { thank_and_support: 'Thank and support', check_in: 'Check in', invite_to_meet: 'Invite to meet',
    ask_for_feedback: 'Ask for feedback', ask_for_business: 'Ask for business', send_personal_note: 'Send a personal note',
    share_useful_tool: 'Share a useful tool', give_space: 'Give them space' };
  var STAGES = { technoship: 'Digital only', relationship: 'Relationship', trusted: 'Trusted', advocate: 'Advocate' };
  var TYPES = { realtor: 'Realtor', financial_planner: 'Financial planner', cpa: 'CPA', builder: 'Builder',
    attorney: 'Attorney', insurance: 'Insurance agent', other: 'Partner' };
  var EVENTS = { app_installed: 'Installed the app', app_opened: 'Opened the app', profile_viewed: 'Viewed your profile',
    content_viewed: 'Read content', content_shared: 'Shared content', calculator_used: 'Used calculators',
    card_shared: 'Shared your card', contact_tapped: 'Called, texted or emailed you', referral_sent: 'Sent referrals',
    feedback_given: 'Gave feedback', meeting_logged: 'Met you in person' };
  var TOUCHES = { note_sent: 'a note sent', call_made: 'a call', tool_shared: 'a tool shared', meeting_logged: 'a meeting' };
  var TREND = { rising: ['▲', 'rising'], steady: ['▶', 'steady'], cooling: ['▼', 'cooling'] };

  var token = null;
  var officerId = null;
  var cursor = null;
  var rows = [];
  var current = null;

  function $(id) { return document.getElementById(id); }

  function problem(title, text) {
    $('loading').hidden = true;
    $('card').hidden = true;
    $('problem').hidden = false;
    $('problem-title').textContent = title;
    $('problem-text').textContent = text;
    document.title = title;
  }

  function expired() {
    sessionStorage.removeItem(KEY);
    problem('This score card link has expired', 'Links to the score card last a short while, to keep your data safe. Open it again from your CRM.');
  }
  function invalid() {
    sessionStorage.removeItem(KEY);
    problem('This link is not valid', 'Open the score card again from your CRM. If this keeps happening, ask your administrator.');
  }

  // The token's claims (org.officer.expiry), read only to find the officer and to refuse another org's token.
  function claims(t) {
    try {
      var body = t.slice(4).split('.')[0].replace(/-/g, '+').replace(/_/g, '/');
      var parts = atob(body).split('.');
      return parts.length === 3 ? { org: parts[0], officer: parts[1], exp: Number(parts[2]) } : null;
    } catch (e) { return null; }
  }

  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({ 'Authorization': 'Bearer ' + token }, options.headers || {});
    return fetch(path, options).then(function (response) {
      if (response.ok) { return response.json(); }
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (body.code === 'embed_token_expired') { expired(); } else if (response.status === 401) { invalid(); }
        else if (response.status === 410) { problem('This score card is no longer active', 'The officer has been deactivated.'); }
        throw new Error(body.code || String(response.status));
      });
    });
  }

  function uuid() {
    if (crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // ---- the ranked list ------------------------------------------------------------------------
  function query() {
    var f = $('filters').elements;
    var q = '?limit=25';
    if (f.tier.value) { q += '&tier=' + f.tier.value; }
    if (f.stage.value) { q += '&stage=' + f.stage.value; }
    return q;
  }

  function load(reset) {
    if (reset) { cursor = null; rows = []; $('partners').textContent = ''; }
    var path = '/v1/officers/' + officerId + '/partners' + query() + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    return api(path).then(function (page) {
      cursor = page.nextCursor || null;
      rows = rows.concat(page.items);
      render();
    }).catch(function () { /* the problem page is showing */ });
  }

  function render() {
    var step = $('f-step').value;
    var shown = rows.filter(function (r) { return !step || r.nextStep.code === step; });
    var list = $('partners');
    list.textContent = '';
    shown.forEach(function (r) { list.appendChild(row(r)); });
    $('none').hidden = shown.length > 0;
    $('more').hidden = !cursor;
    $('count').textContent = shown.length + (cursor ? '+' : '') + (shown.length === 1 ? ' partner' : ' partners');
    $('loading').hidden = true;
    $('card').hidden = false;
  }

  function row(r) {
    var li = document.createElement('li');
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'partner';
    b.dataset.relationship = r.relationshipId;
    var trend = TREND[r.trend] || TREND.steady;
    b.innerHTML = '<span class="score tier-' + r.tier + '"></span>'
      + '<span class="who"><span class="name"></span><span class="meta"></span></span>'
      + '<span class="step-col"><span class="step-label"></span><span class="reason"></span></span>'
      + '<span class="trend trend-' + r.trend + '" aria-hidden="true"></span>';
    b.querySelector('.score').textContent = r.score;
    b.querySelector('.name').textContent = r.partnerName;
    b.querySelector('.meta').textContent = (TYPES[r.partnerType] || r.partnerType) + ' · ' + cap(r.tier) + ' · ' + (STAGES[r.stage] || r.stage);
    b.querySelector('.step-label').textContent = STEPS[r.nextStep.code] || r.nextStep.code;
    // the fact behind the step says more to the officer than the rule's gist
    b.querySelector('.reason').textContent = r.nextStep.fact || r.nextStep.reason;
    b.querySelector('.trend').textContent = trend[0];
    b.setAttribute('aria-label', r.partnerName + ', score ' + r.score + ', ' + r.tier + ', ' + trend[1] + ', next step: '
      + (STEPS[r.nextStep.code] || r.nextStep.code));
    b.addEventListener('click', function () { open(r); });
    li.appendChild(b);
    return li;
  }

  function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

  // ---- a partner's detail ---------------------------------------------------------------------
  function open(r) {
    current = r;
    $('d-name').textContent = r.partnerName;
    $('d-type').textContent = (TYPES[r.partnerType] || r.partnerType) + ' · ' + (STAGES[r.stage] || r.stage);
    $('touch-done').textContent = '';
    $('detail').hidden = false;
    document.body.classList.add('detail-open');
    refresh().then(function () { $('detail').focus(); });
    api('/v1/relationships/' + r.relationshipId + '/score-history?days=90').then(spark).catch(function () {});
  }

  function refresh() {
    return api('/v1/relationships/' + current.relationshipId + '/score').then(function (s) {
      $('d-score').textContent = s.score;
      $('d-tier').textContent = cap(s.tier);
      $('d-tier').className = 'chip tier-' + s.tier;
      $('d-step').textContent = STEPS[s.nextStep.code] || s.nextStep.code;
      $('d-step').dataset.code = s.nextStep.code;
      $('d-reason').textContent = s.nextStep.reason + (s.nextStep.fact ? ' ' + s.nextStep.fact : '');
      var why = $('d-why');
      why.textContent = '';
      (s.explanation || []).slice(0, 5).forEach(function (c) {
        var li = document.createElement('li');
        var pct = Math.round(c.share * 100);
        li.innerHTML = '<span class="why-label"></span><span class="bar"><span></span></span><span class="pct"></span>';
        li.querySelector('.why-label').textContent = EVENTS[c.type] || c.type;
        li.querySelector('.bar span').style.width = Math.max(2, pct) + '%';
        li.querySelector('.pct').textContent = pct + '%';
        why.appendChild(li);
      });
      if (!why.children.length) { why.innerHTML = '<li class="muted">No activity yet.</li>'; }
    }).catch(function () {});
  }

  // A 90-day sparkline drawn as SVG from the score history (one point per day).
  function spark(history) {
    var days = history.days || [];
    var w = 600, h = 96, pad = 6;
    var box = $('spark');
    if (days.length < 2) { box.textContent = 'Not enough history yet.'; return; }
    var points = days.map(function (d, i) {
      return [pad + i * (w - 2 * pad) / (days.length - 1), h - pad - d.score * (h - 2 * pad) / 100];
    });
    var line = points.map(function (p, i) { return (i ? 'L' : 'M') + p[0].toFixed(1) + ' ' + p[1].toFixed(1); }).join(' ');
    var area = line + ' L' + points[points.length - 1][0].toFixed(1) + ' ' + (h - pad) + ' L' + pad + ' ' + (h - pad) + ' Z';
    var first = days[0].score, last = days[days.length - 1].score;
    box.innerHTML = '<svg viewBox="0 0 ' + w + ' ' + h + '" preserveAspectRatio="none" role="img">'
      + '<title></title><path class="area" d="' + area + '"/><path class="line" d="' + line + '"/>'
      + '<circle class="dot" r="4" cx="' + points[points.length - 1][0].toFixed(1) + '" cy="' + points[points.length - 1][1].toFixed(1) + '"/></svg>'
      + '<p class="spark-legend"><span>' + shortDate(days[0].date) + ': ' + first + '</span><span>Today: ' + last + '</span></p>';
    box.querySelector('title').textContent = 'Score over the last ' + days.length + ' days, from ' + first + ' to ' + last;
  }

  function shortDate(iso) {
    return new Date(iso + 'T12:00:00Z').toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  }

  function touch(type) {
    var event = { eventId: uuid(), type: type, occurredAt: new Date().toISOString(), partnerId: current.partnerId };
    if (type === 'meeting_logged') { event.properties = { kind: 'coffee' }; }
    return api('/v1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sentAt: new Date().toISOString(), events: [event] })
    }).then(function (result) {
      var ok = result.accepted + result.duplicates > 0;
      $('touch-done').textContent = ok ? 'Recorded ' + TOUCHES[type] + '.' : 'Not recorded: ' + (result.rejected[0] && result.rejected[0].message);
      return refresh();
    }).then(function () { load(true); }).catch(function () {});
  }

  function close() {
    $('detail').hidden = true;
    document.body.classList.remove('detail-open');
    var back = document.querySelector('.partner[data-relationship="' + (current && current.relationshipId) + '"]');
    if (back) { back.focus(); }
  }

  function start() {
    var fromHash = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
    if (fromHash) {
      token = decodeURIComponent(fromHash[1]);
      sessionStorage.setItem(KEY, token);
      history.replaceState(null, '', location.pathname + location.search);
    } else {
      token = sessionStorage.getItem(KEY);
    }
    var c = token && claims(token);
    var org = new URLSearchParams(location.search).get('org');
    if (!c || (org && org !== c.org)) { invalid(); return; }
    if (c.exp * 1000 <= Date.now()) { expired(); return; }
    officerId = c.officer;
    Object.keys(STEPS).forEach(function (code) {
      var o = document.createElement('option');
      o.value = code; o.textContent = STEPS[code];
      $('f-step').appendChild(o);
    });
    $('f-tier').addEventListener('change', function () { load(true); });
    $('f-stage').addEventListener('change', function () { load(true); });
    $('f-step').addEventListener('change', render);
    $('more').addEventListener('click', function () { load(false); });
    $('back').addEventListener('click', close);
    document.querySelectorAll('.btn-touch').forEach(function (b) {
      b.addEventListener('click', function () { touch(b.dataset.type); });
    });
    $('asof').textContent = 'As of ' + new Date().toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
    api('/v1/officers/' + officerId).then(function (o) {
      $('officer-name').textContent = o.displayName + '’s partners';
      document.title = o.displayName + ' · Partner score card';
    }).catch(function () {});
    load(true);
  }

  start();
}());
