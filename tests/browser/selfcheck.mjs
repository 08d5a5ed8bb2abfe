// The offline self-check page (`mediaquiz export --format html`) in Debian's
// Chromium, driven by playwright-core: every question type answered right and
// wrong, feedback and score, progress kept across a reload, retry and start
// over, no request leaving the page, axe-core, hostile bank text, the grading
// table shared with the console quiz, phone and zoomed layouts, print, and
// an open question at 390 px (its rubric, then the score buttons).
//
// Usage: node selfcheck.mjs SHEET.html INJECTION.html SHIPPED.html [SHOTS_DIR]
//   SHEET: a page of tests/fixtures/sheet.yaml (one question of each type);
//   INJECTION: a page of tests/fixtures/injection.yaml; SHIPPED: the shipped
//   bank. scripts/test makes them. With SHOTS_DIR, screenshots are saved there.
// Prints one line per check and closes with "N passed, N failed".
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [sheetFile, injectionFile, shippedFile, scoringFile, shots] = process.argv.slice(2);
if (!scoringFile) {
  console.error('usage: node selfcheck.mjs SHEET.html INJECTION.html SHIPPED.html SCORING.html [SHOTS_DIR]');
  process.exit(2);
}
const here = fileURLToPath(new URL('.', import.meta.url));
const table = JSON.parse(readFileSync(`${here}/../fixtures/grading-cases.json`, 'utf8'));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROME || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok' : 'FAILED'}  selfcheck: ${name}${ok ? '' : `: ${detail}`}`);
}

/** A fresh browser profile that records every request and every page error. */
async function open(file, options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const url = pathToFileURL(file).href;
  const outside = [];
  const errors = [];
  context.on('request', (r) => { if (r.url() !== url) outside.push(r.url()); });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => d.accept());
  await page.goto(url);
  const data = await page.evaluate(() => JSON.parse(document.getElementById('data').textContent));
  return { context, page, data, outside, errors, url };
}

const text = (page, selector) => page.locator(selector).innerText();

/** Answers question `i` right or wrong, through the controls a student uses. */
async function answer(page, q, i, right) {
  const card = `#q-${i}`;
  switch (q.type) {
    case 'choices': {
      const picks = right ? q.correct
        : [q.feedback.findIndex((f, k) => f && !q.correct.includes(k))].filter((k) => k >= 0);
      if (!picks.length) picks.push(q.choices.findIndex((_, k) => !q.correct.includes(k)));
      for (const k of picks) await page.check(`${card} input[value="${k}"]`);
      break;
    }
    case 'truefalse':
      await page.check(`${card} input[value="${String(right ? q.correct : !q.correct)}"]`);
      break;
    case 'claim':
      await page.check(`${card} input[value="${right ? q.correct : (q.correct + 1) % 3}"]`);
      break;
    case 'text':
      for (let g = 0; g < q.gaps.length; g++) {
        // Right answers typed the forgiving way: capitals, no accents.
        const typed = right ? q.gaps[g][0].normalize('NFD').replace(/\p{M}/gu, '').toUpperCase() : 'zzz';
        await page.fill(`#q${i}-g${g}`, typed);
      }
      break;
    case 'match':
      for (let k = 0; k < q.left.length; k++) {
        const r = right ? q.correct[k] : q.correct[(k + 1) % q.left.length];
        await page.selectOption(`#q${i}-m${k}`, String(r));
      }
      break;
    case 'order':
      if (right) {
        // By keyboard: focus an item's "up" button and press Enter until it
        // is in place; focus stays on the moved item.
        for (let pos = 0; pos < q.items.length; pos++) {
          const item = q.rank.indexOf(pos);
          const now = await page.$$eval(`${card} .order li`, (lis) => lis.map((li) => Number(li.dataset.item)));
          const from = now.indexOf(item);
          if (from === pos) continue;
          await page.focus(`${card} li[data-item="${item}"] [data-act="up"]`);
          for (let n = from; n > pos; n--) await page.keyboard.press('Enter');
        }
      }
      break;
    case 'card':
      await page.click(`${card} [data-act="reveal"]`);
      await page.click(`${card} [data-act="${right ? 'knew' : 'missed'}"]`);
      return;
    default:
      throw new Error(`unknown type ${q.type}`);
  }
  await page.click(`${card} [data-act="check"]`);
  // The student scores their justification: the top level when answering
  // right, the lowest otherwise (levels are listed highest first).
  if (q.justify) await page.locator(`${card} [data-act="why"]`).nth(right ? 0 : -1).click();
}

