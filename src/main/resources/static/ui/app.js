// Prometric ERP pages: the CSRF token on every htmx request, and the workspace and language switchers.
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="_csrf_header"]');
  var token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target.matches('[data-switch-workspace]')) {
    window.location.href = target.value;
  }
  if (target.matches('[data-switch-language]')) {
    var url = new URL(window.location.href);
    url.searchParams.set('lang', target.value);
    window.location.href = url.toString();
  }
});
