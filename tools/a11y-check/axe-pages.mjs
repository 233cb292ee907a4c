// Opens every .html file under a folder in one headless Chromium (Debian's `chromium`, or $CHROMIUM) and runs axe-core on
// it with the WCAG 2.0/2.1 A and AA rules and the best practices. Prints one JSON document: per page, the violations
// (rule, impact, help, and each node's selector and HTML). Exit code 0 whatever was found: the caller judges.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const root = resolve(process.argv[2] ?? '.');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

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
  await page.setViewport({ width: 1280, height: 900 });
  for (const file of pages(root)) {
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
    results.push({ page: relative(root, file), ...outcome });
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ tags, pages: results }, null, 2) + '\n');
