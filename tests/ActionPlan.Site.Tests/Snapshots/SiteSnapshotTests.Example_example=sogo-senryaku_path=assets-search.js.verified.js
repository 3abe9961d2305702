/* サイト内検索 — progressive enhancement: without this script the header's search box stays hidden and the search page
   says how else to find an item. The index (search/index.js, made by the build) sets window.apSearch; this script
   folds the text and the query the same way — NFKC (全角・半角), lower case, katakana to hiragana — and finds each word
   of the query anywhere in an item's text. Every text it shows comes from the page (the theme's words), none from here. */
(function () {
  'use strict';

  var box = document.querySelector('.ap-header__search');
  if (box) box.hidden = false;

  var form = document.getElementById('search-form');
  var data = window.apSearch;
  if (!form || !data) return;

  // A half-width voiced mark (ﾞ ﾟ) belongs to the kana before it: fold the pair together (ｶﾞ → が).
  function segments(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var start = i, seg = text.charAt(i);
      var code = text.charCodeAt(i);
      if (code >= 0xD800 && code <= 0xDBFF && i + 1 < text.length) { seg += text.charAt(++i); }
      if (i + 1 < text.length && (text.charCodeAt(i + 1) === 0xFF9E || text.charCodeAt(i + 1) === 0xFF9F)) { seg += text.charAt(++i); }
      out.push({ start: start, end: i + 1, text: seg });
    }
    return out;
  }

  function foldSegment(seg) {
    var s = seg.normalize('NFKC').toLowerCase(), out = '';
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      out += String.fromCharCode(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c);
    }
    return out;
  }

  // The folded text and, for each folded character, where it came from in the original.
  function prepare(text) {
    var norm = '', from = [], to = [];
    segments(text).forEach(function (seg) {
      var folded = foldSegment(seg.text);
      for (var j = 0; j < folded.length; j++) { norm += folded.charAt(j); from.push(seg.start); to.push(seg.end); }
    });
    return { text: text, norm: norm, from: from, to: to };
  }

  function fold(text) { return segments(text).map(function (s) { return foldSegment(s.text); }).join(''); }

  var docs = data.docs.map(function (d) {
    return { doc: d, title: prepare('No.' + d.n + ' ' + d.t), body: prepare(d.x) };
  });

  var params = new URLSearchParams(window.location.search);
  var query = (params.get('q') || '').trim();
  var filters = { policy: params.get('policy') || '', division: params.get('division') || '', grade: params.get('grade') || '' };
  document.getElementById('search-q').value = query;
  ['policy', 'division', 'grade'].forEach(function (name) { document.getElementById('search-' + name).value = filters[name]; });
  if (!query && !filters.policy && !filters.division && !filters.grade) return;

  var terms = fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });

  function count(hay, term) { var n = 0, i = hay.indexOf(term); while (i >= 0) { n++; i = hay.indexOf(term, i + term.length); } return n; }

  var results = docs.filter(function (e) {
    var d = e.doc;
    if (filters.policy && d.p.indexOf(filters.policy) < 0) return false;
    if (filters.division && d.d.indexOf(filters.division) < 0) return false;
    if (filters.grade && d.g !== filters.grade) return false;
    return terms.every(function (t) { return e.title.norm.indexOf(t) >= 0 || e.body.norm.indexOf(t) >= 0; });
  }).map(function (e) {
    var inTitle = terms.filter(function (t) { return e.title.norm.indexOf(t) >= 0; }).length;
    var hits = terms.reduce(function (sum, t) { return sum + count(e.body.norm, t); }, 0);
    return { entry: e, score: inTitle * 1000 + hits };
  }).sort(function (a, b) { return b.score - a.score || a.entry.doc.n - b.entry.doc.n; });

  // The snippet: the words around the first match in the text, each match marked.
  function snippet(prepared) {
    var first = -1;
    terms.forEach(function (t) { var i = prepared.norm.indexOf(t); if (i >= 0 && (first < 0 || i < first)) first = i; });
    var p = document.createElement('p');
    p.className = 'ap-search__snippet';
    if (first < 0) { p.textContent = prepared.text.slice(0, 80); return p; }
    var start = Math.max(0, prepared.from[first] - 40), end = Math.min(prepared.text.length, prepared.to[first] + 60);
    var marks = [];
    terms.forEach(function (t) {
      var i = prepared.norm.indexOf(t);
      while (i >= 0) {
        var a = prepared.from[i], b = prepared.to[i + t.length - 1];
        if (a >= start && b <= end) marks.push([a, b]);
        i = prepared.norm.indexOf(t, i + t.length);
      }
    });
    marks.sort(function (x, y) { return x[0] - y[0]; });
    var at = start;
    if (start > 0) p.appendChild(document.createTextNode('…'));
    marks.forEach(function (m) {
      if (m[0] < at) return;
      p.appendChild(document.createTextNode(prepared.text.slice(at, m[0]).replace(/\n/g, ' ')));
      var mark = document.createElement('mark');
      mark.textContent = prepared.text.slice(m[0], m[1]);
      p.appendChild(mark);
      at = m[1];
    });
    p.appendChild(document.createTextNode(prepared.text.slice(at, end).replace(/\n/g, ' ') + (end < prepared.text.length ? '…' : '')));
    return p;
  }

  var list = document.getElementById('search-results');
  results.forEach(function (r) {
    var d = r.entry.doc;
    var li = document.createElement('li');
    li.className = 'ap-search__result';
    var a = document.createElement('a');
    a.href = d.u;
    a.textContent = 'No.' + d.n + ' ' + d.t;
    li.appendChild(a);
    var meta = document.createElement('p');
    meta.className = 'ap-search__result-meta';
    meta.textContent = d.d.join('、') + ' ／ ' + d.g;
    li.appendChild(meta);
    if (terms.length > 0) li.appendChild(snippet(r.entry.body.norm.indexOf(terms[0]) >= 0 || terms.some(function (t) { return r.entry.body.norm.indexOf(t) >= 0; }) ? r.entry.body : r.entry.title));
    list.appendChild(li);
  });

  var message = !query ? form.getAttribute('data-all') : results.length > 0 ? form.getAttribute('data-found') : form.getAttribute('data-none');
  document.getElementById('search-status').textContent = message.replace('{query}', query).replace('{count}', String(results.length));
  document.title = document.getElementById('search-status').textContent + ' | ' + document.title;
})();
