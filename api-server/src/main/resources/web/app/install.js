// /i/{code}: exchanges the one-time code (in a POST body) for the install token, keeps the token in this
// browser's storage and opens the app. The token itself never appears in a URL.
(function () {
  'use strict';
  var TOKEN = 'rapport.installToken';
  var code = decodeURIComponent(location.pathname.replace(/^\/i\//, ''));

  function problem(title, text, haveApp) {
    document.getElementById('loading').hidden = true;
    document.getElementById('problem').hidden = false;
    document.getElementById('problem-title').textContent = title;
    document.getElementById('problem-text').textContent = text;
    document.getElementById('open-app').hidden = !haveApp;
    document.title = title;
  }

  var MESSAGES = {
    install_link_used: ['This link has already been used',
      'Install links work once, to keep your app private. Ask your loan officer to send you a new link.'],
    install_link_expired: ['This link has expired',
      'Install links work for 7 days. Ask your loan officer to send you a new link.'],
    install_link_unknown: ['This link is not valid',
      'Check that the whole link was copied, or ask your loan officer to send you a new one.'],
    install_inactive: ['This app is no longer active',
      'Your loan officer is no longer offering this app. Please reach out to them directly.']
  };

  fetch('/v1/app/install-link-exchanges', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: code }),
    referrerPolicy: 'no-referrer'
  }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (response.ok) {
        localStorage.setItem(TOKEN, body.token);
        location.replace('/app/');
        return;
      }
      var message = MESSAGES[body.code] || ['Something went wrong', 'Please try the link again in a moment.'];
      var haveApp = !!localStorage.getItem(TOKEN);
      problem(message[0], message[1] + (haveApp ? ' If you installed the app already on this phone, open it below.' : ''), haveApp);
    });
  }).catch(function () {
    problem('You are offline', 'Connect to the internet and open the link again.', false);
  });
}());