/** Points of the whole page, answer and justification, as docs/scoring.md counts them. */
const totalOf = (data) => data.questions.reduce((sum, q) => sum + q.points + q.why_points, 0);

async function answerAll(session, right) {
  const { page, data } = session;
  await page.click('#controls button:nth-child(2)'); // all the questions
  for (const [i, q] of data.questions.entries()) await answer(page, q, i, right);
}

// ---- 1. One of each type, right then wrong.
{
  const right = await open(sheetFile);
  const { page, data } = right;
  const types = new Set(data.questions.map((q) => q.type + (q.multi ? '-multi' : '')));
  check('the sheet bank has every type', ['choices', 'choices-multi', 'truefalse', 'claim', 'text', 'match', 'order', 'card'].every((t) => types.has(t)), [...types].join(' '));
  if (shots) await page.screenshot({ path: `${shots}/selfcheck-390.png`, fullPage: false });
  await answerAll(right, true);
  for (const [i, q] of data.questions.entries()) {
    const verdict = await text(page, `#q-${i} .verdict`);
    const expected = q.type === 'card' ? data.ui.knew : data.ui.right;
    check(`right answer to a ${q.type} question is called right`, verdict === expected, verdict);
  }
  const score = await text(page, '#results .score');
  const n = data.questions.length;
  const total = totalOf(data);
  check('all right: the score says so, in points, over the questions answered', score.includes(`${total}/${total} ${data.ui.points} ${n} ${data.ui.answered}`), score);
  check('all right: no retry offered', await page.locator('[data-act="retry"]').count() === 0, 'retry button shown');
  const skills = await page.locator('#results tbody tr').count();
  check('the score per skill has one row per skill', skills === new Set(data.questions.map((q) => q.skill)).size, `${skills} rows`);

  // A quote's §n link scrolls to and highlights its paragraph.
  const link = page.locator('#q-0 .quote a').first();
  const target = await link.getAttribute('href');
  await link.click();
  check('a §n link highlights its paragraph', await page.locator(`${target}.hl`).count() === 1, target);
  check('a §n link moves focus to the paragraph', await page.evaluate(() => document.activeElement.classList.contains('para')), 'focus elsewhere');

  // Progress survives a reload.
  await page.reload();
  const kept = await page.locator('.feedback.ok').count();
  check('progress is kept across a reload', kept === n, `${kept} of ${n} answers shown again`);
  check('the score is shown again after a reload', (await text(page, '#results .score')).includes(`${total}/${total}`), 'no score');

  // Start over clears everything.
  await page.click('#controls button:nth-child(4)');
  const left = await page.locator('.feedback.ok, .feedback.ko').count();
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mediaquiz/') && k.includes('/q/')).length);
  check('start over clears the answers and the saved progress', left === 0 && stored === 0, `${left} feedbacks, ${stored} keys`);
  check('no request left the page (right answers)', right.outside.length === 0, right.outside.join(' '));
  check('no script error (right answers)', right.errors.length === 0, right.errors.join(' | '));

  // axe-core on the answered page, in a profile that lets the test inject it.
  const audit = await open(sheetFile, { bypassCSP: true });
  await answerAll(audit, false);
  await audit.page.addScriptTag({ content: axeSource });
  const violations = await audit.page.evaluate(async () => (await window.axe.run()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join(', ')}`));
  check('axe-core finds no serious or critical violation', violations.length === 0, violations.join(' | '));
  await audit.context.close();
  await right.context.close();
}

{
  const wrong = await open(sheetFile);
  const { page, data } = wrong;
  await answerAll(wrong, false);
  for (const [i, q] of data.questions.entries()) {
    const verdict = await text(page, `#q-${i} .verdict`);
    const expected = q.type === 'card' ? data.ui.missed_card : data.ui.wrong;
    check(`wrong answer to a ${q.type} question is called wrong`, verdict.startsWith(expected), verdict);
    const box = await text(page, `#q-${i} .feedback`);
    check(`wrong ${q.type}: the feedback gives the answer and the explanation`, box.includes(q.type === 'card' ? q.back : q.answer) && box.includes(q.explanation), box);
  }
  const withFeedback = data.questions.findIndex((q) => q.type === 'choices' && q.feedback.some(Boolean));
  if (withFeedback >= 0) {
    const q = data.questions[withFeedback];
    const box = await text(page, `#q-${withFeedback} .feedback`);
    check('a wrong choice shows its own feedback', box.includes(q.feedback.find(Boolean)), box);
  }
  const justify = data.questions.findIndex((q) => q.justify);
  check('a justify question asks for a sentence', await page.locator(`#q-${justify} textarea`).count() === 1, 'no text area');
  const box = await text(page, `#q-${justify} .feedback`);
  check('a justify question shows the expected reasoning', box.includes(data.ui.model), box);
  const n = data.questions.length;
  const total = totalOf(data);
  // A wrong order is the order shown: it may still have half its items in place.
  const partial = data.questions.filter((q) => q.type === 'order').map((q) => {
    const hits = q.rank.filter((rank, pos) => rank === pos).length;
    return hits * 2 >= q.items.length ? 1 : 0;
  }).reduce((a, b) => a + b, 0);
  const score = await text(page, '#results .score');
  check('all wrong: the score says so', score.includes(`${partial}/${total} ${data.ui.points} ${n} ${data.ui.answered}`), score);
  const review = await page.locator('#results .review li').count();
  check('all wrong: every question is listed to review', review === n, `${review} listed`);

  // Try the missed ones again: cleared, reshuffled, answerable.
  const listed = () => page.$$eval('#quiz .q', (qs) => qs.map((q) => [...q.querySelectorAll('.options input, select option, .order li')]
    .map((x) => x.value || x.dataset.item).join(',')));
  const before = await listed();
  await page.click('[data-act="retry"]');
  const after = await listed();
  check('retry shows the missed questions in a new order', after.some((x, k) => x !== before[k]), 'same orders');
  const cleared = await page.locator('.feedback.ko').count();
  check('retry clears the missed answers', cleared === 0, `${cleared} still shown`);
  await page.click('#controls button:nth-child(2)');
  for (const [i, q] of data.questions.entries()) await answer(page, q, i, true);
  const again = await text(page, '#results .score');
  check('after the retry, the score counts the new answers', again.includes(`${total}/${total}`), again);
  check('no request left the page (wrong answers)', wrong.outside.length === 0, wrong.outside.join(' '));
  check('no script error (wrong answers)', wrong.errors.length === 0, wrong.errors.join(' | '));

  // One question at a time: next and previous.
  await page.click('#controls button:nth-child(1)');
  const visible = await page.locator('#quiz .q:visible').count();
  check('one question at a time shows one question', visible === 1, `${visible} shown`);
  await wrong.context.close();
}

