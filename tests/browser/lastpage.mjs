// Printed worksheets and keys in Debian's Chromium, driven by playwright-core:
// no sheet's or key's last page holds exactly one question (or key entry).
// Each file is printed to PDF at its own @page size (A4 or Letter, as
// `--paper` made it), and the question numbers on its last page are read back
// with poppler's `pdftotext`.
//
// Usage: node lastpage.mjs FILE.html...   (scripts/test generates the sheets)
// Prints one line per check and closes with "N passed, N failed"; with
// PAGES=1 it also prints each file's page count, for comparing layouts.
import { check, filesFromArgs, finish, launch } from './harness.mjs';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const files = filesFromArgs('lastpage.mjs');
const browser = await launch();

const scratch = mkdtempSync(join(tmpdir(), 'mediaquiz-lastpage-'));
const page = await browser.newPage();
for (const file of files) {
  await page.goto(pathToFileURL(file).href);
  const name = file.split('/').slice(-2).join('/');
  // The numbers printed before each question or key entry.
  const numbers = await page.evaluate(() =>
    [...document.querySelectorAll('.question .num, .entry .num')].map((n) => n.textContent.trim().replace(/\.$/, '')));
  const pdf = join(scratch, 'page.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-layout', pdf, '-'], { encoding: 'utf8' });
  // A question starts a line with its number and a full stop.
  const wanted = new Set(numbers);
  const onLast = new Set([...last.matchAll(/^\s{0,4}(\d{1,3})\.\s/gm)].map((m) => m[1]).filter((n) => wanted.has(n)));
  if (process.env.PAGES) console.log(`pages ${pages}  ${name}`);
  check(`${name}: has questions`, numbers.length > 0, 'no question found');
  check(`${name}: its last page (${pages}) holds no lone question (${onLast.size} there)`, numbers.length < 2 || pages < 2 || onLast.size !== 1, `only question ${[...onLast].join(', ')} on page ${pages}`);
}
await browser.close();
rmSync(scratch, { recursive: true, force: true });
finish();
