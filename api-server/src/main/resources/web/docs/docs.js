// Renders the contract this server serves; the validator badge (a third-party request) is off.
window.addEventListener('DOMContentLoaded', function () {
  'use strict';
  window.ui = SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#swagger-ui', validatorUrl: null,
    deepLinking: true, defaultModelsExpandDepth: 0, docExpansion: 'list',
    // Swagger UI leaves its server picker without a name; screen readers need one.
    onComplete: function () {
      var servers = document.getElementById('servers');
      if (servers) { servers.setAttribute('aria-label', 'Server'); }
    } });
});
