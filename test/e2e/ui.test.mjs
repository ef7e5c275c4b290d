// What a person sees: the packaged .vsix installed in code-server, a workspace of articles opened in headless
// Chromium, and the editor, hover, Problems panel, quick fix and export driven by keyboard and mouse.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { freshProfile, installExtension, launchBrowser, recordConsole, repoRoot, resultsDir, startCodeServer } from './codeServer.mjs';

const require = createRequire(import.meta.url);
const { makeFixtureWorkspace } = require('../../out/test/vscode/fixtureWorkspace.js');
const { validateExport } = require('../../out/test/support/schema.js');

const screenshotsDir = path.join(resultsDir, 'screenshots');
const timingsFile = path.join(resultsDir, 'e2e-timings.json');
const STEP = { timeout: 90000 };

let profile;
let workspace;
let server;
let browser;
let page;

before(async () => {
  profile = freshProfile(path.join(resultsDir, 'e2e-run'));
  workspace = path.join(profile.dir, 'workspace');
  fs.mkdirSync(workspace);
  makeFixtureWorkspace(workspace);
  fs.rmSync(screenshotsDir, { recursive: true, force: true });
  fs.mkdirSync(screenshotsDir, { recursive: true });
  installExtension(profile, path.join(repoRoot, 'news-annotator.vsix'));
  server = await startCodeServer(profile);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30000);
  recordConsole(page, path.join(profile.dir, 'browser-console.log'));
});

afterEach(async (t) => {
  if (!t.passed) await page?.screenshot({ path: path.join(profile.dir, `failed-${t.name.replace(/\W+/g, '-')}.png`) });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something other than undefined or false. */
async function until(what, probe, timeoutMs = 30000) {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(200)) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
  }
}

const screenshot = (name) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });
const squiggles = () => page.locator('.editor-instance .monaco-editor .squiggly-warning');

/** The total of the status bar's problem counters (errors, warnings, infos). */
async function problemCount() {
  const text = (await page.locator('#status\\.problems').textContent()) ?? '';
  return (text.match(/\d+/g) ?? []).reduce((sum, n) => sum + Number(n), 0);
}

async function waitForWorkbench() {
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
}

/** Opens an article with Quick Open and waits until it is a News Article (.txt files start as plain text). */
async function openArticle(file) {
  await page.keyboard.press('Control+P');
  await pick(file);
  await page.locator(`.tabs-container .tab.active[aria-label*="${file}"]`).waitFor();
  await page.locator('#status\\.editor\\.mode', { hasText: 'News Article' }).waitFor();
}

/** Types into the open quick input and accepts the entry once the filter has put `label` first. */
async function pick(label) {
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(label);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor();
  await page.keyboard.press('Enter');
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  await pick(title);
}

/** The mtkN class (the token color) of the editor's span whose text is exactly `text`, or of the first containing it. */
function tokenClass(text, exact = true) {
  return page.evaluate(
    ({ text, exact }) => {
      const spans = [...document.querySelectorAll('.editor-instance .view-lines .view-line span span')];
      const textOf = (s) => s.textContent.replaceAll('\u00a0', ' '); // the editor renders spaces as no-break spaces
      const span = spans.find((s) => (exact ? textOf(s) === text : textOf(s).includes(text)));
      return span?.className.split(' ').find((c) => /^mtk\d+$/.test(c));
    },
    { text, exact },
  );
}

