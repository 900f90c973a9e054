// One visit of the site in Firefox ESR, driven over WebDriver BiDi by
// puppeteer-core (no geckodriver, no browser download). pytest
// (tests/test_firefox.py) passes the plan as JSON in argv[2] and reads what
// the page showed as JSON on stdout; the Python side compares it with
// CPython's `calculator.compute`, so this script only acts and observes.
//
// Plan: {url, ready, saving, scenarios: [{fields: [{key, kind, value}], saving, lines}],
//        hostile, campaign, pdf}. Each step records its own error instead of
// stopping the visit, so every check reports on its own.
import { readFileSync } from "node:fs";

import puppeteer from "puppeteer-core";

const plan = JSON.parse(process.argv[2]);
const STEP_TIMEOUT_MS = 60_000;
const consoleErrors = [];
const dialogs = [];

function watch(page) {
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message ?? error}`));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  return page;
}

async function openLive(browser, url) {
  const page = watch(await browser.newPage());
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => document.querySelector("#kalkylator")?.scrollIntoView());
  await page.waitForSelector(plan.ready, { timeout: STEP_TIMEOUT_MS });
  return page;
}

const OBSERVE = readFileSync(new URL("./calculator_observe.js", import.meta.url), "utf8");

async function observe(page) {
  return page.evaluate(`(${OBSERVE})(${JSON.stringify(plan.saving)})`);
}

async function type(page, { key, kind, value }) {
  const selector = `[data-calc-form] [name="${key}"]`;
  await page.$eval(selector, (el) => el.closest("details")?.setAttribute("open", ""));
  if (kind === "choice") {
    await page.select(selector, value);
  } else if (kind === "boolean") {
    const checked = await page.$eval(selector, (el) => el.checked);
    if (checked !== (value === "true")) await page.click(`label[for="${await page.$eval(selector, (el) => el.id)}"]`);
  } else {
    // Firefox's BiDi keyboard takes no chords such as Control+A: empty the field, then type.
    await page.$eval(selector, (el) => { el.value = ""; });
    await page.type(selector, value);
  }
}

// Until the saving's headline and every component line show `scenario`'s numbers.
async function waitForResult(page, scenario) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const shown = await observe(page);
    if (shown.saving === scenario.saving && JSON.stringify(shown.lines) === JSON.stringify(scenario.lines)) return;
    if (Date.now() > deadline) throw new Error(`never showed ${JSON.stringify(scenario)}, but ${JSON.stringify(shown)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function step(results, name, action) {
  try {
    results[name] = await action();
  } catch (error) {
    results[name] = { error: String(error?.stack ?? error) };
  }
}

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: plan.executable,
  headless: true,
  protocol: "webDriverBiDi",
});
const results = {};
try {
  let page;
  await step(results, "load", async () => {
    page = await openLive(browser, plan.url + plan.campaign);
    return { ...(await observe(page)), consoleErrors: [...consoleErrors] };
  });
  results.scenarios = [];
  for (const scenario of plan.scenarios) {
    const entry = {};
    await step(entry, "shown", async () => {
      for (const field of scenario.fields) await type(page, field);
      await waitForResult(page, scenario);
      return observe(page);
    });
    results.scenarios.push(entry.shown);
  }
  // The calculator's print button, with the browser's dialog replaced by a
  // flag; then the page as Firefox prints it (print media).
  await step(results, "print", async () => {
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await page.click("[data-calc-print]");
    const printed = await page.evaluate(() => window.__printed === true);
    await page.pdf({ path: plan.pdf, format: "A4" });
    return { path: plan.pdf, printed, link: (await observe(page)).link };
  });
  await step(results, "share", async () => {
    const link = (await observe(page)).link;
    const second = await openLive(browser, link);
    await waitForResult(second, plan.scenarios.at(-1));
    return { link, ...(await observe(second)) };
  });
  await step(results, "hostile", async () => {
    const before = consoleErrors.length;
    const visit = await openLive(browser, plan.url + plan.hostile);
    await visit.waitForFunction(
      () => [...document.querySelectorAll("[data-error-for], [data-calc-notice]")]
        .some((el) => !el.hidden && el.textContent.trim()),
      { timeout: 15_000 });
    return { ...(await observe(visit)), consoleErrors: consoleErrors.slice(before), dialogs: [...dialogs] };
  });
} finally {
  await browser.close();
}
results.consoleErrors = consoleErrors;
process.stdout.write(JSON.stringify(results));