// ---- 1b. A score counts the questions answered; a justification counts
// only what the student gives it.
{
  const one = await open(sheetFile);
  const { page, data } = one;
  const n = data.questions.length;
  const first = data.questions.findIndex((q) => q.type !== 'card' && !q.justify);
  await page.click('#controls button:nth-child(2)');
  await answer(page, data.questions[first], first, true);
  await page.click('#controls button:nth-child(3)');
  const q = data.questions[first];
  const score = await text(page, '#results .score');
  check('one question answered: the score covers it alone and counts the others not started',
    score.includes(`${q.points}/${q.points} ${data.ui.points} 1 ${data.ui.answered}`) && score.includes(`${n - 1} ${data.ui.not_started}`), score);
  const listed = await page.locator('#results .review li').count();
  check('one question answered right: nothing to review', listed === 0, `${listed} listed`);

  const j = data.questions.findIndex((x) => x.justify);
  const jq = data.questions[j];
  await answer(page, jq, j, true);
  const buttons = await page.locator(`#q-${j} [data-act="why"]`).count();
  check('a justification is scored by the student at its rubric\'s levels', buttons === (jq.rubric && jq.rubric.length ? jq.rubric.length : 2), `${buttons} buttons`);
  const withWhy = await text(page, '#results .score');
  const expected = q.points + jq.points + jq.why_points;
  check('a justification scored at the top counts its points', withWhy.includes(`${expected}/${expected} ${data.ui.points} 2 ${data.ui.answered}`), withWhy);
  check('no script error (one answer)', one.errors.length === 0, one.errors.join(' | '));
  await one.context.close();

  const blank = await open(sheetFile);
  await blank.page.click('#controls button:nth-child(2)');
  const b = blank.data.questions[j];
  await blank.page.check(`#q-${j} input[value="${b.correct[0]}"]`);
  await blank.page.fill(`#q-${j} textarea`, 'blabla');
  await blank.page.click(`#q-${j} [data-act="check"]`);
  await blank.page.click('#controls button:nth-child(3)');
  const unscored = await text(blank.page, '#results .score');
  check('a justification not yet scored earns nothing ("blabla" is not credited)',
    unscored.includes(`${b.points}/${b.points + b.why_points} ${blank.data.ui.points} 1 ${blank.data.ui.answered}`), unscored);
  await blank.context.close();
}

