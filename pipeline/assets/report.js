// policy-claims report: an article index, an article view rendered when opened, and a
// claims table with filters, typed sorting and pages. Every piece of data reaches the page
// through textContent or setAttribute, never as markup; links come pre-checked (http(s)).
'use strict';
(() => {
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const articles = data.articles, claims = data.claims, sentences = data.sentences, types = data.types;
  const PAGE = data.page_size;
  const $ = (id) => document.getElementById(id);

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  }

  // -- derived data ------------------------------------------------------------------------
  const byArticle = articles.map(() => []);
  const articleIndex = new Map(articles.map((a, i) => [a.id, i]));
  const claimById = new Map();
  for (const c of claims) {
    if (c.a >= 0) byArticle[c.a].push(c);
    claimById.set(c.id, c);
  }
  const tally = articles.map((_, i) => {
    const counts = Object.fromEntries(types.map((t) => [t, 0]));
    for (const c of byArticle[i]) counts[c.type] = (counts[c.type] || 0) + 1;
    return counts;
  });
  const dayNumber = (iso) => (iso ? Date.parse(iso + 'T00:00:00Z') / 86400000 : null);
  const articleName = (c) => (c.a >= 0 ? articles[c.a].title || articles[c.a].id : c.article_id);

  // The value a claim sorts by: its type, then a number for counts, a day for dates, a name
  // otherwise (so that counts sort among counts and dates among dates whatever is shown).
  function valueOf(c) {
    if (c.type === 'count') return [c.type, c.value];
    if (c.type === 'date') return [c.type, dayNumber(c.start_date)];
    return [c.type, c.type === 'organization' ? c.name : c.subject ?? null];
  }
  function valueText(c) {
    if (c.type === 'count') {
      const shown = (v) => (Number.isInteger(v) && Math.abs(v) >= 10000 ? v.toLocaleString('en') : `${v}`);
      const number = c.value_max !== undefined && c.value_max !== null ? `${shown(c.value)}–${shown(c.value_max)}` : shown(c.value);
      return c.qualifier ? `${c.qualifier} ${number}` : number;
    }
    if (c.type === 'date') return c.start_date === c.end_date ? c.start_date : `${c.start_date} – ${c.end_date}`;
    if (c.type === 'organization') return c.name;
    return c.subject ?? '';
  }
  function detailText(c) {
    if (c.type === 'count') return c.unit ?? '';
    if (c.type === 'organization') return c.acronym ?? '';
    return '';
  }

  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

  // Numbers compare as numbers, text as text (numbers first), empty cells last either way;
  // an array compares item by item (a claim type, then its value).
  function compare(x, y) {
    if (Array.isArray(x) && Array.isArray(y)) {
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const r = compare(x[i], y[i]);
        if (r) return r;
      }
      return 0;
    }
    const xEmpty = x === null || x === undefined || x === '', yEmpty = y === null || y === undefined || y === '';
    if (xEmpty || yEmpty) return xEmpty === yEmpty ? 0 : xEmpty ? 1 : -1;
    const xNumber = typeof x === 'number', yNumber = typeof y === 'number';
    if (xNumber && yNumber) return x - y;
    if (xNumber !== yNumber) return xNumber ? -1 : 1;
    return collator.compare(String(x), String(y));
  }

  // Draws the table's header from its columns; a click on one sorts by it, again the other way.
  // A column of counts sorts largest first on its first click; any other column, up.
  function sortable(table, columns, state, rerender) {
    const row = table.tHead.rows[0];
    const buttons = columns.map((column) => el('button', { type: 'button', class: 'sort', text: column.label }));
    row.replaceChildren(...buttons.map((button) => el('th', {}, button)));
    columns.forEach((column, i) => {
      buttons[i].addEventListener('click', () => {
        state.up = state.key === column.key ? !state.up : !column.largestFirst;
        state.key = column.key;
        rerender();
      });
    });
    return () =>
      columns.forEach((column, i) => {
        const sorted = state.key === column.key;
        buttons[i].textContent = column.label + (sorted ? (state.up ? ' ▲' : ' ▼') : '');
        row.cells[i].setAttribute('aria-sort', sorted ? (state.up ? 'ascending' : 'descending') : 'none');
      });
  }

  const isEmpty = (v) => v === null || v === undefined || v === '' || (Array.isArray(v) && isEmpty(v[v.length - 1]));

  function sortRows(rows, columns, state) {
    const column = columns.find((c) => c.key === state.key);
    if (!column) return rows;
    const keyed = rows.map((r, i) => [column.sort(r), i, r]);
    keyed.sort((p, q) => {
      const r = compare(p[0], q[0]);
      if (r === 0) return p[1] - q[1];
      const empty = isEmpty(p[0]) || isEmpty(q[0]);
      return state.up || empty ? r : -r;
    });
    return keyed.map((k) => k[2]);
  }

  // -- the article index --------------------------------------------------------------------
  const indexColumns = [
    { key: 'title', label: 'Article', sort: (i) => articles[i].title || articles[i].id },
    { key: 'published', label: 'Published', sort: (i) => dayNumber(articles[i].published) },
    { key: 'author', label: 'Author', sort: (i) => articles[i].author },
    { key: 'source', label: 'Source', sort: (i) => articles[i].source },
    ...types.map((t) => ({ key: t, label: t, sort: (i) => tally[i][t], largestFirst: true })),
    { key: 'all', label: 'claims', sort: (i) => byArticle[i].length, largestFirst: true },
  ];
  const indexState = { key: null, up: true };
  const indexArrows = sortable($('index'), indexColumns, indexState, renderIndex);
  let indexHaystack = null;

  function renderIndex() {
    const q = $('index-filter').value.trim().toLowerCase();
    if (q && !indexHaystack)
      indexHaystack = articles.map((a) => [a.id, a.title, a.author, a.source, a.published].join('\n').toLowerCase());
    let rows = articles.map((_, i) => i).filter((i) => !q || indexHaystack[i].includes(q));
    rows = sortRows(rows, indexColumns, indexState);
    $('index').tBodies[0].replaceChildren(
      ...rows.map((i) => {
        const a = articles[i];
        return el(
          'tr',
          { class: 'row' },
          el(
            'td',
            {},
            el('a', { href: '#article/' + encodeURIComponent(a.id), text: a.title || a.id }),
            a.title ? el('div', { class: 'id', text: a.id }) : '',
          ),
          el('td', { class: 'nowrap', text: a.published ?? '' }),
          el('td', { text: a.author ?? '' }),
          el('td', { class: 'source', text: a.source }),
          ...types.map((t) => el('td', { class: 'num t-' + t, text: String(tally[i][t]) })),
          el('td', { class: 'num', text: String(byArticle[i].length) }),
        );
      }),
    );
    $('index-count').textContent = `${rows.length.toLocaleString()} of ${plural(articles.length, 'article')}`;
    indexArrows();
  }

  // -- one article, rendered when it is opened ----------------------------------------------
  const describe = (c) => `${c.type}: ${c.n} [rule ${c.rule}]`;

  // The text as nodes: each stretch covered by claims is one span, coloured by the shortest.
  function highlighted(text, list, spansOf) {
    const length = text.length, starting = new Map(), ending = new Map(), points = new Set([0, length]);
    const push = (map, key, value) => (map.get(key) || map.set(key, []).get(key)).push(value);
    list.forEach((c, i) => {
      const start = Math.min(Math.max(0, c.u0), length), end = Math.min(Math.max(0, c.u1), length);
      if (start < end) {
        push(starting, start, i);
        push(ending, end, i);
        points.add(start);
        points.add(end);
      }
    });
    const sorted = [...points].sort((x, y) => x - y);
    const active = new Set(), fragment = document.createDocumentFragment();
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k], piece = text.slice(a, sorted[k + 1]);
      for (const i of ending.get(a) || []) active.delete(i);
      for (const i of starting.get(a) || []) active.add(i);
      if (!active.size) {
        fragment.append(piece);
        continue;
      }
      const covering = [...active].sort((x, y) => x - y).map((i) => list[i]);
      const inner = covering.reduce((m, c) => (c.u1 - c.u0 < m.u1 - m.u0 ? c : m));
      const span = el('span', { class: 'claim t-' + inner.type, title: covering.map(describe).join('\n') }, piece);
      for (const c of covering) (spansOf.get(c.id) || spansOf.set(c.id, []).get(c.id)).push(span);
      fragment.append(span);
    }
    return fragment;
  }

  let openIndex = -1;
  let spansOf = new Map();

  function openArticle(i) {
    const view = $('article-view');
    document.querySelectorAll('.flash').forEach((e) => e.classList.remove('flash'));
    if (openIndex !== i) {
      const a = articles[i], list = byArticle[i];
      spansOf = new Map();
      const meta = [a.id, a.author, a.published, a.source].filter((v) => v);
      const metaLine = el('div', { class: 'meta' });
      for (const value of meta) metaLine.append(el('span', { text: value }), ' · ');
      if (a.url) {
        const link = a.link && el('a', { href: a.link, rel: 'noopener noreferrer nofollow', target: '_blank', text: a.link });
        metaLine.append(link || a.url, ' · ');
      }
      metaLine.append(types.map((t) => `${tally[i][t].toLocaleString()} ${t}`).join(', '));
      const text = el('div', { class: 'text' }, highlighted(a.text, list, spansOf));
      const rows = [...list].sort((x, y) => x.u0 - y.u0 || x.u1 - y.u1);
      const table = el(
        'table',
        { id: 'article-claims' },
        el('thead', {}, el('tr', {}, ...['type', 'text', 'value', 'unit / acronym', 'rule'].map((h) => el('th', { text: h })))),
        el(
          'tbody',
          {},
          ...rows.map((c) => {
            const tr = el(
              'tr',
              { class: 'row' },
              el('td', { class: 'kind t-' + c.type, text: c.type }),
              el('td', { text: c.text }),
              el('td', { text: valueText(c) }),
              el('td', { text: detailText(c) }),
              el('td', { class: 'rule', text: c.rule }),
            );
            tr.addEventListener('click', () => flash(c.id));
            return tr;
          }),
        ),
      );
      view.replaceChildren(
        el('p', {}, el('a', { href: '#articles', text: '← all articles' })),
        el('h2', { text: a.title || a.id }),
        metaLine,
        text,
        el('h3', { text: `${plural(list.length, 'claim')} in this article` }),
        table,
      );
      openIndex = i;
    }
    show('article-view');
  }

  function flash(id) {
    document.querySelectorAll('.flash').forEach((e) => e.classList.remove('flash'));
    const spans = spansOf.get(id) || [];
    spans.forEach((s) => s.classList.add('flash'));
    if (spans.length) spans[0].scrollIntoView({ block: 'center' });
  }

  // -- the claims table ---------------------------------------------------------------------
  const claimColumns = [
    { key: 'article', label: 'Article', sort: (c) => [articleName(c), c.article_id] },
    { key: 'type', label: 'Type', sort: (c) => c.type },
    { key: 'text', label: 'Text and sentence', sort: (c) => c.text },
    { key: 'value', label: 'Value, name or subject', sort: valueOf },
    { key: 'detail', label: 'Unit / acronym', sort: detailText },
    { key: 'rule', label: 'Rule', sort: (c) => c.rule },
  ];
  const claimState = { key: null, up: true };
  const claimArrows = sortable($('claims'), claimColumns, claimState, () => renderClaims(true));
  let claimHaystack = null, matching = claims, pageStart = 0;

  for (const t of types) $('type').append(el('option', { value: t, text: t }));
  const titleCount = new Map();
  for (const a of articles) titleCount.set(a.title || a.id, (titleCount.get(a.title || a.id) || 0) + 1);
  articles.forEach((a, i) => {
    const name = a.title || a.id;
    $('article').append(el('option', { value: String(i), text: titleCount.get(name) > 1 ? `${name} (${a.id})` : name }));
  });
  if (claims.some((c) => c.a < 0)) $('article').append(el('option', { value: '-1', text: '(article missing from articles.json)' }));

  const number = (id) => {
    const v = parseFloat($(id).value);
    return Number.isFinite(v) ? v : null;
  };
  const subjectOf = (c) => [c.subject, c.name, c.acronym].filter((v) => v).join('\n').toLowerCase();

  function filtered() {
    const q = $('filter').value.trim().toLowerCase(), type = $('type').value, article = $('article').value;
    const subject = $('subject').value.trim().toLowerCase();
    const low = number('min'), high = number('max');
    const from = $('from').value || null, to = $('to').value || null;
    if (q && !claimHaystack)
      claimHaystack = claims.map((c) =>
        [c.text, sentences[c.s], c.n, c.rule, c.unit, c.name, c.acronym, c.subject, articleName(c)]
          .filter((v) => v !== undefined && v !== null)
          .join('\n')
          .toLowerCase(),
      );
    return claims.filter((c, k) => {
      if (type && c.type !== type) return false;
      if (article && String(c.a) !== article) return false;
      if (subject && !subjectOf(c).includes(subject)) return false;
      if (low !== null || high !== null) {
        if (c.type !== 'count') return false;
        const top = c.value_max ?? c.value;
        if ((low !== null && top < low) || (high !== null && c.value > high)) return false;
      }
      if (from || to) {
        if (c.type !== 'date') return false;
        if ((from && c.end_date < from) || (to && c.start_date > to)) return false;
      }
      return !q || claimHaystack[k].includes(q);
    });
  }

  function claimRow(c) {
    const cell = el('td', {}, el('div', { text: c.text }), el('div', { class: 'sentence', text: sentences[c.s] }));
    const link = c.a >= 0 ? el('a', { href: '#article/' + encodeURIComponent(c.article_id), text: articleName(c) }) : c.article_id;
    const tr = el(
      'tr',
      { class: 'row t-row-' + c.type },
      el('td', {}, link),
      el('td', { class: 'kind t-' + c.type, text: c.type }),
      cell,
      el('td', { class: c.type === 'count' ? 'num' : null, text: valueText(c) }),
      el('td', { text: detailText(c) }),
      el('td', { class: 'rule', text: c.rule }),
    );
    tr.addEventListener('click', (event) => {
      if (event.target.closest('a') || String(getSelection())) return; // a link, or text being selected
      if (c.a >= 0) location.hash = '#claim/' + encodeURIComponent(c.id);
    });
    return tr;
  }

  function renderClaims(refilter) {
    if (refilter) {
      matching = sortRows(filtered(), claimColumns, claimState);
      pageStart = 0;
    }
    const page = matching.slice(pageStart, pageStart + PAGE);
    $('claims').tBodies[0].replaceChildren(...page.map(claimRow));
    const shown = matching.length ? `${pageStart + 1}–${pageStart + page.length} of ` : '';
    $('count').textContent = `${shown}${plural(matching.length, 'matching claim')} (${claims.length.toLocaleString()} in all)`;
    for (const id of ['prev', 'prev-below']) $(id).disabled = pageStart === 0;
    for (const id of ['next', 'next-below']) $(id).disabled = pageStart + PAGE >= matching.length;
    $('count-below').textContent = $('count').textContent;
    claimArrows();
  }

  let claimsRendered = false;
  for (const id of ['filter', 'subject', 'min', 'max', 'from', 'to']) $(id).addEventListener('input', () => renderClaims(true));
  for (const id of ['type', 'article']) $(id).addEventListener('change', () => renderClaims(true));
  $('index-filter').addEventListener('input', renderIndex);
  const turn = (step, below) => () => {
    pageStart = Math.max(0, pageStart + step);
    renderClaims(false);
    if (below) $('claims').scrollIntoView();
  };
  $('prev').addEventListener('click', turn(-PAGE, false));
  $('next').addEventListener('click', turn(PAGE, false));
  $('prev-below').addEventListener('click', turn(-PAGE, true));
  $('next-below').addEventListener('click', turn(PAGE, true));

  // -- views and the address bar -----------------------------------------------------------
  let indexScroll = 0, currentView = 'articles';

  function show(view) {
    if (currentView === 'articles' && view !== 'articles') indexScroll = window.scrollY;
    currentView = view;
    for (const id of ['articles', 'claims-view', 'article-view']) $(id).hidden = id !== view;
    for (const tab of document.querySelectorAll('nav a')) tab.classList.toggle('current', tab.dataset.view === view);
    if (view === 'claims-view' && !claimsRendered) {
      renderClaims(true);
      claimsRendered = true;
    }
  }

  function route() {
    answer(location.hash);
    document.body.dataset.route = location.hash; // the view on show answers this address
  }

  function answer(address) {
    let hash = address.slice(1);
    try {
      hash = decodeURIComponent(hash);
    } catch {
      hash = '';
    }
    $('missing').hidden = true;
    if (hash.startsWith('article/') && articleIndex.has(hash.slice(8))) {
      openArticle(articleIndex.get(hash.slice(8)));
      return window.scrollTo(0, 0);
    }
    if (hash.startsWith('claim/') && claimById.has(hash.slice(6)) && claimById.get(hash.slice(6)).a >= 0) {
      const c = claimById.get(hash.slice(6));
      openArticle(c.a);
      return flash(c.id);
    }
    if (hash === 'claims') return show('claims-view');
    if (hash.startsWith('article/') || hash.startsWith('claim/')) {
      $('missing').textContent = hash.startsWith('article/')
        ? 'This report has no article with that id.'
        : 'That claim is not in this report, or its article is missing from articles.json.';
      $('missing').hidden = false;
    }
    show('articles');
    return window.scrollTo(0, indexScroll);
  }

  window.addEventListener('hashchange', route);
  renderIndex();
  route();
  // the index on screen: marked in the task after the next frame is painted
  requestAnimationFrame(() => setTimeout(() => performance.mark('first-render'), 0));
})();
