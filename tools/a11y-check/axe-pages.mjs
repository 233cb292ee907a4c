// Opens every .html file under a folder in one headless Chromium (Debian's `chromium`, or $CHROMIUM) and runs axe-core on
// it with the WCAG 2.0/2.1 A and AA rules and the best practices; then loads it again in a viewport 320 CSS px wide
// (deviceScaleFactor 1, WCAG 1.4.10 Reflow) and measures whether the page scrolls sideways. Prints one JSON document: per
// page, the violations (rule, impact, help, and each node's selector and HTML) and the reflow figures (the document's
// scroll width against the window's width, and the widest elements that stick out of the window and are not clipped by an
// ancestor that scrolls or hides its overflow). Exit code 0 whatever was found: the caller judges.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const root = resolve(process.argv[2] ?? '.');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const narrow = { width: 320, height: 640, deviceScaleFactor: 1 };

// Runs in the page: what makes it wider than the window, widest first.
function measureReflow() {
  const viewport = window.innerWidth;
  const root = document.documentElement;
  const clipped = element => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== 'visible' && parent.getBoundingClientRect().right <= viewport + 0.5) return true;
    }
    return false;
  };
  const selector = element => {
    const parts = [];
    for (let e = element; e && e !== document.body; e = e.parentElement) {
      let part = e.localName + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
      const siblings = e.parentElement ? [...e.parentElement.children].filter(s => s.localName === e.localName) : [];
      if (siblings.length > 1) part += `:nth-of-type(${siblings.indexOf(e) + 1})`;
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  // An element's own box, or its content where that overflows it (a long address in a paragraph of the window's width).
  const beyond = right => right > viewport + 0.5;
  const offending = [...document.body.querySelectorAll('*')]
    .map(element => {
      const box = element.getBoundingClientRect();
      const width = Math.max(box.width, element.scrollWidth);
      return { element, box, width, right: box.left + width };
    })
    .filter(({ element, width, right }) => width > 0 && beyond(right) && !clipped(element));
  // The culprits, not their ancestors: the outermost element whose box sticks out of a parent that fits, or one whose text
  // (not a child element) overflows its box.
  const sticking = new Set(offending.map(o => o.element));
  const culprit = ({ element, box }) => beyond(box.right)
    ? !beyond(element.parentElement.getBoundingClientRect().right)
    : ![...element.children].some(child => sticking.has(child));
  return {
    viewportWidth: viewport, scrollWidth: root.scrollWidth, scrollsSideways: root.scrollWidth > viewport,
    widest: offending.filter(culprit)
      .sort((a, b) => b.right - a.right || a.width - b.width)
      .slice(0, 5)
      .map(({ element, width, right }) => ({ selector: selector(element), width: Math.round(width), right: Math.round(right), html: element.outerHTML.slice(0, 200) })),
  };
}

function pages(dir) {
  return readdirSync(dir).sort().flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : name.endsWith('.html') ? [path] : [];
  });
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // Root in CI and containers: Chromium's sandbox needs user namespaces that are often not there.
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
});
const results = [];
try {
  const page = await browser.newPage();
  const phone = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await phone.setViewport(narrow);
  for (const file of pages(root)) {
    await phone.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const reflow = await phone.evaluate(measureReflow);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(axeSource);
    const outcome = await page.evaluate(async runOnly => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] });
      return {
        axeVersion: r.testEngine.version,
        violations: r.violations.map(v => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
        })),
      };
    }, tags);
    results.push({ page: relative(root, file), ...outcome, reflow });
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ tags, pages: results }, null, 2) + '\n');
