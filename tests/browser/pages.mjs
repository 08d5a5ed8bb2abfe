// Browser checks of generated pages in Debian's Chromium, driven by
// playwright-core: readable on a phone (no sideways scrolling, legible text)
// and text contrast of at least 4.5:1 (WCAG AA); the answer key's answers at a
// glance in even columns on a phone and on A4 and Letter paper.
//
// Usage: node pages.mjs FILE.html...   (scripts/test generates the pages)
// Prints one line per check and closes with "N passed, N failed".
import { check, filesFromArgs, finish, launch } from './harness.mjs';
import { pathToFileURL } from 'node:url';

const files = filesFromArgs('pages.mjs');
const browser = await launch();

const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
for (const file of files) {
  await page.goto(pathToFileURL(file).href);
  const name = file.split('/').slice(-2).join('/');
  const layout = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    font: parseFloat(getComputedStyle(document.body).fontSize),
    lang: document.documentElement.lang,
  }));
  check(`${name}: fits a 390px phone screen`, layout.scroll <= layout.width, `page is ${layout.scroll}px wide`);
  check(`${name}: body text is at least 14px on a phone`, layout.font >= 14, `${layout.font}px`);
  check(`${name}: has a lang attribute`, layout.lang.length === 2, `lang="${layout.lang}"`);
  // Match questions: at phone width the two columns stack, each under its
  // heading, so a number, a box and a letter never sit side by side as a pair.
  const matches = await page.evaluate(() => [...document.querySelectorAll('div.match')].map((m) => {
    const [left, right] = m.querySelectorAll('.match-col');
    return {
      stacked: right.getBoundingClientRect().top >= left.getBoundingClientRect().bottom - 1,
      headed: [left, right].every((c) => c.querySelector('.match-head')?.textContent.trim()),
    };
  }));
  if (matches.length > 0) {
    check(`${name}: match columns stack under headings on a phone`, matches.every((m) => m.stacked && m.headed), JSON.stringify(matches));
  }
  // Evidence quotes open as their own text's language does (« in French
  // content, “ in English), whatever the interface's language.
  const quotes = await page.evaluate(() => [...document.querySelectorAll('.quote')].map((q) => ({
    lang: q.closest('[lang]').lang,
    open: getComputedStyle(q, '::before').content,
  })).filter((q) => q.open !== (q.lang === 'en' ? '"“"' : '"«\u00a0"')));
  check(`${name}: quotes open in their own language`, quotes.length === 0, JSON.stringify(quotes.slice(0, 3)));
  const worst = await page.evaluate(() => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    const luminance = (rgb) => 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    const parse = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const background = (el) => {
      for (; el; el = el.parentElement) {
        const c = getComputedStyle(el).backgroundColor;
        if (!c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') return parse(c);
      }
      return [255, 255, 255];
    };
    let worst = { ratio: 21, text: '' };
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own) continue;
      const a = luminance(parse(getComputedStyle(el).color));
      const b = luminance(background(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < worst.ratio) worst = { ratio, text: el.textContent.trim().slice(0, 40) };
    }
    return worst;
  });
  check(`${name}: text contrast is at least 4.5:1`, worst.ratio >= 4.5, `${worst.ratio.toFixed(2)} for "${worst.text}"`);
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name.replace(/\W+/g, '-')}.png`, fullPage: false });
  }
}

// The answer key's "answers at a glance": its columns are equally wide and
// their heights differ by at most one row, on a phone and on printed A4 and
// Letter (the printable width between the page's 15 mm side margins).
const glanceWidths = [
  { label: '390px phone', media: 'screen', width: 390 },
  { label: 'A4 print', media: 'print', width: Math.floor(((210 - 30) / 25.4) * 96) },
  { label: 'Letter print', media: 'print', width: Math.floor(8.5 * 96 - (30 / 25.4) * 96) },
];
for (const { label, media, width } of glanceWidths) {
  await page.setViewportSize({ width, height: 1000 });
  await page.emulateMedia({ media });
  for (const file of files) {
    await page.goto(pathToFileURL(file).href);
    const columns = await page.evaluate(() => {
      const list = document.querySelector('ol.brief');
      if (!list) return null;
      const byLeft = new Map();
      let row = 0;
      for (const li of list.children) {
        const box = li.getBoundingClientRect();
        const left = Math.round(box.left);
        const column = byLeft.get(left) ?? { width: box.width, top: box.top, bottom: box.bottom, items: 0, tops: [] };
        column.width = Math.max(column.width, box.width);
        column.top = Math.min(column.top, box.top);
        column.bottom = Math.max(column.bottom, box.bottom);
        column.items++;
        column.tops.push(Math.round(box.top));
        byLeft.set(left, column);
        row = Math.max(row, box.height);
      }
      // One row is an item and the gap below it.
      row += parseFloat(getComputedStyle(list).rowGap) || 0;
      const all = [...byLeft.values()];
      // The k-th answer of every column on the same line, as in a table.
      const aligned = all.every((c) => c.tops.every((top, k) => Math.abs(top - all[0].tops[k]) <= 1));
      return { row, aligned, widths: all.map((c) => c.width), heights: all.map((c) => c.bottom - c.top), items: all.map((c) => c.items) };
    });
    if (!columns) continue;
    const name = file.split('/').slice(-2).join('/');
    const spread = (xs) => Math.max(...xs) - Math.min(...xs);
    check(`${name}: answers at a glance, ${label}: ${columns.widths.length} columns of equal width`,
      columns.widths.length >= 2 && spread(columns.widths) <= 1, JSON.stringify(columns));
    check(`${name}: answers at a glance, ${label}: columns differ by at most one row, rows aligned`,
      spread(columns.heights) <= columns.row + 1 && spread(columns.items) <= 1 && columns.aligned, JSON.stringify(columns));
  }
}

await browser.close();
finish();