/** Rests the mouse on `word` in the editor (hovers open on the mouse, not on the cursor); returns where. */
async function hoverOver(word) {
  const locate = () =>
    page.evaluate((word) => {
      for (const line of document.querySelectorAll('.editor-instance .view-lines .view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.replaceAll('\u00a0', ' ').indexOf(word);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const box = range.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }
      }
      return undefined;
    }, word);
  const point = await until(`"${word}" to be drawn in the editor`, locate);
  await page.mouse.move(5, 5);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  return point;
}

/** Double-clicks `word` until the editor has selected it: an inlay hint drawn late can move the text under the mouse. */
function selectWord(word) {
  return until(`"${word}" to be selected`, async () => {
    const point = await hoverOver(word);
    await page.mouse.dblclick(point.x, point.y);
    await sleep(200);
    const selection = await page.locator('#status\\.editor\\.selection').textContent();
    return selection?.includes(`(${word.length} selected)`) && point;
  });
}

/** The quick-fix menu ignores mouse clicks in headless Chromium (an overlay takes them): walk it with the arrow keys. */
async function chooseCodeAction(title) {
  await page.locator('.action-widget').waitFor();
  for (let i = 0; i < 10; i++) {
    if ((await page.locator('.action-widget .monaco-list-row.focused').textContent())?.includes(title)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`no "${title}" in the quick-fix menu`);
}

/** When the extension host logged the start of the extension's activation, in ms since the epoch. */
function activationTime() {
  const logs = path.join(profile.userDataDir, 'logs');
  const times = fs
    .readdirSync(logs, { recursive: true })
    .filter((file) => file.endsWith('remoteexthost.log'))
    .flatMap((file) => {
      const line = /^(\S+) (\S+) \[info\] ExtensionService#_doActivateExtension news-annotator\.news-annotator\b/m.exec(
        fs.readFileSync(path.join(logs, file), 'utf8'),
      );
      return line ? [new Date(`${line[1]}T${line[2]}`).getTime()] : []; // the log's local time
    });
  return times.length > 0 ? Math.min(...times) : undefined;
}

/**
 * The activation time VS Code itself gives the extension in Developer: Show Running Extensions: loading its code plus
 * the activate() call (the extension's own "Activated in" line cannot see the loading).
 */
async function runningExtensionsActivationMs() {
  await runCommand('Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .extension', { has: page.locator('.name', { hasText: 'News Annotator' }) });
  const text = await until('an activation time for News Annotator', async () => {
    const shown = await row.locator('.activation-time').textContent();
    return /\d+ms/.test(shown ?? '') && shown;
  });
  await page.keyboard.press('Control+W');
  return Number(/(\d+)ms/.exec(text)[1]);
}

test('the workbench opens the articles, the extension activates and diagnostics are drawn', STEP, async () => {
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await waitForWorkbench();
  const workbenchShownMs = Date.now() - server.startedAt;
  await page.waitForFunction(() => /[1-9]/.test(document.querySelector('#status\\.problems')?.textContent ?? ''), null, {
    timeout: 60000,
    polling: 100,
  });
  const firstDiagnosticsDrawnMs = Date.now() - server.startedAt;
  const activatedAt = await until('the activation of news-annotator.news-annotator in the extension host log', activationTime);
  const vscodeActivationMs = await runningExtensionsActivationMs();
  const timings = { workbenchShownMs, extensionActivatedMs: activatedAt - server.startedAt, firstDiagnosticsDrawnMs };
  const record = { fromCodeServerStart: timings, vscodeActivationMs, measuredAt: new Date().toISOString() };
  fs.writeFileSync(timingsFile, `${JSON.stringify(record, null, 2)}\n`);
});

test('a person and a place are colored with distinct token classes', STEP, async () => {
  await openArticle('alder-dam-wire.txt');
  // A name gets a span of its own only from the semantic tokens (the grammar colors whole lines and quotes).
  const person = await until('Dmitri Orlov to be colored', () => tokenClass('Dmitri Orlov'));
  const place = await until('Valmora to be colored', () => tokenClass('Valmora'));
  const plain = await tokenClass(' said ', false);
  assert.ok(person && place && plain, JSON.stringify({ person, place, plain }));
  assert.notEqual(person, place);
  assert.notEqual(person, plain);
  assert.notEqual(place, plain);
  await page.mouse.move(5, 5);
  await screenshot('editor-colors');
});

test('the Problems panel lists unattributed claims of an article that was never opened', STEP, async () => {
  const rows = page.locator('.markers-panel .monaco-list-row');
  await page.keyboard.press('Control+Shift+M');
  await rows.filter({ hasText: 'alder-dam-explainer.txt' }).waitFor();
  const labels = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('aria-label') ?? ''));
  const file = labels.findIndex((label) => / problems? in file alder-dam-explainer\.txt /.test(label));
  const next = labels.findIndex((label, i) => i > file && / problems? in file /.test(label));
  const claims = labels.slice(file + 1, next < 0 ? undefined : next).filter((label) => label.includes('Unattributed claim'));
  assert.ok(claims.length > 0, `unattributed claims under alder-dam-explainer.txt in ${JSON.stringify(labels)}`);
  const tabs = await page.locator('.tabs-container .tab').allTextContents();
  assert.ok(!tabs.some((tab) => tab.includes('alder-dam-explainer.txt')), 'alder-dam-explainer.txt was never opened');
  await screenshot('problems-panel');
  await page.keyboard.press('Control+J'); // closes the panel
});

