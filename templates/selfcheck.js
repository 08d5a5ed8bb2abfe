
// mediaquiz self-check page: draws the questions from the JSON in #data,
// grades them with the console quiz's rules, keeps progress in localStorage.
// Every bank text reaches the page through textContent, never as HTML.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('data').textContent);
  const t = data.ui;
  const qs = data.questions;

  // ---- Grading: a port of fold_answer (src/text.rs) and text_matches
  // (src/grade.rs). tests/fixtures/grading-cases.json runs through both.
  const ALNUM = /^[\p{Alphabetic}\p{N}]$/u;
  const MARK = /^\p{M}$/u;
  const LETTERS = /^\p{Alphabetic}*$/u;
  const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '\u02BC', '\u2032', '`', '\u00B4']);
  const ARTICLES = new Set(['le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'the', 'a', 'an']);

  function fold(s) {
    const open = s.replace(/[œŒ]/g, 'oe').replace(/[æÆ]/g, 'ae');
    let lowered = '';
    for (const c of open.normalize('NFD')) {
      if (MARK.test(c)) continue;
      // Per character, as Rust's char::to_lowercase (no final-sigma context).
      for (const l of c.toLowerCase()) {
        lowered += ALNUM.test(l) ? l : APOSTROPHES.has(l) ? "'" : ' ';
      }
    }
    const words = lowered.replace(/'/g, "' ").split(' ')
      .map((w) => w.replace(/'+$/, '')).filter((w) => w !== '');
    const kept = words.filter((w) => !ARTICLES.has(w));
    return (kept.length ? kept : words).join(' ');
  }

  // Damerau-Levenshtein distance exactly 1, on code points.
  function oneEdit(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (a.length === b.length) {
      const diff = [];
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
      if (diff.length === 1) return true;
      return diff.length === 2 && diff[1] === diff[0] + 1
        && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
    }
    if (Math.abs(a.length - b.length) !== 1) return false;
    const [long, short] = a.length > b.length ? [a, b] : [b, a];
    let i = 0;
    while (i < short.length && long[i] === short[i]) i++;
    return long.slice(i + 1).join('\u0000') === short.slice(i).join('\u0000');
  }

  function oneSlip(typed, expected) {
    const tw = typed.split(' ');
    const ew = expected.split(' ');
    if (tw.length !== ew.length) return false;
    const differing = tw.map((w, i) => [w, ew[i]]).filter(([x, y]) => x !== y);
    if (differing.length !== 1) return false;
    const [x, y] = differing[0];
    return Array.from(y).length >= 5 && LETTERS.test(y) && LETTERS.test(x) && oneEdit(x, y);
  }

  function textMatches(typed, forms) {
    const folded = fold(typed);
    if (folded === '') return { kind: 'no' };
    if (forms.some((f) => fold(f) === folded)) return { kind: 'exact' };
    const hit = forms.find((f) => oneSlip(folded, fold(f)));
    return hit === undefined ? { kind: 'no' } : { kind: 'slip', form: hit };
  }
  // Points an answer earns, by the rule of docs/scoring.md (Question::earned
  // in src/bank/mod.rs): all of them when right, else by the question's
  // partial-credit rule; a rubric level is given by the student.
  function earned(q, r) {
    if (!r) return 0;
    if (r.right) return q.points;
    const [hits, parts] = r.parts;
    let points = 0;
    switch (q.partial) {
      case 'per-part': case 'rubric': points = hits; break;
      case 'all-but-one': points = hits + 1 === parts ? 1 : 0; break;
      case 'half-in-place': points = hits * 2 >= parts ? 1 : 0; break;
      default: points = 0;
    }
    return Math.min(points, q.points);
  }
  // The levels a justification is scored at: its rubric's, or 1 and 0.
  const reasoningLevels = (q) => (q.rubric && q.rubric.length ? q.rubric
    : [[1, t.reasoning_levels[0]], [0, t.reasoning_levels[1]]]);

  // For the browser tests, which run the shared grading table through it.
  window.mediaquiz = Object.freeze({ fold, textMatches, grade: (q, a) => grade(q, a), earned });

  // ---- Progress, keyed by bank id + seed + question id.
  const prefix = `mediaquiz/${data.bank}/${data.seed}/`;
  const store = {
    get(key) {
      try { const v = localStorage.getItem(prefix + key); return v ? JSON.parse(v) : null; } catch { return null; }
    },
    set(key, value) {
      try { localStorage.setItem(prefix + key, JSON.stringify(value)); } catch { /* private mode: progress lives in memory */ }
    },
    clear() {
      try {
        const keys = [];
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i);
          if (k && k.startsWith(prefix)) keys.push(k);
        }
        keys.forEach((k) => localStorage.removeItem(k));
      } catch { /* nothing stored */ }
    },
  };

  // A small seeded generator for the retry reshuffle (same seed, same retry).
  function generator(text) {
    let h = 2166136261;
    for (const c of text) { h ^= c.codePointAt(0); h = Math.imul(h, 16777619); }
    return () => {
      h = (h + 0x6D2B79F5) | 0;
      let r = Math.imul(h ^ (h >>> 15), 1 | h);
      r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
      return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffled(list, random) {
    const out = list.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  const range = (n) => Array.from({ length: n }, (_, i) => i);

  // ---- DOM helpers: text only.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v === null || v === undefined) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }
  const quoted = (s) => t.open_quote + s + t.close_quote;
  const label = (s) => s + t.colon + ' ';

  // ---- State.
  const quiz = document.getElementById('quiz');
  const results = document.getElementById('results');
  const controls = document.getElementById('controls');
  const state = qs.map((q) => store.get('q/' + q.id) || {});
  let view = store.get('view') || { mode: 'one', current: 0, only: null, round: 0 };
  const cards = [];

  function size(q) {
    switch (q.type) {
      case 'choices': return q.choices.length;
      case 'match': return q.right.length;
      case 'order': return q.items.length;
      default: return 0;
    }
  }
  function perm(i) {
    const n = size(qs[i]);
    const p = state[i].perm;
    return Array.isArray(p) && p.length === n ? p : range(n);
  }

  // ---- Drawing one question.
  function draw(i) {
    const q = qs[i];
    const s = state[i];
    const id = `q${i}`;
    const card = el('article', { class: 'q', id: `q-${i}`, 'aria-labelledby': `${id}-title` });
    card.append(el('h3', { id: `${id}-title`, tabindex: -1, text: `${t.question} ${i + 1} ${t.of} ${qs.length} · ${q.skill}` }));
    const body = el('div', { lang: data.lang });
    card.append(body);
    const order = perm(i);
    const radios = (name, labels, multi) => el('ul', { class: 'options' }, ...labels.map(([value, text]) =>
      el('li', {}, el('label', {}, el('input', { type: multi ? 'checkbox' : 'radio', name, value }), el('span', { text })))));
    if (q.type === 'choices' || q.type === 'truefalse' || q.type === 'claim') {
      let labels;
      if (q.type === 'choices') labels = order.map((c) => [c, q.choices[c]]);
      else if (q.type === 'truefalse') labels = [['true', t.true_], ['false', t.false_]];
      else labels = t.verdicts.map((v, k) => [k, v]);
      const set = el('fieldset', {}, el('legend', { class: 'prompt', text: q.prompt }),
        radios(id, labels, q.type === 'choices' && q.multi));
      if (q.type !== 'choices') set.querySelector('ul').setAttribute('lang', document.documentElement.lang);
      body.append(set);
    } else if (q.type === 'text') {
      if (q.parts.length === 1) {
        body.append(el('p', { class: 'prompt' }, el('label', { for: `${id}-g0`, text: q.prompt })));
        body.append(el('input', { type: 'text', id: `${id}-g0`, autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false' }));
      } else {
        if (q.prompt) body.append(el('p', { class: 'prompt', text: q.prompt }));
        body.append(el('p', { class: 'cloze' }, ...q.parts.map((part) => typeof part === 'number'
          ? el('input', { type: 'text', id: `${id}-g${part}`, 'aria-label': `${t.gap} ${part + 1}`, autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false' })
          : part)));
      }
    } else if (q.type === 'match') {
      body.append(el('p', { class: 'prompt', text: q.prompt }));
      body.append(el('div', { class: 'pairs' }, ...q.left.map((left, k) => el('label', {},
        el('span', { text: left }),
        el('select', { id: `${id}-m${k}` }, el('option', { value: '', text: t.pick }),
          ...order.map((r) => el('option', { value: r, text: q.right[r] })))))));
    } else if (q.type === 'order') {
      body.append(el('p', { class: 'prompt', id: `${id}-prompt`, text: q.prompt }));
      body.append(el('ol', { class: 'order', 'aria-labelledby': `${id}-prompt` }));
      // Moving an item keeps focus on its button; this says where it went.
      body.append(el('p', { class: 'visually-hidden moved', 'aria-live': 'polite' }));
    } else if (q.type === 'card') {
      body.append(el('p', { class: 'prompt', text: q.prompt }));
    } else if (q.type === 'open') {
      body.append(el('p', { class: 'prompt' }, el('label', { for: `${id}-open`, text: q.prompt })));
      body.append(el('textarea', { id: `${id}-open`, rows: 5, lang: data.lang }));
    }
    if (q.justify) {
      card.append(el('p', {}, el('label', { for: `${id}-why`, text: t.justify + t.colon })));
      card.append(el('textarea', { id: `${id}-why`, rows: 2, lang: data.lang }));
    }
    const actions = el('div', { class: 'actions' });
    if (q.type === 'card' || q.type === 'open') {
      actions.append(el('button', { type: 'button', class: 'primary', 'data-act': 'reveal', text: t.reveal }));
    } else {
      actions.append(el('button', { type: 'button', class: 'primary', 'data-act': 'check', text: t.check }));
    }
    card.append(actions);
    card.append(el('div', { class: 'feedback', id: `${id}-fb`, role: 'status', 'aria-live': 'polite' }));
    cards[i] = card;
    if (q.type === 'order') drawOrder(i, s.answer || order);
    if (s.answer !== undefined) restore(i);
    else if (s.revealed) reveal(i);
    return card;
  }

  function drawOrder(i, arrangement, focus) {
    const q = qs[i];
    const list = cards[i].querySelector('.order');
    list.replaceChildren(...arrangement.map((item, pos) => el('li', { 'data-item': item },
      el('span', { lang: data.lang, text: q.items[item] }),
      el('span', { class: 'moves' },
        el('button', { type: 'button', 'data-act': 'up', 'aria-label': `${t.up}${t.colon} ${q.items[item]}`, disabled: pos === 0, text: '↑' }),
        el('button', { type: 'button', 'data-act': 'down', 'aria-label': `${t.down}${t.colon} ${q.items[item]}`, disabled: pos === arrangement.length - 1, text: '↓' })))));
    if (focus) {
      const [item, act] = focus;
      const li = list.querySelector(`li[data-item="${item}"]`);
      const button = li.querySelector(`[data-act="${act}"]:not(:disabled)`) || li.querySelector('button:not(:disabled)');
      if (button) button.focus();
    }
  }
  const arrangement = (i) => Array.from(cards[i].querySelectorAll('.order li'), (li) => Number(li.dataset.item));

  // ---- Reading and grading an answer.
  function read(i) {
    const q = qs[i];
    const c = cards[i];
    switch (q.type) {
      case 'choices': {
        const picked = Array.from(c.querySelectorAll('input:checked'), (x) => Number(x.value)).sort((a, b) => a - b);
        return picked.length ? picked : null;
      }
      case 'truefalse': { const x = c.querySelector('input:checked'); return x ? x.value === 'true' : null; }
      case 'claim': { const x = c.querySelector('input:checked'); return x ? Number(x.value) : null; }
      case 'text': {
        const typed = q.gaps.map((_, g) => c.querySelector(`#q${i}-g${g}`).value);
        return typed.every((x) => fold(x) !== '') ? typed : null;
      }
      case 'match': {
        const picked = q.left.map((_, k) => c.querySelector(`#q${i}-m${k}`).value);
        return picked.every((x) => x !== '') ? picked.map(Number) : null;
      }
      case 'order': return arrangement(i);
      default: return null;
    }
  }

  function grade(q, a) {
    const all = (right) => ({ right, parts: [right ? 1 : 0, 1], slips: [], wrong: [] });
    switch (q.type) {
      case 'choices': {
        const hits = range(q.choices.length).filter((k) => a.includes(k) === q.correct.includes(k)).length;
        const right = a.length === q.correct.length && a.every((k, n) => k === q.correct[n]);
        return {
          right,
          parts: q.multi ? [hits, q.choices.length] : [right ? 1 : 0, 1],
          slips: [],
          wrong: a.filter((k) => !q.correct.includes(k)),
        };
      }
      case 'truefalse': return all(a === q.correct);
      case 'claim': return all(a === q.correct);
      case 'text': {
        let hits = 0;
        const slips = [];
        q.gaps.forEach((forms, g) => {
          const m = textMatches(a[g], forms);
          if (m.kind !== 'no') hits++;
          if (m.kind === 'slip') slips.push([a[g].trim(), m.form]);
        });
        return { right: hits === q.gaps.length, parts: [hits, q.gaps.length], slips, wrong: [] };
      }
      case 'match': {
        const hits = a.filter((r, k) => r === q.correct[k]).length;
        return { right: hits === q.left.length, parts: [hits, q.left.length], slips: [], wrong: [] };
      }
      case 'order': {
        const hits = a.filter((item, pos) => q.rank[item] === pos).length;
        return { right: hits === q.items.length, parts: [hits, q.items.length], slips: [], wrong: [] };
      }
      default: return all(false);
    }
  }

  // ---- Feedback.
  function quoteLines(q) {
    return q.evidence.map((e) => el('p', { class: 'quote' }, label(t.in_article),
      el('span', { lang: data.lang, text: quoted(e.text) }), ' (',
      e.paragraph === null ? t.subheading : el('a', { href: `#p${e.paragraph}`, 'data-para': e.paragraph, text: `§${e.paragraph}` }), ')'));
  }
  function explanation(q) {
    return el('p', {}, el('strong', { text: label(q.justify ? t.model : t.why) }),
      el('span', { lang: data.lang, text: q.explanation }));
  }

  // A rubric as a table, highest level first.
  function rubricTable(levels) {
    return el('table', { class: 'rubric' }, el('caption', { text: t.rubric }),
      el('tbody', {}, ...levels.map(([points, criterion]) => el('tr', {},
        el('th', { scope: 'row', text: `${points}\u00a0${t.pts}` }), el('td', { lang: data.lang, text: criterion })))));
  }

  function feedback(i) {
    const q = qs[i];
    const s = state[i];
    const r = s.result;
    const box = cards[i].querySelector('.feedback');
    box.className = 'feedback' + (r ? (r.right ? ' ok' : ' ko') : '');
    const lines = [];
    if (r) {
      const parts = !r.right && r.parts[1] > 1 ? ` (${r.parts[0]}/${r.parts[1]} ${t.partly})` : '';
      const verdict = q.type === 'open' ? `${label(t.score_yourself)}${r.parts[0]}/${r.parts[1]}`
        : q.type === 'card' ? (r.right ? t.knew : t.missed_card) : (r.right ? t.right : t.wrong) + parts;
      lines.push(el('p', { class: 'verdict', text: verdict }));
    }
    lines.push(el('p', {}, el('strong', { text: label(t.answer) }), el('span', { lang: data.lang, text: q.type === 'card' ? q.back : q.answer })));
    for (const [typed, form] of (r && r.slips) || []) {
      lines.push(el('p', {}, `${t.slip} `, el('span', { lang: data.lang, text: quoted(form) }), ` (${quoted(typed)})`));
    }
    for (const k of (r && r.wrong) || []) {
      if (q.feedback[k]) {
        lines.push(el('p', {}, label(t.you_chose), el('span', { lang: data.lang, text: quoted(q.choices[k]) }),
          t.colon + ' ', el('span', { lang: data.lang, text: q.feedback[k] })));
      }
    }
    const levels = q.type === 'open' ? q.rubric : q.justify ? reasoningLevels(q) : [];
    if (levels.length) lines.push(rubricTable(levels));
    lines.push(explanation(q), ...quoteLines(q));
    box.replaceChildren(...lines);
  }

  function hint(i, text) {
    const box = cards[i].querySelector('.feedback');
    box.className = 'feedback';
    box.replaceChildren(el('p', { class: 'hint', text }));
  }

  function lock(i, locked) {
    for (const x of cards[i].querySelectorAll('input, select, textarea, .moves button, [data-act="check"], [data-act="reveal"]')) {
      x.disabled = locked;
    }
    if (!locked && qs[i].type === 'order') drawOrder(i, arrangement(i));
  }

  function restore(i) {
    const q = qs[i];
    const s = state[i];
    const c = cards[i];
    const a = s.answer;
    if (q.type === 'choices') c.querySelectorAll('input').forEach((x) => { x.checked = a.includes(Number(x.value)); });
    if (q.type === 'truefalse') c.querySelectorAll('input').forEach((x) => { x.checked = (x.value === 'true') === a; });
    if (q.type === 'claim') c.querySelectorAll('input').forEach((x) => { x.checked = Number(x.value) === a; });
    if (q.type === 'text') a.forEach((v, g) => { c.querySelector(`#q${i}-g${g}`).value = v; });
    if (q.type === 'match') a.forEach((v, k) => { c.querySelector(`#q${i}-m${k}`).value = String(v); });
    if (q.type === 'order') drawOrder(i, a);
    if (q.type === 'card' || q.type === 'open') reveal(i);
    const why = c.querySelector('textarea');
    if (why) why.value = (q.type === 'open' ? s.written : s.why) || '';
    if (s.result) { feedback(i); lock(i, true); reasoningButtons(i); }
  }

  function save(i) { store.set('q/' + qs[i].id, state[i]); }

  function check(i) {
    const a = read(i);
    if (a === null) { hint(i, t.empty); return; }
    const why = cards[i].querySelector('textarea');
    state[i] = { ...state[i], answer: a, result: grade(qs[i], a), why: why ? why.value : undefined };
    save(i);
    feedback(i);
    lock(i, true);
    reasoningButtons(i);
    finishedMaybe();
  }

  // A justification is never credited by the page: the student scores it
  // at one of its rubric's levels, after seeing the expected reasoning.
  function reasoningButtons(i) {
    const q = qs[i];
    const c = cards[i];
    if (!q.justify || !state[i].result) return;
    let group = c.querySelector('.rate-why');
    if (!group) {
      group = el('div', { class: 'actions rate rate-why', role: 'group', 'aria-label': t.score_reasoning },
        el('span', { text: t.score_reasoning }),
        ...reasoningLevels(q).map(([points]) => el('button', { type: 'button', 'data-act': 'why', 'data-points': points, text: `${points}\u00a0${t.pts}` })));
      c.querySelector('.feedback').after(group);
    }
    const scored = state[i].why_score;
    group.querySelectorAll('button').forEach((b) => {
      b.disabled = scored !== undefined;
      b.setAttribute('aria-pressed', String(scored !== undefined && Number(b.dataset.points) === scored));
    });
  }

  function scoreReasoning(i, points) {
    state[i] = { ...state[i], why_score: points };
    save(i);
    reasoningButtons(i);
    if (!results.hidden) showResults(false);
  }

  function reveal(i) {
    const c = cards[i];
    const q = qs[i];
    if (!state[i].revealed) {
      const written = q.type === 'open' ? c.querySelector('textarea').value : undefined;
      state[i] = { ...state[i], revealed: true, written };
      save(i);
    }
    feedback(i);
    const button = c.querySelector('[data-act="reveal"]');
    if (button) button.disabled = true;
    if (q.type === 'open') {
      c.querySelector('textarea').disabled = true;
      if (!c.querySelector('.rate')) {
        const group = el('div', { class: 'actions rate', role: 'group', 'aria-label': t.score_yourself },
          el('span', { text: t.score_yourself }),
          ...q.rubric.map(([points]) => el('button', { type: 'button', 'data-act': 'score', 'data-points': points, text: `${points}\u00a0${t.pts}` })));
        // After the model answer and the rubric: read them, then score.
        c.querySelector('.feedback').after(group);
      }
    } else if (!c.querySelector('.rate')) {
      const group = el('div', { class: 'actions rate', role: 'group', 'aria-label': t.rate },
        el('span', { text: t.rate }),
        el('button', { type: 'button', 'data-act': 'knew', text: t.knew }),
        el('button', { type: 'button', 'data-act': 'missed', text: t.missed_card }));
      c.querySelector('.feedback').after(group);
    }
    const rated = Boolean(state[i].result);
    c.querySelectorAll('.rate button').forEach((b) => { b.disabled = rated; });
    if (document.activeElement === button) c.querySelector('.rate button').focus();
  }

  // Self-scored: right only at the top level; the parts carry the points.
  function score(i, points) {
    const top = qs[i].top;
    state[i] = { ...state[i], answer: points, result: { right: points === top, parts: [points, top], slips: [], wrong: [] } };
    save(i);
    reveal(i);
    finishedMaybe();
  }

  function rate(i, knew) {
    state[i] = { ...state[i], answer: knew, result: { right: knew, parts: [knew ? 1 : 0, 1], slips: [], wrong: [] } };
    save(i);
    reveal(i);
    finishedMaybe();
  }

  // ---- Navigation, modes, results.
  const active = () => (view.only ? view.only.filter((k) => k < qs.length) : range(qs.length));
  const nav = el('div', { class: 'nav chrome' });
  const prev = el('button', { type: 'button', text: t.previous });
  const next = el('button', { type: 'button', text: t.next });
  const where = el('span', { 'aria-live': 'polite' });
  nav.append(prev, where, next);
  const oneButton = el('button', { type: 'button', text: t.one_by_one });
  const allButton = el('button', { type: 'button', text: t.all_at_once });
  const resultsButton = el('button', { type: 'button', text: t.see_results });
  const overButton = el('button', { type: 'button', text: t.start_over });
  controls.append(oneButton, allButton, resultsButton, overButton);

  function saveView() { store.set('view', view); }

  function layout(focus) {
    const list = active();
    view.current = Math.min(Math.max(view.current, 0), Math.max(list.length - 1, 0));
    quiz.classList.toggle('one', view.mode === 'one');
    oneButton.setAttribute('aria-pressed', String(view.mode === 'one'));
    allButton.setAttribute('aria-pressed', String(view.mode === 'all'));
    cards.forEach((c, k) => {
      c.toggleAttribute('data-away', !list.includes(k));
      c.toggleAttribute('data-off', list[view.current] !== k);
    });
    nav.hidden = view.mode !== 'one';
    prev.disabled = view.current === 0;
    where.textContent = `${t.question} ${list.length ? view.current + 1 : 0} ${t.of} ${list.length}`;
    saveView();
    if (focus && view.mode === 'one' && list.length) cards[list[view.current]].querySelector('h3').focus();
  }

  function go(step) {
    const list = active();
    if (view.current + step >= list.length) { showResults(); return; }
    view.current += step;
    layout(true);
  }

  function finishedMaybe() {
    if (active().every((k) => state[k].result)) showResults(false);
  }

  // Answered and not entirely right: what "À revoir" lists and retry asks.
  const missedOnes = () => range(qs.length).filter((k) => state[k].result && !state[k].result.right);

  // Points of an answered question: the answer's, and the justification's
  // once the student scored it (0 until then, never given by the page).
  function pointsOf(k) {
    const q = qs[k];
    const s = state[k];
    return [earned(q, s.result) + (s.why_score || 0), q.points + q.why_points];
  }

  function showResults(focus = true) {
    const answered = range(qs.length).filter((k) => state[k].result);
    const missed = missedOnes();
    let got = 0;
    let possible = 0;
    const skills = new Map(qs.map((q) => [q.skill, null]));
    for (const k of answered) {
      const [e, p] = pointsOf(k);
      got += e;
      possible += p;
      const [se, sp] = skills.get(qs[k].skill) || [0, 0];
      skills.set(qs[k].skill, [se + e, sp + p]);
    }
    const pct = possible ? Math.round((got * 100) / possible) : 0;
    const waiting = qs.length - answered.length;
    const heading = el('h2', { tabindex: -1, text: t.results });
    // The score says what it covers: the questions answered, and how many
    // are not started.
    const line = `${got}/${possible} ${t.points} ${answered.length} ${t.answered} (${pct}${t.percent})`
      + (waiting ? `, ${waiting} ${t.not_started}` : '');
    const parts = [heading, el('p', { class: 'score' }, el('strong', { text: label(t.score) }), line)];
    parts.push(el('table', {}, el('caption', { class: 'visually-hidden', text: t.by_skill }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t.by_skill }), el('th', { scope: 'col', text: t.score }))),
      el('tbody', {}, ...Array.from(skills, ([name, cell]) => el('tr', {}, el('td', { text: name }),
        el('td', { text: cell ? `${cell[0]}/${cell[1]}` : '—' }))))));
    if (missed.length) {
      parts.push(el('h3', { text: t.to_review }));
      parts.push(el('ol', { class: 'review' }, ...missed.map((k) => el('li', {},
        el('a', { href: `#q-${k}`, 'data-q': k, lang: data.lang, text: qs[k].title }),
        el('span', {}, ' → ', el('span', { lang: data.lang, text: qs[k].type === 'card' ? qs[k].back : qs[k].answer }))))));
      parts.push(el('p', {}, el('button', { type: 'button', class: 'primary', 'data-act': 'retry', text: t.retry })));
    } else if (answered.length === qs.length) {
      parts.push(el('p', { text: t.all_right }));
    }
    results.replaceChildren(...parts);
    results.hidden = false;
    if (focus) heading.focus();
  }

  function retry() {
    const missed = missedOnes();
    if (!missed.length) return;
    view.round += 1;
    const random = generator(`${data.seed}/${view.round}`);
    for (const k of missed) {
      state[k] = { perm: shuffled(range(size(qs[k])), random) };
      save(k);
      const old = cards[k];
      old.replaceWith(draw(k));
    }
    view.only = missed;
    view.current = 0;
    results.hidden = true;
    layout(false);
    const first = cards[missed[0]];
    const note = el('p', { class: 'hint', text: t.retrying });
    results.replaceChildren(note);
    first.querySelector('h3').focus();
  }

  function startOver() {
    if (!window.confirm(t.confirm_over)) return;
    store.clear();
    view = { mode: view.mode, current: 0, only: null, round: 0 };
    qs.forEach((_, k) => { state[k] = {}; });
    quiz.replaceChildren(...qs.map((_, k) => draw(k)));
    results.hidden = true;
    layout(true);
  }

  function highlight(n) {
    const target = document.getElementById(`p${n}`);
    if (!target) return;
    document.getElementById('article-text').open = true;
    document.querySelectorAll('.para.hl').forEach((p) => p.classList.remove('hl'));
    target.classList.add('hl');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }

  // ---- Wiring.
  quiz.replaceChildren(...qs.map((_, k) => draw(k)));
  quiz.after(nav);
  document.addEventListener('click', (event) => {
    const target = event.target.closest('[data-act], a[data-para], a[data-q]');
    if (!target) return;
    if (target.dataset.para) { event.preventDefault(); highlight(target.dataset.para); return; }
    if (target.dataset.q) {
      event.preventDefault();
      const k = Number(target.dataset.q);
      const list = active();
      if (!list.includes(k)) { view.only = null; }
      view.current = active().indexOf(k);
      layout(false);
      cards[k].scrollIntoView({ block: 'start' });
      cards[k].querySelector('h3').focus({ preventScroll: true });
      return;
    }
    const card = target.closest('.q');
    const i = card ? Number(card.id.slice(2)) : -1;
    switch (target.dataset.act) {
      case 'check': check(i); break;
      case 'reveal': reveal(i); break;
      case 'knew': rate(i, true); break;
      case 'missed': rate(i, false); break;
      case 'score': score(i, Number(target.dataset.points)); break;
      case 'why': scoreReasoning(i, Number(target.dataset.points)); break;
      case 'retry': retry(); break;
      case 'up': case 'down': {
        const now = arrangement(i);
        const item = Number(target.closest('li').dataset.item);
        const pos = now.indexOf(item);
        const to = target.dataset.act === 'up' ? pos - 1 : pos + 1;
        if (to < 0 || to >= now.length) break;
        [now[pos], now[to]] = [now[to], now[pos]];
        drawOrder(i, now, [item, target.dataset.act]);
        card.querySelector('.moved').textContent = `${quoted(qs[i].items[item])} ${t.moved} ${to + 1}`;
        break;
      }
      default: break;
    }
  });
  prev.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(1));
  oneButton.addEventListener('click', () => { view.mode = 'one'; layout(true); });
  allButton.addEventListener('click', () => { view.mode = 'all'; layout(false); });
  resultsButton.addEventListener('click', () => showResults());
  overButton.addEventListener('click', startOver);
  window.addEventListener('beforeprint', () => { document.getElementById('article-text').open = true; });
  if (window.matchMedia('(max-width: 40rem)').matches && !window.location.hash) {
    document.getElementById('article-text').open = false;
  }
  layout(false);
  if (active().every((k) => state[k].result)) showResults(false);
})();
