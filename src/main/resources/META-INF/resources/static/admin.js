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

  // Find in the article's text: every hit is highlighted (CSS Custom Highlight API: the text's markup
  // is left as it is), Next and Previous select a hit, so that the selection bar above offers it as a
  // quote. Matching ignores case, accents, runs of spaces and typographic quotes and dashes.
  var finder = document.getElementById('find-in-article');
  if (text && finder) {
    var words = document.getElementById('find-words');
    var count = document.getElementById('find-count');
    var hits = [];
    var current = -1;
    var fold = function (s) {
      return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ');
    };
    var paint = function () {
      if (!window.CSS || !CSS.highlights || typeof Highlight === 'undefined') { return; }
      CSS.highlights.set('find-hit', new Highlight(...hits));
      CSS.highlights.set('find-current', current >= 0 ? new Highlight(hits[current]) : new Highlight());
    };
    var search = function () {
      hits = [];
      current = -1;
      var wanted = fold(words.value).trim();
      if (wanted) {
        // The whole text folded, with the text node and offset each folded character comes from.
        var folded = '';
        var origin = [];
        var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
          for (var i = 0; i < node.data.length; i++) {
            var f = fold(node.data[i]);
            for (var k = 0; k < f.length; k++) {
              if (f[k] === ' ' && folded.endsWith(' ')) { continue; }
              folded += f[k];
              origin.push([node, i]);
            }
          }
        }
        for (var at = folded.indexOf(wanted); at !== -1; at = folded.indexOf(wanted, at + wanted.length)) {
          var first = origin[at];
          var last = origin[at + wanted.length - 1];
          var range = document.createRange();
          range.setStart(first[0], first[1]);
          range.setEnd(last[0], last[1] + 1);
          hits.push(range);
        }
      }
      count.textContent = wanted ? (hits.length === 1 ? '1 hit' : hits.length + ' hits') : '';
      paint();
    };
    var go = function (step) {
      if (hits.length === 0) { search(); }
      if (hits.length === 0) { return; }
      current = (current + step + hits.length) % hits.length;
      count.textContent = 'hit ' + (current + 1) + ' of ' + hits.length;
      paint();
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(hits[current].cloneRange());
      hits[current].startContainer.parentElement.scrollIntoView({ block: 'center' });
    };
    words.addEventListener('input', search);
    finder.addEventListener('submit', function (event) { event.preventDefault(); go(1); });
    document.getElementById('find-previous').addEventListener('click', function () { go(-1); });
    var asked = new URLSearchParams(window.location.search).get('find');
    if (asked) { words.value = asked; search(); if (!window.location.hash) { go(1); } }
  }

  // A refused input the tracker can correct (a quote typed with other quotation marks or spaces than
  // the article's): the button fills in the article's own words and where they start.
  document.querySelectorAll('button.use-suggestion').forEach(function (button) {
    button.addEventListener('click', function () {
      var fill = JSON.parse(button.dataset.fill);
      Object.keys(fill).forEach(function (name) {
        var input = document.getElementsByName(name)[0];
        if (input) { input.value = fill[name]; }
      });
      button.parentElement.textContent = 'Filled in with the article\'s words: save again.';
    });
  });

  // After a failed submit, bring the error summary into view and focus.
  var errors = document.getElementById('form-errors');
  if (errors) { errors.focus(); }
})();
