// Progressive enhancement of the choosers (web/pages/Choosers.java): while one types in a field with
// data-suggest, its datalist is filled from the API. Without this script the server reads what was typed.
(function () {
  'use strict';
  function attach(input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) { return; }
    var timer = null;
    var asked = '';
    input.addEventListener('input', function () {
      var typed = input.value.trim();
      if (typed.length < 2 || typed === asked) { return; }
      clearTimeout(timer);
      timer = setTimeout(function () {
        asked = typed;
        fetch(input.getAttribute('data-suggest') + encodeURIComponent(typed), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (page) {
            while (list.firstChild) { list.removeChild(list.firstChild); }
            (page.items || []).forEach(function (item) {
              var option = document.createElement('option');
              option.value = item.slug;
              option.label = item.displayName || item.title || item.slug;
              list.appendChild(option);
            });
          })
          .catch(function () { /* the server still reads what was typed */ });
      }, 200);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('input[data-suggest]'), attach);
  });
})();
