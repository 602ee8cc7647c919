/**
 * End to end: the built task pane in a real browser (Debian's chromium through playwright-core)
 * against the simulated Excel host loaded with the sample practice (test/e2e/sampleGrids.ts):
 * Set up, Convert the claims export, Physician report as of 2026-10-31, Fee check. Asserts the
 * workbook afterwards, records every network request (any that leaves the page's own origin
 * fails the test) and saves a screenshot of the pane.
 *
 * Skipped, with a message, when chromium is absent and CI is not set; failed when CI is set.
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), E2E_OUT_DIR (default dist-e2e/),
 * E2E_ARTIFACTS_DIR (default artifacts/, screenshots in artifacts/screenshots), E2E_PREBUILT=1 to use an existing build.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { lineBalance } from "../../src/core/claims/balance";
import { formatCents } from "../../src/core/money/cents";
import { e2eWorkbook, EXPORT_SHEET, type E2eWorkbook } from "./sampleGrids";
import { serveFolder, type StaticServer } from "./staticServer";


const ROOT = path.resolve(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const IN_CI = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false" && process.env.CI !== "0";
const OUT_DIR = process.env.E2E_OUT_DIR ?? path.join(ROOT, "dist-e2e");
const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS_DIR ?? path.join(ROOT, "artifacts");
/** Every tab before and after its action, at 320 px (git-ignored; CI keeps artifacts/ as its artifacts). */
const SCREENSHOTS_DIR = path.join(ARTIFACTS_DIR, "screenshots");
const haveChromium = fs.existsSync(CHROMIUM);
/** The pane's tasks (src/taskpane/panelList.tsx): Workbook, Set up, Convert, Report, Fee check, Remittance. */
const TASKS = 6;

jest.setTimeout(300_000);

