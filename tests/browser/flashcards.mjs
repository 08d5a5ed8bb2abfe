// Printed flashcards in Debian's Chromium, driven by playwright-core, laid
// out for print: no card's text runs over its box (scrollHeight ≤
// clientHeight for every card face), no card text is smaller than 7 pt, and
// the page has a `lang`.
//
// Usage: node flashcards.mjs FILE.html...   (scripts/test generates the decks)
// Prints one line per check and closes with "N passed, N failed".
import { check, filesFromArgs, finish, launch } from './harness.mjs';
import { pathToFileURL } from 'node:url';

const files = filesFromArgs('flashcards.mjs');
const browser = await launch();

const page = await browser.newPage();
await page.emulateMedia({ media: 'print' });
for (const file of files) {
  await page.goto(pathToFileURL(file).href);
  const name = file.split('/').slice(-2).join('/');
  const found = await page.evaluate(() => {
    const faces = [...document.querySelectorAll('.card:not(.empty)')];
    const over = [];
    // Faces too long even at 7 pt are named in mediaquiz's warning and marked
    // `too-long`: the promise is that no face runs over unannounced.
    const reported = faces.filter((card) => card.classList.contains('too-long')).length;
    let smallest = Infinity;
    // The face with the least room left under its text, to see a layout
    // change coming before a face runs over.
    let tightest = { id: '', spare: Infinity };
    for (const card of faces) {
      if (card.classList.contains('too-long')) continue;
      const text = card.querySelector('.text');
      const range = document.createRange();
      range.selectNodeContents(text);
      const spare = text.getBoundingClientRect().bottom - range.getBoundingClientRect().bottom;
      if (spare < tightest.spare) tightest = { id: card.id, spare: Math.round(spare * 10) / 10 };
      for (const box of [card, text]) {
        if (box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth) {
          over.push(`${card.id} (${box.scrollHeight}px of ${box.clientHeight}px)`);
          break;
        }
      }
      for (const el of card.querySelectorAll('*')) {
        smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
      }
    }
    return { faces: faces.length, reported, over, smallest, tightest, lang: document.documentElement.lang };
  });
  check(`${name}: has cards`, found.faces > 0, 'no card found');
  check(`${name}: no card's text runs over its box unannounced (${found.faces} faces, ${found.reported} named as too long; tightest ${found.tightest.id}, ${found.tightest.spare}px to spare)`, found.over.length === 0 && !(found.tightest.spare < 0), found.over.join(', ') || `${found.tightest.id} ${found.tightest.spare}px`);
  // 7 pt is 9.33 CSS px.
  check(`${name}: no card text under 7 pt`, found.smallest >= 9.3, `${found.smallest}px`);
  check(`${name}: has a lang attribute`, found.lang.length === 2, `lang="${found.lang}"`);
}
await browser.close();
finish();
