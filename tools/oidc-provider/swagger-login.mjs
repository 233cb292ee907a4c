// The browser half of the Swagger UI sign-in test, in Debian's chromium driven by puppeteer-core: open Swagger UI, press
// Authorize, sign in on the provider's page that opens, come back with a token, then "Try it out" on a protected operation.
//   CHROMIUM=/usr/bin/chromium node swagger-login.mjs API_BASE LOGIN PASSWORD PATH
// Prints one JSON line: what the browser saw at each step and the status Swagger UI showed for the call. PATH is a GET of
// the first tag, which Swagger UI shows open.
import puppeteer from 'puppeteer-core';

const [apiBase, login, password, path] = process.argv.slice(2);
const steps = [];
const timeout = 30000;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || 'chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});

try {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);
  let authorization = null;
  page.on('request', (request) => {
    if (request.url().startsWith(apiBase + path)) authorization = request.headers().authorization ?? null;
  });

  await page.goto(`${apiBase}/swagger/index.html`, { waitUntil: 'networkidle0' });
  await page.click('.btn.authorize');
  // The provider's discovery document lists its grants; the sign-in for people is the authorization-code one.
  const container = await page.waitForFunction(() => [...document.querySelectorAll('.auth-container')]
    .find((c) => /authorization_?code/i.test(c.textContent) && c.querySelector('button.authorize')));
  steps.push('authorize dialog');

  const popup = new Promise((resolve) => browser.once('targetcreated', (target) => resolve(target.page())));
  await container.evaluate((c) => c.querySelector('button.authorize').click());
  const signIn = await popup;
  signIn.setDefaultTimeout(timeout);
  await signIn.waitForSelector('#login');
  steps.push(`login page ${new URL(signIn.url()).origin}`);
  await signIn.type('#login', login);
  await signIn.type('#password', password);
  await Promise.all([signIn.waitForNavigation().catch(() => {}), signIn.click('button[type=submit]')]);

  // Back in Swagger UI: the flow shows a Logout button once the code was exchanged for a token.
  await page.waitForFunction(() => [...document.querySelectorAll('.auth-container')]
    .some((c) => /authorization_?code/i.test(c.textContent) && [...c.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Logout')));
  steps.push('signed in');
  await page.click('.modal-ux .close-modal');

  const operation = await page.waitForFunction((p) => [...document.querySelectorAll('.opblock.opblock-get')]
    .find((o) => o.querySelector('.opblock-summary-path')?.getAttribute('data-path') === p), {}, path);
  steps.push('operation found');
  await operation.evaluate((o) => (o.querySelector('.opblock-summary-control') ?? o.querySelector('.opblock-summary')).click());
  await page.waitForFunction((o) => o.querySelector('.try-out__btn'), {}, operation);
  steps.push('operation open');
  await operation.evaluate((o) => o.querySelector('.try-out__btn').click());
  await page.waitForFunction((o) => o.querySelector('.execute'), {}, operation);
  steps.push('try it out');
  await operation.evaluate((o) => o.querySelector('.execute').click());
  const status = await page.waitForFunction((o) => o.querySelector('.live-responses-table tbody .response-col_status')?.textContent.trim(), {}, operation);
  steps.push('tried it out');

  console.log(JSON.stringify({ steps, status: Number((await status.jsonValue()).split(/\s/)[0]), authorization: authorization?.split(' ')[0] ?? null }));
} catch (error) {
  console.log(JSON.stringify({ steps, error: String(error) }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
