// The partner's branded app: the officer's card, the feed, calculators, sharing, feedback, and tracking
// of every use through POST /v1/events with the install token kept in this browser's storage.
(function () {
  'use strict';
  var TOKEN = 'rapport.installToken';
  var QUEUE = 'rapport.eventQueue';
  var FEED = 'rapport.feed';
  var token = localStorage.getItem(TOKEN);
  var officer = null;
  var partner = null;
  var flushing = false;

  function $(id) { return document.getElementById(id); }

  // ---- ids and the offline queue ----------------------------------------------------------------
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function queue() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; }
  }

  function saveQueue(events) { localStorage.setItem(QUEUE, JSON.stringify(events)); }

  // Each event gets its id here, on the phone, so a batch sent twice is counted once by the server.
  function track(type, properties, contentId) {
    var event = { eventId: uuid(), type: type, occurredAt: new Date().toISOString() };
    if (properties) { event.properties = properties; }
    if (contentId) { event.contentId = contentId; }
    var events = queue();
    events.push(event);
    saveQueue(events.slice(-2000));
    scheduleFlush();
  }

  var flushTimer = null;
  function scheduleFlush() {
    clearTimeout(flushTimer);
    flushTimer = setTimeout(flush, 400);
  }

  function flush() {
    if (flushing || !token || !navigator.onLine) { return Promise.resolve(); }
    var batch = queue().slice(0, 500);
    if (batch.length === 0) { return Promise.resolve(); }
    flushing = true;
    return fetch('/v1/events', {
      method: 'POST',
      headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ sentAt: new Date().toISOString(), events: batch })
    }).then(function (response) {
      if (response.status === 410) { inactive(); return null; }
      if (!response.ok) {
        // A 4xx will never succeed as sent: drop the batch rather than resend it for ever.
        if (response.status >= 400 && response.status < 500 && response.status !== 429) { settle(batch); }
        return null;
      }
      settle(batch);
      return response.json();
    }).catch(function () { /* offline or unreachable: the events stay queued */ })
      .then(function () {
        flushing = false;
        if (queue().length > 0 && navigator.onLine) { scheduleFlush(); }
      });
  }

  // Accepted, duplicate and rejected events are all settled: only unsent ones stay queued.
  function settle(batch) {
    var sent = {};
    batch.forEach(function (e) { sent[e.eventId] = true; });
    saveQueue(queue().filter(function (e) { return !sent[e.eventId]; }));
  }

  function showOffline() { $('offline').hidden = navigator.onLine; }
  window.addEventListener('online', function () { showOffline(); flush(); });
  window.addEventListener('offline', showOffline);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { flush(); } });

  // ---- pages for the states that are not the app ------------------------------------------------
  function problem(title, text) {
    $('loading').hidden = true;
    $('app').hidden = true;
    $('problem').hidden = false;
    $('problem-title').textContent = title;
    $('problem-text').textContent = text;
    document.title = title;
  }

  function inactive() {
    localStorage.removeItem(FEED);
    problem('This app is no longer active',
      'Thank you for using it. Your loan officer is no longer offering this app; if you would like to keep in touch, please reach out to them directly.');
  }

  // ---- brand colours, with text that stays readable (WCAG AA) -----------------------------------
  function luminance(hex) {
    var n = parseInt(hex.slice(1), 16);
    return [n >> 16, (n >> 8) & 255, n & 255].map(function (v) {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }).reduce(function (sum, v, i) { return sum + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function darken(hex, by) {
    var n = parseInt(hex.slice(1), 16);
    var c = [n >> 16, (n >> 8) & 255, n & 255].map(function (v) { return Math.max(0, Math.round(v * (1 - by))); });
    return '#' + c.map(function (v) { return (v + 0x100).toString(16).slice(1); }).join('');
  }
  // The colour itself if text of it reads on white at 4.5:1, else the nearest darker shade that does.
  function readable(hex) {
    var c = hex;
    for (var i = 0; i < 20 && contrast(c, '#ffffff') < 4.5; i++) { c = darken(c, 0.08); }
    return c;
  }
  function brand(colors) {
    var primary = (colors && colors.primary) || '#1F4E79';
    var accent = (colors && (colors.accent || colors.secondary)) || primary;
    var strong = readable(primary);
    var root = document.documentElement.style;
    root.setProperty('--brand', primary);
    root.setProperty('--brand-ink', contrast(primary, '#ffffff') >= 4.5 ? '#ffffff' : '#111827');
    root.setProperty('--brand-strong', strong);
    root.setProperty('--accent', accent);
    root.setProperty('--accent-ink', contrast(accent, '#ffffff') >= 4.5 ? '#ffffff' : '#111827');
    document.querySelector('meta[name=theme-color]').setAttribute('content', primary);
    return primary;
  }

  // ---- the feed ---------------------------------------------------------------------------------
  function loadFeed() {
    // The service worker answers from its copy when offline, and revalidates it with its ETag.
    return fetch('/v1/app/feed', { headers: { 'Authorization': 'Bearer ' + token } })
      .then(function (response) {
        if (response.status === 410) { inactive(); return null; }
        if (response.status === 401 || response.status === 403) {
          localStorage.removeItem(TOKEN);
          problem('This app needs a new link', 'Its access has ended. Ask your loan officer to send you a new install link.');
          return null;
        }
        if (!response.ok) { throw new Error('feed ' + response.status); }
        return response.json().then(function (feed) {
          localStorage.setItem(FEED, JSON.stringify(feed));
          return feed;
        });
      })
      .catch(function () {
        var kept = localStorage.getItem(FEED);
        if (kept) { return JSON.parse(kept); }
        problem('You are offline', 'Connect to the internet once to load your app; after that it works offline too.');
        return null;
      });
  }

  function initials(name) {
    return name.split(/\s+/).filter(Boolean).slice(0, 2).map(function (w) { return w[0].toUpperCase(); }).join('');
  }

  function image(path, img) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + token } }).then(function (response) {
      if (!response.ok) { return false; }
      return response.blob().then(function (blob) { img.src = URL.createObjectURL(blob); return true; });
    }).catch(function () { return false; });
  }

  function render(feed) {
    officer = feed.officer;
    partner = feed.partner;
    var color = brand(officer.brandColors);
    document.title = officer.displayName;
    $('name').textContent = officer.displayName;
    $('about-name').textContent = officer.displayName.split(' ')[0];
    $('title').textContent = officer.title || '';
    $('nmls').textContent = officer.nmlsId ? 'NMLS #' + officer.nmlsId : '';
    $('monogram').textContent = initials(officer.displayName);
    $('bio').textContent = officer.bio || '';
    if (officer.photoEtag) {
      $('photo').alt = 'Photo of ' + officer.displayName;
      image('/v1/app/officer-photo', $('photo')).then(function (ok) {
        $('photo').hidden = !ok;
        $('monogram').hidden = ok;
      });
    }
    contact('call', officer.phone && 'tel:' + officer.phone.replace(/[^+\d]/g, ''), 'Call ' + officer.displayName);
    contact('text', officer.phone && 'sms:' + officer.phone.replace(/[^+\d]/g, ''), 'Text ' + officer.displayName);
    contact('email', officer.email && 'mailto:' + officer.email, 'Email ' + officer.displayName);
    social(officer.socialLinks || {});
    items(feed.items || []);
    manifest(officer.displayName, color);
    $('loading').hidden = true;
    $('problem').hidden = true;
    $('app').hidden = false;
  }

  function contact(id, href, label) {
    var link = $(id);
    if (!href) { link.hidden = true; return; }
    link.href = href;
    link.setAttribute('aria-label', label);
  }

  function social(links) {
    var names = { website: 'Website', linkedin: 'LinkedIn', facebook: 'Facebook', instagram: 'Instagram', x: 'X', youtube: 'YouTube' };
    var list = $('social');
    list.textContent = '';
    Object.keys(links).forEach(function (key) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = links[key];
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      a.textContent = names[key] || key;
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  var KINDS = { article: 'Article', calculator: 'Tool', rate_update: 'Rate update', market_report: 'Market report',
    checklist: 'Checklist', video: 'Video', cobranded_flyer: 'Co-branded flyer' };

  function items(list) {
    var ul = $('items');
    ul.textContent = '';
    $('no-items').hidden = list.length > 0;
    list.forEach(function (item) {
      var li = document.createElement('li');
      li.className = 'card item';
      var kind = document.createElement('span');
      kind.className = 'kind kind-' + item.kind;
      kind.textContent = KINDS[item.kind] || item.kind;
      var h = document.createElement('h3');
      h.textContent = item.title;
      li.appendChild(kind);
      li.appendChild(h);
      if (item.cobrand) {
        var by = document.createElement('p');
        by.className = 'cobrand';
        by.textContent = item.cobrand.partnerName + (item.cobrand.partnerCompany ? ', ' + item.cobrand.partnerCompany : '')
          + ' × ' + item.cobrand.officerName;
        if (partner && partner.logoEtag) {
          var logo = document.createElement('img');
          logo.alt = (item.cobrand.partnerCompany || item.cobrand.partnerName) + ' logo';
          logo.className = 'logo';
          logo.width = 28; logo.height = 28;
          image('/v1/app/partner-logo', logo);
          by.prepend(logo);
        }
        li.appendChild(by);
      }
      if (item.summary) {
        var p = document.createElement('p');
        p.className = 'summary';
        p.textContent = item.summary;
        li.appendChild(p);
      }
      var body = document.createElement('div');
      body.className = 'body';
      body.hidden = true;
      body.id = 'body-' + item.id;
      body.textContent = item.body || '';
      if (item.url) {
        var more = document.createElement('a');
        more.href = item.url;
        more.rel = 'noopener noreferrer';
        more.target = '_blank';
        more.textContent = 'Open the full ' + (KINDS[item.kind] || 'item').toLowerCase();
        more.className = 'more';
        body.appendChild(document.createElement('br'));
        body.appendChild(more);
      }
      li.appendChild(body);
      var actions = document.createElement('div');
      actions.className = 'actions';
      var read = button('Read', 'btn btn-secondary');
      read.setAttribute('aria-expanded', 'false');
      read.setAttribute('aria-controls', body.id);
      read.addEventListener('click', function () {
        var open = body.hidden;
        body.hidden = !open;
        read.setAttribute('aria-expanded', String(open));
        read.textContent = open ? 'Close' : 'Read';
        if (open) { track('content_viewed', { kind: item.kind }, item.id); }
      });
      var share = button('Share', 'btn btn-ghost');
      share.setAttribute('aria-label', 'Share ' + item.title);
      share.addEventListener('click', function () {
        shareText(item.title, (item.summary || item.title) + (item.url ? '\n' + item.url : ''), item.url)
          .then(function (how) { track('content_shared', { kind: item.kind, method: how }, item.id); });
      });
      actions.appendChild(read);
      actions.appendChild(share);
      li.appendChild(actions);
      ul.appendChild(li);
    });
  }

  function button(text, className) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    return b;
  }

  function manifest(name, color) {
    if (document.querySelector('link[rel=manifest]')) { return; }
    var link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/app/manifest.webmanifest?name=' + encodeURIComponent(name) + '&color=' + encodeURIComponent(color);
    document.head.appendChild(link);
    var icon = document.querySelector('link[rel=icon]');
    icon.href = '/app/icon.svg?color=' + encodeURIComponent(color) + '&initials=' + encodeURIComponent(initials(name));
  }

  // ---- sharing: the Web Share API where there is one, else copy to the clipboard ------------------
  function shareText(title, text, url) {
    if (navigator.share) {
      return navigator.share({ title: title, text: text, url: url || undefined })
        .then(function () { return 'share_sheet'; });
    }
    var copy = navigator.clipboard && navigator.clipboard.writeText
      ? navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard'));
    return copy.then(function () {
      toast('Copied. Paste it into a text or email to your client.');
      return 'copied';
    }, function () {
      toast('Copy this: ' + text);
      return 'shown';
    });
  }

  function toast(text) {
    var t = $('toast');
    t.textContent = text;
    t.classList.add('show');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.classList.remove('show'); }, 6000);
  }

  function cardText() {
    return [officer.displayName, officer.title, officer.nmlsId ? 'NMLS #' + officer.nmlsId : null,
      officer.phone, officer.email, officer.socialLinks && officer.socialLinks.website]
      .filter(Boolean).join('\n');
  }

  // ---- views, calculators, feedback -------------------------------------------------------------
  function show(view) {
    $('toast').classList.remove('show');
    document.querySelectorAll('.tab').forEach(function (tab) {
      if (tab.dataset.view === view) { tab.setAttribute('aria-current', 'page'); } else { tab.removeAttribute('aria-current'); }
    });
    document.querySelectorAll('.view').forEach(function (section) { section.hidden = section.id !== 'view-' + view; });
    if (view === 'about') { track('profile_viewed', { section: 'about' }); }
  }

  function money(value) {
    return value.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  }

  // Reads the form's fields by the rules given; shows each problem under its field.
  function readForm(form, rules) {
    var values = {};
    var ok = true;
    Object.keys(rules).forEach(function (name) {
      var field = form.elements[name];
      var rule = rules[name];
      var result = RapportCalc.read(field.value, rule[0], rule[1], rule[2]);
      var error = $(field.id + '-e');
      if (result.error) {
        ok = false;
        field.setAttribute('aria-invalid', 'true');
        error.textContent = result.error;
      } else {
        field.removeAttribute('aria-invalid');
        error.textContent = '';
        values[name] = result.value;
      }
    });
    return ok ? values : null;
  }

  function onPayment(event) {
    event.preventDefault();
    var form = event.target;
    var input = readForm(form, { price: ['Home price', 10000, 20000000], downPct: ['Down payment', 0, 99],
      rate: ['Interest rate', 0, 25], taxPct: ['Property tax', 0, 10], insurance: ['Home insurance', 0, 100000] });
    if (!input) { form.querySelector('[aria-invalid=true]').focus(); return; }
    input.years = Number(form.elements.years.value);
    var r = RapportCalc.payment(input);
    $('payment-total').textContent = money(r.total);
    $('payment-pi').textContent = money(r.principalAndInterest);
    $('payment-ti').textContent = money(r.taxesAndInsurance);
    $('payment-loan').textContent = money(r.loan);
    $('payment-interest').textContent = money(r.totalInterest);
    $('payment-result').hidden = false;
    track('calculator_used', { calculator: 'payment', price: input.price, downPct: input.downPct, rate: input.rate,
      years: input.years, taxPct: input.taxPct, insurance: input.insurance, monthly: Math.round(r.total) });
  }

  function onAfford(event) {
    event.preventDefault();
    var form = event.target;
    var input = readForm(form, { income: ['Income', 1000, 10000000], debts: ['Monthly debts', 0, 100000],
      down: ['Down payment', 0, 10000000], rate: ['Interest rate', 0, 25] });
    if (!input) { form.querySelector('[aria-invalid=true]').focus(); return; }
    var r = RapportCalc.affordability(input);
    $('afford-price').textContent = r.price > 0 ? 'Up to ' + money(r.price) : 'Debts leave no room for a payment yet';
    $('afford-budget').textContent = money(r.budget);
    $('afford-loan').textContent = money(r.loan);
    $('afford-result').hidden = false;
    track('calculator_used', { calculator: 'affordability', income: input.income, debts: input.debts,
      down: input.down, rate: input.rate, maxPrice: Math.round(r.price) });
  }

  function onFeedback(event) {
    event.preventDefault();
    var form = event.target;
    var rating = form.querySelector('input[name=rating]:checked');
    if (!rating) {
      $('rating-e').textContent = 'Choose a rating from 1 to 5.';
      form.querySelector('input[name=rating]').focus();
      return;
    }
    $('rating-e').textContent = '';
    var properties = { rating: Number(rating.value) };
    var comment = form.elements.comment.value.trim();
    if (comment) { properties.comment = comment; }
    track('feedback_given', properties);
    form.reset();
    $('feedback-done').hidden = false;
  }

  function wire() {
    document.querySelectorAll('.tab').forEach(function (tab) {
      tab.addEventListener('click', function () { show(tab.dataset.view); });
    });
    ['call', 'text', 'email'].forEach(function (id) {
      $(id).addEventListener('click', function () { track('contact_tapped', { channel: id }); });
    });
    $('share-card').addEventListener('click', function () {
      shareText(officer.displayName, cardText(), officer.socialLinks && officer.socialLinks.website)
        .then(function (how) { track('card_shared', { method: how }); });
    });
    $('payment').addEventListener('submit', onPayment);
    $('afford').addEventListener('submit', onAfford);
    $('feedback').addEventListener('submit', onFeedback);
  }

  function start() {
    showOffline();
    if (!token) {
      problem('Open your install link', 'This app opens from the link your loan officer sent you. Ask them for a new one if it has expired.');
      return;
    }
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(function () { /* the app works without it */ });
      // The first visit loaded the feed before the worker took over: fetch it once more through the worker,
      // so that the next start works offline.
      navigator.serviceWorker.addEventListener('controllerchange', function () {
        fetch('/v1/app/feed', { headers: { 'Authorization': 'Bearer ' + token } }).catch(function () {});
      });
    }
    wire();
    loadFeed().then(function (feed) {
      if (!feed) { return; }
      render(feed);
      track('app_opened');
    });
  }

  start();
}());