async function buildPage(): Promise<void> {
  if (process.env.E2E_PREBUILT === "1" && fs.existsSync(path.join(OUT_DIR, "index.html"))) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as typeof import("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("./webpack.e2e.config.js") as (env: { outDir: string }) => import("webpack").Configuration;
  await new Promise<void>((resolve, reject) => {
    webpack(makeConfig({ outDir: OUT_DIR }), (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    });
  });
}


const sheetNames = (page: Page) => page.evaluate(() => window.__practiceLedgerTest.sheetNames());
const sheetValues = (page: Page, name: string) => page.evaluate((n) => window.__practiceLedgerTest.values(n), name);
const snapshot = (page: Page, name: string) => page.evaluate((n) => window.__practiceLedgerTest.snapshot(n), name);

/** The displayed amount "$1,234.56" / "−$12.00" as the summary's "1234.56" / "-12.00". */
function plainAmount(shown: string): string {
  return shown.trim().replace("−", "-").replace("$", "").replace(/,/g, "");
}

const describeE2e = haveChromium ? describe : IN_CI ? describe : describe.skip;
if (!haveChromium && !IN_CI) {
  console.warn(`[e2e] skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH). In CI this fails.`);
}

describeE2e("task pane end to end (chromium, simulated Excel host)", () => {
  let server: StaticServer | null = null;
  let context: BrowserContext | null = null;
  let userDataDir = "";
  let book: E2eWorkbook;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI is set and chromium is absent (${CHROMIUM}): install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    book = e2eWorkbook();
    await buildPage();
    fs.writeFileSync(path.join(OUT_DIR, "workbook.json"), JSON.stringify(book.sheets));
    server = await serveFolder(OUT_DIR);
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-e2e-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 320, height: 900 }, // a task pane's real width (320-350 px)
      locale: "en-US",
    });
    context.on("request", (r) => requests.push(r.url()));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir !== "") fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  test("set up, convert, physician report and fee check on the sample practice, at 320 px", async () => {
    if (context === null || server === null) throw new Error("not started");
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
    await page.goto(`${server.origin}/index.html`);

    // This workbook: the export is listed once describeWorkbook has run.
    const sheetsTable = page.getByTestId("workbook-sheets");
    await sheetsTable.waitFor();
    await expectText(sheetsTable, EXPORT_SHEET);
    await expectText(sheetsTable, "Actuals"); // the Actuals sheet named as such, not "Budget"
    const before = await sheetNames(page);
    expect(before).toEqual([EXPORT_SHEET, "Fee Schedule", "Budget", "Actuals", "Payroll"]);
    const exportBefore = await snapshot(page, EXPORT_SHEET);
    const budgetBefore = await snapshot(page, "Budget");
    // First run: the intro shows (it will not on the next load, below).
    expect(await page.getByTestId("intro").count()).toBe(1);

    await shot("1-workbook-before");
    // Fits the pane: every tab on one row, nothing cut off, at 320 px.
    const oneRow = async (): Promise<number> => {
      const boxes = (await Promise.all((await page.getByRole("tab").all()).map((t) => t.boundingBox()))).filter((b) => b !== null && b.width > 0);
      expect(new Set(boxes.map((b) => Math.round(b?.y ?? -1))).size).toBe(1);
      expect(await page.getByRole("tablist").evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
      return boxes.length;
    };
    // One row at 320 px; tabs that do not fit are in the "More" menu (never a second row).
    const shown320 = await oneRow();
    if (shown320 < TASKS) await page.getByRole("button", { name: `${TASKS - shown320} more tasks` }).waitFor();
    await page.setViewportSize({ width: 300, height: 900 });
    await page.waitForTimeout(200);
    const shown300 = await oneRow();
    expect(shown300).toBeGreaterThanOrEqual(2);
    await shot("1-navigation-300px");
    await page.setViewportSize({ width: 320, height: 900 });
    await page.waitForTimeout(200);
    await page.getByRole("button", { name: "Refresh" }).click();
    await expectText(sheetsTable, EXPORT_SHEET);
    await shot("1-workbook-after");

    // Set up (reached with the keyboard: arrow to the tab, Enter): Settings is added with the
    // practice name the export's title gives, the existing Budget is skipped and left as it was.
    await page.getByRole("tab", { name: "Workbook" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Set up" }).waitFor();
    await shot("2-setup-before");
    await page.getByRole("checkbox", { name: /^Settings/ }).check();
    await page.getByRole("checkbox", { name: /^Budget/ }).check();
    expect(await page.locator("#panel-setup").getByRole("textbox", { name: "Practice name" }).inputValue()).toBe(book.sample.practice.name);
    await page.getByRole("button", { name: "Set up", exact: true }).click();
    const setupResult = page.getByTestId("setup-result");
    await setupResult.getByText("Skipped").waitFor();
    await expectText(setupResult, "Budget:");
    expect(await sheetNames(page)).toContain("Settings");
    expect(await snapshot(page, "Budget")).toBe(budgetBefore);
    // The workbook refresh that follows does not clear Set up's result: wait until it has listed
    // the new Settings sheet, then the outcome and the result are still there.
    await sheetsTable.getByText("Settings").first().waitFor({ state: "attached" }); // the workbook panel is hidden, not unmounted
    await waitIdle(page);
    await expectText(page.locator("#panel-setup"), "Set up done");
    expect(await setupResult.getByText("Skipped").isVisible()).toBe(true);
    const settings = (await sheetValues(page, "Settings")).flat();
    expect(settings).toContain(book.sample.practice.name); // the Settings sheet's Practice name field
    await shot("2-setup-after");

    // Convert: the export sheet, mapping accepted as found.
    await openTab(page, "Convert");
    await shot("3-convert-before");
    await page.getByLabel("Sheet holding the export").selectOption(EXPORT_SHEET);
    await page.getByRole("button", { name: "Find columns" }).click();
    const preview = page.getByTestId("convert-preview");
    await preview.waitFor();
    expect(await page.getByRole("combobox", { name: "Claim ID", exact: true }).inputValue()).toBe("A"); // "Claim #" is column A
    expect(await page.getByRole("combobox", { name: "Charge", exact: true }).inputValue()).toBe("K"); // "Billed" is column K
    expect(await page.getByRole("combobox", { name: "Payer", exact: true }).inputValue()).toBe("D"); // "Primary Insurance" is column D
    // Setting both payment columns to "(not used)" is said at once in the preview, as a warning.
    expect(await preview.getByTestId("source-warning").count()).toBe(0);
    await page.getByRole("combobox", { name: "Insurance Paid", exact: true }).selectOption("");
    await page.getByRole("combobox", { name: "Patient Paid", exact: true }).selectOption("");
    await expectText(preview.getByTestId("source-warning"), "No column for Insurance Paid, Patient Paid");
    await page.getByRole("combobox", { name: "Insurance Paid", exact: true }).selectOption("L"); // "Ins Pmt"
    await page.getByRole("combobox", { name: "Patient Paid", exact: true }).selectOption("M"); // "Pat Pmt"
    expect(await preview.getByTestId("source-warning").count()).toBe(0);
    await page.getByRole("button", { name: "Convert", exact: true }).click();
    const convertResult = page.getByTestId("convert-result");
    await convertResult.getByText(/^Wrote/).waitFor();
    const registerName = (await convertResult.locator("strong").first().textContent())?.trim() ?? "";
    expect(registerName).toMatch(/Claims Register/);
    const register = await sheetValues(page, registerName);
    const header = register[0].map(String);
    expect(header).toEqual(expect.arrayContaining(["Claim ID", "Date of Service", "Payer", "Charge"]));
    const claimCol = header.indexOf("Claim ID");
    const registerLines = register.slice(1).filter((r) => r[claimCol] !== "");
    expect(registerLines.length).toBe(book.lines.length); // every export line converted; the Totals row is not a line
    expect(await snapshot(page, EXPORT_SHEET)).toBe(exportBefore); // the original stays untouched
    // The Totals row left out is information, not a warning; the outcome sits beside the button.
    await waitIdle(page);
    const convertPanel = page.locator("#panel-convert");
    await expectText(convertPanel, "Left out as expected: 1 row");
    expect(await convertPanel.getByTestId("left-out-problems").count()).toBe(0);
    expect(await convertPanel.getByTestId("outcome").locator(".fui-MessageBar").getAttribute("data-intent")).toBe("success");
    expect(await convertPanel.getByTestId("outcome").isVisible()).toBe(true);
    await shot("3-convert-after");

    // Physician report as of 2026-10-31, on the register Convert wrote (not the export).
    await openTab(page, "Report", "Physician report");
    await shot("4-report-before");
    const reportPanel = page.locator("#panel-report");
    expect(await reportPanel.getByLabel("Claims register used").inputValue()).toBe(registerName);
    await reportPanel.getByLabel("As of").fill("2026-10-31");
    await expectText(page.locator("body"), "Period: November 1, 2025 to October 31, 2026");
    await page.getByRole("button", { name: "Generate report" }).click();
    const reportResult = page.getByTestId("report-result");
    await reportResult.locator("dl").waitFor();
    const reportName = (await reportResult.locator("strong").first().textContent())?.trim() ?? "";
    expect(reportName).toBe("Physician Report 2026-10");
    expect(await sheetNames(page)).toContain(reportName);
    await expectText(reportResult, `${book.sample.practice.name}, as of October 31, 2026`);
    // A/R total = Σ balance of every line with DOS ≤ 2026-10-31 (definitions.md, "A/R and aging");
    // every sample line is dated on or before the as-of date, so it is the Σ over all lines.
    const asOf = 20757; // 2026-10-31 as days since 1970-01-01
    const expectedAR = formatCents(book.lines.filter((l) => l.dateOfService <= asOf).reduce((a, l) => a + lineBalance(l), 0));
    const shownAR = plainAmount((await reportResult.locator('dd[data-figure="A/R total"]').textContent()) ?? "");
    expect(shownAR).toBe(expectedAR);
    expect(await reportResult.locator('dd[data-figure="Days in A/R"]').textContent()).toMatch(/^[\d,]+\.\d days$/);
    expect(await reportResult.locator('dd[data-figure="Net collection rate"]').textContent()).toMatch(/^\d+\.\d%$/);
    // The report sheet carries the same A/R total (as a number, to the cent).
    const reportCells = (await sheetValues(page, reportName)).flat();
    expect(reportCells.some((v) => typeof v === "number" && Math.round(v * 100) === Math.round(Number(expectedAR) * 100))).toBe(true);
    // What the balances are as of is the reader's word (summary.ar.balancesAsOf): the register
    // Convert wrote has no posting dates, so at a past date they are the export's.
    const asOfNote = reportResult.getByTestId("balances-as-of");
    expect(await asOfNote.getAttribute("data-balances-as-of")).toBe("export");
    await expectText(asOfNote, "Balances are as of the export, not as they stood on October 31, 2026");
    await expectText(reportResult.getByTestId("source-facts"), "Read as");
    expect(await reportResult.getByTestId("source-warning").count()).toBe(0); // every money field has its column
    const shownUnderpaid = await reportResult.locator('dd[data-figure="Underpaid (fee schedule)"]').textContent();
    await shot("4-report-after");

    // Switching tabs keeps the report's result and its As-of date.
    await openTab(page, "Workbook", "This workbook");
    await openTab(page, "Report", "Physician report");
    expect(await reportPanel.getByLabel("As of").inputValue()).toBe("2026-10-31");
    expect(await reportResult.locator('dd[data-figure="A/R total"]').isVisible()).toBe(true);

    // Fee check with no tolerance, on the register: the same underpaid total as the report's.
    const registerBefore = await sheetValues(page, registerName);
    await openTab(page, "Fee check");
    await shot("5-fees-before");
    const feePanel = page.locator("#panel-fees");
    expect(await feePanel.getByLabel("Claims register used").inputValue()).toBe(registerName);
    await page.getByLabel(/^Tolerance/).fill("0.00");
    await page.getByRole("button", { name: "Run fee check" }).click();
    const feeResult = page.getByTestId("fee-result");
    await feeResult.locator("dl").waitFor();
    const underpaid = (await feeResult.locator('dd[data-figure="Underpaid total"]').textContent()) ?? "";
    if (shownUnderpaid !== null) expect(underpaid).toBe(shownUnderpaid);
    expect(Number(plainAmount(underpaid))).toBeGreaterThan(0); // the sample plants underpaid lines
    expect(await feeResult.locator('dd[data-figure="Highlighted in"]').textContent()).toBe(registerName);
    const feeSheet = (await sheetNames(page)).find((n) => n.startsWith("Fee Check"));
    expect(feeSheet).toBeDefined();
    expect(await sheetValues(page, registerName)).toEqual(registerBefore); // values untouched, only highlighted
    expect(await page.evaluate((n) => window.__practiceLedgerTest.conditionalFormatCount(n), EXPORT_SHEET)).toBe(0); // the export is not touched
    await waitIdle(page);
    await shot("5-fees-after");

    // The highlight marks the Fee Check sheet's lines (claim + CPT + date), before and after the
    // user sorts the register by claim ID descending.
    const feeRows = (await sheetValues(page, feeSheet as string)).slice(5).filter((r) => r[1] !== "" && r[0] !== "Total to recover" && typeof r[0] === "number");
    const cptCol = header.indexOf("CPT");
    const dosCol = header.indexOf("Date of Service");
    const keyOf = (r: unknown[]): string => `${String(r[claimCol])}|${String(r[cptCol])}|${Number(r[dosCol])}`;
    const expectedKeys = new Set(feeRows.map((r) => `${String(r[1])}|${String(r[2])}|${Number(r[7])}`));
    const highlightedKeys = async (): Promise<Set<string>> => {
      const values = await sheetValues(page, registerName);
      const rows = await page.evaluate((n) => window.__practiceLedgerTest.highlightedRows(n), registerName);
      return new Set(rows.map((r) => keyOf(values[r - 1])));
    };
    expect(await highlightedKeys()).toEqual(expectedKeys);
    const lastRow = register.length;
    await page.evaluate(([n, a]) => window.__practiceLedgerTest.sortRows(n, a, 0, false), [registerName, `A2:${String.fromCharCode(64 + header.length)}${lastRow}`] as const);
    expect((await sheetValues(page, registerName))[1][claimCol]).not.toBe(register[1][claimCol]); // the sort moved lines
    expect(await highlightedKeys()).toEqual(expectedKeys);

    // Dead end turned round: an export whose header row names nothing the reader knows. The user
    // selects a cell of its header row and chooses "Use this row as the header", then the columns.
    await page.evaluate(() => {
      const t = window.__practiceLedgerTest;
      t.host.addSheetNow("Odd Export", [["Practice: Riverside Family Medicine"], [], ["Col1", "Col2", "Col3", "Col4"], ["R-1", 46266, "Aetna", 150], ["R-2", 46267, "Cigna", 80.5]]);
      t.host.selection = { sheet: "Odd Export", address: "B3" };
    });
    await openTab(page, "Workbook", "This workbook");
    await page.getByRole("button", { name: "Refresh" }).click();
    await sheetsTable.getByText("Odd Export").waitFor();
    await openTab(page, "Convert");
    await page.getByLabel("Sheet holding the export").selectOption("Odd Export");
    await page.getByRole("button", { name: "Find columns" }).click();
    await page.getByTestId("no-header").waitFor();
    await page.getByRole("button", { name: "Use this row as the header" }).click();
    await expectText(preview, "Header in row 3 of Odd Export; 2 rows below it.");
    for (const [field, column] of [["Claim ID", "A"], ["Date of Service", "B"], ["Payer", "C"], ["Charge", "D"]]) {
      await page.getByRole("combobox", { name: field, exact: true }).selectOption(column);
    }
    expect(await preview.getByText("Columns not used").count()).toBe(0); // every column now taken
    await page.getByRole("button", { name: "Convert", exact: true }).click();
    await convertResult.getByText("Wrote 2 claim lines").waitFor();
    // No payments or adjustments column: said out loud, as a warning, in the result and the outcome.
    const missingMoney = convertResult.getByTestId("source-warning");
    await expectText(missingMoney, "No column for Insurance Paid, Patient Paid, Contractual Adj, Other Adj");
    expect(await missingMoney.first().getAttribute("data-intent")).toBe("warning");
    expect(await convertResult.locator('tr[data-field="insurancePaid"]').textContent()).toContain("no column");
    await waitIdle(page);
    expect(await convertPanel.getByTestId("outcome").locator(".fui-MessageBar").getAttribute("data-intent")).toBe("warning");
    await shot("3-convert-pointed-header");

    // A host without ExcelApi 1.8: every task but Set up works; Set up says why it cannot.
    await page.goto(`${server.origin}/index.html?unsupported=${encodeURIComponent("ExcelApi 1.8")}`);
    await page.getByTestId("workbook-sheets").waitFor();
    expect(await page.locator("[role=\"tab\"]").count()).toBe(TASKS);
    expect(await page.getByTestId("intro").count()).toBe(0); // shown once, on the first run
    await openTab(page, "Set up");
    await expectText(page.getByTestId("setup-blocked"), "ExcelApi 1.8");
    expect(await page.getByRole("button", { name: "Set up", exact: true }).isDisabled()).toBe(true);
    await shot("6-setup-without-excelapi-1.8");

    // A host that lacks an older set: the pane says so plainly and offers no operation.
    await page.goto(`${server.origin}/index.html?unsupported=${encodeURIComponent("ExcelApi 1.7")}`);
    const req = page.getByTestId("requirements");
    await req.waitFor();
    await expectText(req, "ExcelApi 1.7");
    expect(await page.getByRole("tab").count()).toBe(0);
    await page.close();

    expect(pageErrors).toEqual([]);
    const origin = server.origin;
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:"));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });

  test("a panel's code loads on its first opening, from the page's own origin; a failed load says so and Try again loads it", async () => {
    if (context === null || server === null) throw new Error("not started");
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    const loaded = (): string[] => urls.map((u) => new URL(u).pathname);
    // The Remittance panel's chunk does not arrive (the add-in's server unreachable for a moment).
    const held = `${server.origin}/panel-era.js`;
    await page.route(held, (route) => route.abort());
    await page.goto(`${server.origin}/index.html`);
    await page.getByTestId("workbook-sheets").waitFor();
    // First load: no panel chunk until its tab is opened (panels after the first are loaded on demand).
    expect(loaded().filter((p) => p.startsWith("/panel-"))).toEqual([]);

    await openTab(page, "Remittance", "Post remittance");
    await expectText(page.getByTestId("panel-load-error"), "This panel could not be loaded");
    expect(await page.locator("#panel-era").getByRole("heading", { name: "Post remittance" }).count()).toBe(0);
    // The other panels are not affected: Convert opens and works.
    await openTab(page, "Convert");
    await page.getByRole("button", { name: "Find columns" }).waitFor();
    expect(loaded()).toContain("/panel-convert.js");

    await page.unroute(held);
    await openTab(page, "Remittance", "Post remittance");
    await page.getByRole("button", { name: "Try again" }).click();
    await page.locator("#panel-era").getByRole("heading", { name: "Post remittance" }).waitFor();
    expect(await page.getByTestId("panel-load-error").count()).toBe(0);
    // Every script came from the page's own origin (the CSP of taskpane.html allows only that).
    const origin = server.origin;
    expect(urls.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    await page.close();
    expect(errors).toEqual([]);
  });
});

/** Opens a panel by its tab, or through the "More" menu when its tab did not fit the row. */
async function openTab(page: Page, label: string, menuName = label): Promise<void> {
  const tab = page.getByRole("tab", { name: label, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
  } else {
    await page.getByRole("button", { name: /more tasks/ }).click();
    await page.getByRole("menuitem", { name: menuName }).click();
  }
  await page.locator(`[role="tabpanel"]:not([hidden])`).first().waitFor();
  expect(await page.getByRole("tab", { name: label, exact: true }).getAttribute("aria-selected")).toBe("true");
}

/** Waits until no operation of the pane runs (no progress bar). */
async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[role="progressbar"]').length === 0, undefined, { timeout: 30_000 });
}

async function expectText(locator: import("playwright-core").Locator, text: string): Promise<void> {
  await locator.getByText(text, { exact: false }).first().waitFor({ timeout: 30_000 });
}
