// Small helpers for the admin pages. Every page works without them; they add typeahead
// suggestions and turn a text selection in the article reader into a pre-filled form.
(function () {
  'use strict';

  // Typeahead: inputs with data-suggest fetch matching names into their datalist.
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var timer = null;
    var asked = '';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || q === asked || /\[#\d+\]$/.test(q)) { return; }
      timer = setTimeout(function () {
        asked = q;
        fetch(input.dataset.suggest + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (options) {
            list.replaceChildren.apply(list, options.map(function (o) {
              var option = document.createElement('option');
              option.value = o.value;
              if (o.label) { option.label = o.label; }
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience; typing the name still works */ });
      }, 150);
    });
  });

  // Article reader: a selection inside the text becomes a quote with code-point offsets.
  var text = document.getElementById('article-text');
  var actions = document.getElementById('selection-actions');
  if (text && actions) {
    var codePoints = function (s) { return Array.from(s).length; };
    var update = function () {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { actions.hidden = true; return; }
      var range = selection.getRangeAt(0);
      if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) { actions.hidden = true; return; }
      var before = document.createRange();
      before.setStart(text, 0);
      before.setEnd(range.startContainer, range.startOffset);
      var quote = range.toString();
      if (quote.trim() === '') { actions.hidden = true; return; }
      var start = codePoints(before.toString());
      actions.querySelectorAll('a[data-base]').forEach(function (link) {
        link.href = link.dataset.base + '&quote=' + encodeURIComponent(quote) + '&start=' + start;
      });
      actions.querySelector('.selected-quote').textContent = quote.length > 160 ? quote.slice(0, 160) + '…' : quote;
      actions.querySelector('.selected-start').textContent = String(start);
      actions.hidden = false;
    };
    document.addEventListener('selectionchange', update);
  }

  // After a failed submit, bring the error summary into view and focus.
  var errors = document.getElementById('form-errors');
  if (errors) { errors.focus(); }
})();
