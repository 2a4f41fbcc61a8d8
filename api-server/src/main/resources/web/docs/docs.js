// Renders the contract this server serves; the validator badge (a third-party request) is off.
window.addEventListener('DOMContentLoaded', function () {
  'use strict';
  window.ui = SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#swagger-ui', validatorUrl: null,
    deepLinking: true, defaultModelsExpandDepth: 0, docExpansion: 'list' });
});