// ---- 2. Hostile bank text runs nothing.
{
  const hostile = await open(injectionFile);
  const { page, data } = hostile;
  await page.click('#controls button:nth-child(2)');
  for (const [i, q] of data.questions.entries()) await answer(page, q, i, false);
  await page.click('#controls button:nth-child(3)');
  await page.reload();
  const pwned = await page.evaluate(() => window.__pwned);
  check('hostile bank text runs no script', pwned === undefined, `window.__pwned = ${pwned}`);
  const injected = await page.locator('img, svg, iframe, script:not(#data):not(:last-of-type)').count();
  check('hostile bank text adds no element', injected === 0, `${injected} elements`);
  const title = await page.title();
  check('hostile text is shown as text', title.includes('</script><script>window.__pwned=1</script>'), title);
  check('no request left the hostile page', hostile.outside.length === 0, hostile.outside.join(' '));
  check('no script error on the hostile page', hostile.errors.length === 0, hostile.errors.join(' | '));
  await hostile.context.close();
}

// ---- 3. The shipped bank: the grading table, layouts, print.
{
  const shipped = await open(shippedFile);
  const { page } = shipped;
  const verdicts = await page.evaluate((cases) => cases.map((c) => window.mediaquiz.textMatches(c.typed, c.forms)), table.cases);
  const disagree = table.cases
    .map((c, k) => [c, verdicts[k]])
    .filter(([c, v]) => v.kind !== c.expect || (c.expect === 'slip' && v.form !== c.form))
    .map(([c, v]) => `${c.why}: ${JSON.stringify(c.typed)} gives ${JSON.stringify(v)}`);
  check(`the page grades the ${table.cases.length} shared cases as the console quiz does`, disagree.length === 0, disagree.join(' | '));

  // Whole answers, by the scoring rule: the page's grade and earned, on the
  // page of the table's own bank (tests/fixtures/scoring/scoring.yaml).
  const scoring = await open(scoringFile);
  const scored = await scoring.page.evaluate((cases) => {
    const data = JSON.parse(document.getElementById('data').textContent);
    const norm = (x) => x.replace(/[\u00a0\u202f]/g, ' ');
    const find = (list, wanted) => list.findIndex((x) => norm(x) === norm(wanted));
    const verdicts = ['supported', 'contradicted', 'not-stated'];
    return cases.map((c) => {
      const q = data.questions.find((x) => x.id === c.question);
      if (!q) return null;
      const a = c.answer;
      let answer;
      if (a.choices) answer = a.choices.map((x) => find(q.choices, x)).sort((x, y) => x - y);
      else if ('bool' in a) answer = a.bool;
      else if (a.verdict) answer = verdicts.indexOf(a.verdict);
      else if (a.texts) answer = a.texts;
      else if (a.pairs) answer = a.pairs.map((x) => find(q.right, x));
      else if (a.order) answer = a.order.map((x) => find(q.items, x));
      const r = window.mediaquiz.grade(q, answer);
      return { right: r.right, points: [window.mediaquiz.earned(q, r), q.points] };
    });
  }, table.scoring);
  const differ = table.scoring
    .map((c, k) => [c, scored[k]])
    .filter(([c, v]) => !v || v.right !== c.right || v.points[0] !== c.points[0] || v.points[1] !== c.points[1])
    .map(([c, v]) => `${c.why}: ${JSON.stringify(v)}`);
  check(`the page scores the ${table.scoring.length} shared answers as the console quiz does`, differ.length === 0, differ.join(' | '));
  await scoring.context.close();

  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.click('#controls button:nth-child(2)');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(`fits a ${width}px screen with every question shown`, wide <= width, `${wide}px wide`);
  }
  // 200 % zoom of a 1280px window is a 640px viewport at twice the pixel density.
  const zoomed = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  const zpage = await zoomed.newPage();
  await zpage.goto(shipped.url);
  const zwide = await zpage.evaluate(() => document.documentElement.scrollWidth);
  check('works at 200 % zoom', zwide <= 640, `${zwide}px wide`);
  await zoomed.close();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.click('#controls button:nth-child(1)');
  if (shots) await page.screenshot({ path: `${shots}/selfcheck-desktop.png`, fullPage: false });
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => ({
    chrome: [...document.querySelectorAll('.chrome, .nav, .actions')].filter((e) => e.offsetParent !== null).length,
    questions: [...document.querySelectorAll('#quiz .q')].filter((e) => e.offsetParent !== null).length,
    all: document.querySelectorAll('#quiz .q').length,
    selects: [...document.querySelectorAll('#quiz select')].filter((e) => e.offsetParent !== null).length,
    matches: document.querySelectorAll('#quiz .pairs').length,
  }));
  check('prints without buttons', print.chrome === 0, `${print.chrome} controls printed`);
  check('prints no drop-down ("— choisir —")', print.matches > 0 && print.selects === 0, `${print.selects} printed, ${print.matches} match questions`);
  check('prints every question, even one at a time on screen', print.questions === print.all, `${print.questions} of ${print.all}`);
  check('no request left the shipped page', shipped.outside.length === 0, shipped.outside.join(' '));
  await shipped.context.close();
}

