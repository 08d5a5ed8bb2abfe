// What the page checks share: the files named on the command line, Debian's
// Chromium driven by playwright-core, and one line per check closing with
// "N passed, N failed" (exit 1 when any failed).
import { chromium } from 'playwright-core';

let passed = 0;
let failed = 0;

/** The HTML files given on the command line; usage and exit 2 when none. */
export function filesFromArgs(script) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error(`usage: node ${script} FILE.html...`);
    process.exit(2);
  }
  return files;
}

/** Chromium as CI has it ($CHROME, else Debian's), without the network chatter. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/** Counts and prints one check. */
export function check(name, ok, detail) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok' : 'FAILED'}  ${name}${ok ? '' : `: ${detail}`}`);
}

/** Prints the tally and exits with its status. */
export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