test('a hover on a person shows the cross-article card with the other articles', STEP, async () => {
  await openArticle('alder-dam-daily.txt');
  // Colored names show the server has the document; a hover asked for before that stays empty until the mouse moves.
  await until('Dmitry Orlov to be colored', () => tokenClass('Dmitry Orlov'));
  await hoverOver('Dmitry Orlov');
  const card = page.locator('.monaco-hover:visible', { hasText: 'In other articles' });
  await card.waitFor();
  const text = await card.innerText();
  for (const expected of ['Dmitri Orlov', 'alder-dam-wire.txt', 'alder-dam-explainer.txt', 'alder-dam-briefing.news']) {
    assert.ok(text.includes(expected), `"${expected}" in the hover:\n${text}`);
  }
  await sleep(300); // the card fades in
  await screenshot('hover-card');
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
});

test('the quick fix marks a claim verified, and it stays verified after a window reload', STEP, async () => {
  await openArticle('alder-dam-daily.txt');
  await squiggles().first().waitFor();
  const squigglesBefore = await squiggles().count();
  const problemsBefore = await problemCount();
  const box = await squiggles().first().boundingBox();
  await page.mouse.click(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
  await page.keyboard.press('Control+.');
  await chooseCodeAction('Mark claim as verified');
  await until('the squiggle to go', async () => (await squiggles().count()) < squigglesBefore);
  const problemsAfter = problemsBefore - 1;
  await until(`${problemsAfter} problems`, async () => (await problemCount()) === problemsAfter);
  assert.ok(fs.existsSync(path.join(workspace, '.annotations', 'alder-dam-daily.txt.json')), 'the decision is stored beside the article');

  const reloaded = page.waitForEvent('load', { timeout: 30000 });
  await runCommand('Developer: Reload Window');
  await reloaded;
  await waitForWorkbench();
  // Diagnostics come back file by file: wait for the expected total, then make sure the verified claim does not return.
  await until(`${problemsAfter} problems after the reload`, async () => (await problemCount()) === problemsAfter, 60000);
  await sleep(3000);
  assert.equal(await problemCount(), problemsAfter, 'problems after the reload');
});

test('the export command writes JSON that follows the schema', STEP, async () => {
  await openArticle('alder-dam-daily.txt');
  const target = path.join(workspace, 'export.json');
  await runCommand('News Annotator: Export Annotations...');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Current article' }).waitFor();
  await pick('All articles in the workspace');
  await pick('JSON');
  await pick('Everything'); // asked once an editor has annotated (the quick fix above)
  // code-server's save dialog is a path box in the quick input, prefilled with the suggested file.
  await page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.value.endsWith('annotations.json'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(target);
  // The dialog lists the folder as the path is typed and can miss an Enter pressed meanwhile: press it until it closes.
  const pathBox = page.locator('.quick-input-widget input');
  await until(`${target} to be written`, async () => {
    if ((await pathBox.isVisible()) && (await pathBox.inputValue()) === target) await page.keyboard.press('Enter');
    await sleep(500);
    return fs.existsSync(target);
  });
  const exported = JSON.parse(fs.readFileSync(target, 'utf8'));
  assert.ok(validateExport(exported), JSON.stringify(validateExport.errors, null, 2));
  assert.deepEqual(exported.articles.map((a) => a.path).sort(), [
    'alder-dam-briefing.news',
    'alder-dam-daily.txt',
    'alder-dam-explainer.txt',
    'alder-dam-wire.txt',
  ]);
});

test('the keyboard and the context menu annotate: Alt+N P makes the selection a person, Alt+N Z undoes it', STEP, async () => {
  await openArticle('alder-dam-wire.txt');
  const person = await until('Dmitri Orlov to be colored', () => tokenClass('Dmitri Orlov'));
  const point = await selectWord('spillway');
  await page.keyboard.press('Alt+n');
  await page.keyboard.press('p');
  await until('"spillway" to take the person color', async () => (await tokenClass('spillway')) === person);
  assert.ok(fs.existsSync(path.join(workspace, '.annotations', 'alder-dam-wire.txt.json')), 'stored beside the article');

  await page.mouse.click(point.x, point.y, { button: 'right' });
  const annotate = page.locator('.context-view .action-item', { hasText: 'Annotate' }).first();
  await annotate.waitFor();
  await annotate.hover();
  await page.locator('.context-view .action-label', { hasText: 'Same Entity As...' }).first().waitFor();
  await screenshot('annotate-menu');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+n');
  await page.keyboard.press('z');
  await until('"spillway" to lose the person color', async () => (await tokenClass('spillway')) !== person);
});