// ---- 4. At 390 px and in print: an open question's rubric reads "2 pt" on
// one line, and the model answer comes before the "how did you do?" buttons.
{
  const session = await open(shippedFile);
  const { page, data } = session;
  await page.click('#controls button:nth-child(2)'); // all the questions
  const opens = data.questions.flatMap((q, i) => (q.type === 'open' ? [i] : []));
  for (const i of opens) await page.click(`#q-${i} [data-act="reveal"]`);
  // Each level's text is one line: its rendered height is under 1.5 lines.
  const measure = () => page.evaluate((indices) => indices.map((i) => {
    const card = document.querySelector(`#q-${i}`);
    const broken = [...card.querySelectorAll('table.rubric th')].filter((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      const height = range.getBoundingClientRect().height;
      return height > 1.5 * parseFloat(getComputedStyle(th).lineHeight);
    }).map((th) => th.textContent);
    const feedback = card.querySelector('.feedback');
    const rate = card.querySelector('.rate');
    return {
      broken,
      levels: card.querySelectorAll('table.rubric th').length,
      // The buttons come after the answer, in the page's order and on screen.
      after: Boolean(rate) && (feedback.compareDocumentPosition(rate) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
        && rate.getBoundingClientRect().top >= feedback.getBoundingClientRect().bottom,
    };
  }), opens);
  const phone = await measure();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  check(`the shipped bank has open questions (${opens.length}), each with its rubric shown`, opens.length > 0 && phone.every((m) => m.levels > 0), JSON.stringify(phone));
  check('at 390px, no horizontal scroll with the rubrics shown', wide <= 390, `${wide}px wide`);
  check('at 390px, every rubric level ("2 pt") is on one line', phone.every((m) => m.broken.length === 0), JSON.stringify(phone.map((m) => m.broken)));
  check('at 390px, the model answer and rubric come before the score buttons', phone.every((m) => m.after), JSON.stringify(phone.map((m) => m.after)));
  if (shots) await page.locator(`#q-${opens[0]}`).screenshot({ path: `${shots}/selfcheck-open-390.png` });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate((indices) => indices.map((i) => {
    const card = document.querySelector(`#q-${i}`);
    return [...card.querySelectorAll('table.rubric th')].filter((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return range.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(th).lineHeight);
    }).length;
  }), opens);
  check('in print, every rubric level is on one line', printed.every((n) => n === 0), JSON.stringify(printed));
  await session.context.close();
}

await browser.close();
console.log(`selfcheck: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
