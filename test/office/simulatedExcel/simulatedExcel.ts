/**
 * A simulated Excel host: an in-memory workbook behind the subset of the Excel JavaScript API
 * that src/office uses, strict about the rules of Office.js so tests catch what real Excel would
 * refuse:
 * - every object is a proxy: writes and method calls are queued, and applied in order at
 *   `context.sync()`; a failing operation stops the batch there (earlier ones stay applied, as in
 *   Excel, which has no transaction across a batch) ("Application-specific API model", sync(),
 *   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#sync;
 *   "Error handling with the application-specific JavaScript APIs",
 *   https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 * - a property read before `load()` and `sync()` throws PropertyNotLoaded (same model page, load());
 * - `getItem` of an unknown sheet fails at sync with ItemNotFound; `getItemOrNullObject` and
 *   `getUsedRangeOrNullObject` give null objects whose `isNullObject` is true once loaded
 *   (same model page, "*OrNullObject methods and properties");
 * - each sync counts, its request (the JSON of the queued operations) and its response (the JSON
 *   of the loaded properties) are measured in UTF-8 bytes, and either one over 5 MB fails the sync
 *   with the message Excel gives ("The request payload size has exceeded the limit"; "Resource
 *   limits and performance optimization for Office Add-ins",
 *   https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Tables (names unique in the workbook and among defined names, no overlap), data validation,
 * Range.formulas (a formula cell reads through Range.values as its value computed by HyperFormula,
 * formulaValues.ts), custom-formula conditional
 * formats and Range.select are recorded too, with the same strictness.
 * Range.values parses text as typing does (typedEntry.ts, which cites Microsoft's pages): numbers
 * in any typed form ("1234E5", "$1,234", "12%"), dates and times ("Jan 2026", "31-Oct", "1/2"),
 * TRUE/FALSE, error texts, formulas; a leading apostrophe or a cell formatted "@" keeps text.
 */
import { emptyPageLayout, simHorizontalPageBreaks, simPageLayout, type PageLayoutState } from "./pageLayout";

/** Excel on the web's limit on each request and each response (office-platform.md). */
import { calculate, type FormulaValues } from "./formulaValues";
import { typedEntry } from "./typedEntry";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export class SimulatedApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

function propertyNotLoaded(prop: string): SimulatedApiError {
  return new SimulatedApiError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** UTF-8 byte length of a string, without allocating. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Workbook state

export interface CellStyleState {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  borderTop?: string;
  borderBottom?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export interface ChartState {
  id: string;
  type: string;
  title: string;
  series: { name: string; values: string; xValues: string | null }[];
  position: { start: string; end: string } | null;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  range: string;
  dataBar?: { fillColor?: string; gradientFill?: boolean; lowerBoundRule?: unknown; upperBoundRule?: unknown };
  cellValue?: { rule?: unknown; bold?: boolean; fontColor?: string; fill?: string };
  custom?: { formula?: string; bold?: boolean; fontColor?: string; fill?: string };
}

export interface TableState {
  id: string;
  name: string;
  range: string;
  style: string;
  showTotals: boolean;
}

export interface ValidationState {
  range: string;
  rule?: unknown;
  ignoreBlanks?: boolean;
  errorAlert?: unknown;
}

type Stored = string | number | boolean | { formula: string } | { error: string };

export class SheetState {
  values: (Stored | undefined)[][] = [];
  formats: (string | undefined)[][] = [];
  styles: (CellStyleState | undefined)[][] = [];
  columnWidths: Record<number, number> = {};
  merges: string[] = [];
  charts: ChartState[] = [];
  conditionalFormats: ConditionalFormatState[] = [];
  tables: TableState[] = [];
  validations: ValidationState[] = [];
  frozenRows = 0;
  showGridlines = true;
  tabColor = "";
  pageLayout: PageLayoutState = emptyPageLayout();
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  /** Rows and columns holding a value (0-based, inclusive), or null when there is none. */
  usedArea(): Area | null {
    let r0 = -1, r1 = -1, c0 = Infinity, c1 = -1;
    this.values.forEach((row, r) => {
      if (row === undefined) return;
      row.forEach((v, c) => {
        if (v === undefined || v === "") return;
        if (r0 < 0) r0 = r;
        r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
    });
    return r0 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Set by the host: the computed value of a formula cell of this sheet (formulaValues.ts). */
  formulaValue: (r: number, c: number) => string | number | boolean = () => 0;

  cellValue(r: number, c: number): string | number | boolean {
    const v = this.values[r]?.[c];
    if (v === undefined) return "";
    // Range.values gives an error cell as its error text ("#N/A") and a formula cell's computed value.
    if (typeof v === "object") return "error" in v ? v.error : this.formulaValue(r, c);
    return v;
  }
}

interface Area {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export function columnLetters(col0: number): string {
  let n = col0 + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B4:C9", "A1", "A:C" → 0-based area; InvalidArgument otherwise. */
export function parseAddress(address: string): Area {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = bare.replace(/\$/g, "").split(":");
  const cell = /^([A-Za-z]{1,3})(\d+)$/;
  const col = /^([A-Za-z]{1,3})$/;
  if (parts.length <= 2 && parts.every((p) => cell.test(p))) {
    const [a, b] = [parts[0], parts[parts.length - 1]].map((p) => {
      const m = cell.exec(p) as RegExpExecArray;
      return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
    });
    const r0 = Math.min(a.r, b.r), c0 = Math.min(a.c, b.c);
    return { r0, c0, rows: Math.abs(a.r - b.r) + 1, cols: Math.abs(a.c - b.c) + 1 };
  }
  if (parts.length === 2 && parts.every((p) => col.test(p))) {
    const a = columnIndex(parts[0]), b = columnIndex(parts[1]);
    return { r0: 0, c0: Math.min(a, b), rows: MAX_ROWS, cols: Math.abs(a - b) + 1 };
  }
  throw new SimulatedApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (address "${address}")`);
}

export function areaAddress(a: Area): string {
  const first = `${columnLetters(a.c0)}${a.r0 + 1}`;
  const last = `${columnLetters(a.c0 + a.cols - 1)}${a.r0 + a.rows}`;
  return first === last ? first : `${first}:${last}`;
}

// ---------------------------------------------------------------------------------------------
// Requests

interface Op {
  wire: string;
  location: string;
  /** Applies the operation; a load returns its response and what to do once the response is in. */
  apply(): { response: unknown; commit: () => void } | void;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  failed: string | null;
}

export class SimulatedExcel {
  sheets: SheetState[] = [];
  activeSheetId: string | null = null;
  /** What Range.select() selected last: sheet name and address. */
  selection: { sheet: string; address: string } | null = null;
  readonly syncs: SyncRecord[] = [];
  /** The workbook's defined names (Workbook.names), e.g. a named range "ClaimsRegister". */
  definedNames: { name: string; formula: string }[] = [];
  /** Makes the operation at this location (e.g. "ChartCollection.add") fail at sync. */
  failAt: string | null = null;
  private nextId = 1;
  readonly context: SimRequestContext;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheetNow(n);
    this.activeSheetId = this.sheets[0]?.id ?? null;
    this.context = new SimRequestContext(this);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  private calculated: { version: number; values: FormulaValues } | null = null;
  /** Bumped by every write applied: the calculated values are then recomputed. */
  private version = 0;

  /** A sheet whose formula cells read as their computed values (formulaValues.ts). */
  withFormulaValues(sheet: SheetState): SheetState {
    sheet.formulaValue = (r, c) => this.calculatedValues().value(sheet.name, r, c);
    return sheet;
  }

  private calculatedValues(): FormulaValues {
    if (this.calculated === null || this.calculated.version !== this.version) {
      const contents = this.sheets.map((s) => ({
        name: s.name,
        cells: s.values.map((row) => (row ?? []).map((v) => (v === undefined ? null : typeof v === "object" ? ("formula" in v ? v.formula : v.error) : v))),
      }));
      this.calculated = { version: this.version, values: calculate(contents) };
    }
    return this.calculated.values;
  }

  newId(): string {
    return `{${String(this.nextId++).padStart(8, "0")}}`;
  }

  /** Test setup: a sheet with a grid of values (row 1 first), outside any request. */
  addSheetNow(name: string, grid: (string | number | boolean | null)[][] = []): SheetState {
    const s = this.withFormulaValues(new SheetState(this.newId(), name));
    s.values = grid.map((row) => row.map((v) => (v === null ? undefined : v)));
    this.sheets.push(s);
    return s;
  }

  sheetByName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Full state of one sheet as JSON: compare before and after byte for byte. */
  snapshot(name: string): string {
    const s = this.sheetByName(name);
    if (s === undefined) throw new Error(`no sheet "${name}"`);
    const cells: unknown[] = [];
    const rows = Math.max(s.values.length, s.formats.length, s.styles.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(s.values[r]?.length ?? 0, s.formats[r]?.length ?? 0, s.styles[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const v = s.values[r]?.[c];
        const f = s.formats[r]?.[c];
        const st = s.styles[r]?.[c];
        if (v === undefined && f === undefined && st === undefined) continue;
        cells.push([areaAddress({ r0: r, c0: c, rows: 1, cols: 1 }), v ?? null, f ?? null, st ?? null]);
      }
    }
    return JSON.stringify({
      id: s.id, name: s.name, position: this.sheets.indexOf(s), tabColor: s.tabColor, showGridlines: s.showGridlines,
      frozenRows: s.frozenRows, columnWidths: s.columnWidths, merges: s.merges, charts: s.charts,
      conditionalFormats: s.conditionalFormats, tables: s.tables, validations: s.validations, pageLayout: s.pageLayout, cells,
    });
  }

  /** The formula of a cell (1-based row, col), or null when it holds none. */
  formula(name: string, row: number, col: number): string | null {
    const s = this.sheetByName(name);
    if (s === undefined) throw new Error(`no sheet "${name}"`);
    const v = s.values[row - 1]?.[col - 1];
    return v !== undefined && typeof v === "object" && "formula" in v ? v.formula : null;
  }

  /** Every table of the workbook. */
  allTables(): TableState[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  /** Every sheet's snapshot, by name. */
  snapshotAll(): Record<string, string> {
    return Object.fromEntries(this.sheets.map((s) => [s.name, this.snapshot(s.name)]));
  }

  /** The cell as Excel would show it through Range.values / numberFormat (1-based row, col). */
  cell(name: string, row: number, col: number): { value: string | number | boolean; numberFormat: string; style: CellStyleState | undefined } {
    const s = this.sheetByName(name);
    if (s === undefined) throw new Error(`no sheet "${name}"`);
    return { value: s.cellValue(row - 1, col - 1), numberFormat: s.formats[row - 1]?.[col - 1] ?? "General", style: s.styles[row - 1]?.[col - 1] };
  }

  async sync(queue: Op[]): Promise<void> {
    let requestBytes = 2 + queue.length; // "[", "]" and the commas
    for (const op of queue) requestBytes += utf8Bytes(op.wire);
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: queue.length, failed: null };
    this.syncs.push(record);
    await Promise.resolve();
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      record.failed = "RequestPayloadSizeLimitExceeded";
      throw new SimulatedApiError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    const commits: (() => void)[] = [];
    const responses: unknown[] = [];
    for (const op of queue) {
      try {
        if (this.failAt !== null && op.location === this.failAt) {
          throw new SimulatedApiError("GeneralException", "An internal error has occurred.", op.location);
        }
        const r = op.apply() as unknown;
        if (isLoadResult(r)) {
          responses.push(r.response);
          commits.push(r.commit);
        } else this.version++; // a write: formula values are recalculated when next read
      } catch (e) {
        record.failed = e instanceof SimulatedApiError ? e.code : String(e);
        if (e instanceof SimulatedApiError && e.debugInfo.errorLocation === undefined) e.debugInfo.errorLocation = op.location;
        throw e;
      }
    }
    record.responseBytes = utf8Bytes(JSON.stringify(responses));
    if (record.responseBytes > PAYLOAD_LIMIT_BYTES) {
      record.failed = "ResponsePayloadSizeLimitExceeded";
      throw new SimulatedApiError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    for (const c of commits) c();
  }
}

function isLoadResult(r: unknown): r is { response: unknown; commit: () => void } {
  return r !== null && typeof r === "object" && typeof (r as { commit?: unknown }).commit === "function";
}

// ---------------------------------------------------------------------------------------------
// Proxies

export class SimRequestContext {
  readonly workbook: SimWorkbook;
  private queue: Op[] = [];
  constructor(readonly host: SimulatedExcel) {
    this.workbook = new SimWorkbook(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    await this.host.sync(queue);
  }
}

/** Base of the proxies: loaded properties, readable only after load() and sync(). */
class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(
    readonly context: SimRequestContext,
    readonly path: string,
  ) {}
  protected read(prop: string): unknown {
    if (!this.loaded.has(prop)) throw propertyNotLoaded(prop);
    return this.loaded.get(prop);
  }
  protected queueLoad(location: string, props: string[], values: () => Record<string, unknown> | null): void {
    this.context.enqueue({
      wire: JSON.stringify({ load: this.path, select: props }),
      location,
      apply: () => {
        const v = values();
        return {
          response: v,
          commit: () => {
            this.loaded.set("isNullObject", v === null);
            if (v !== null) for (const [k, x] of Object.entries(v)) this.loaded.set(k, x);
          },
        };
      },
    });
  }
  protected queueSet(location: string, prop: string, value: unknown, apply: () => void): void {
    this.context.enqueue({ wire: JSON.stringify({ set: `${this.path}.${prop}`, value }), location, apply });
  }
  protected queueCall(location: string, method: string, args: unknown[], apply: () => void): void {
    this.context.enqueue({ wire: JSON.stringify({ call: `${this.path}.${method}`, args }), location, apply });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
}

function propList(props: string | string[] | undefined): string[] {
  const list = props === undefined ? [] : Array.isArray(props) ? props : props.split(",");
  return list.map((p) => p.trim()).filter((p) => p !== "");
}

export class SimWorkbook {
  readonly worksheets: SimWorksheetCollection;
  readonly tables: SimTableCollection;
  readonly names: SimNamedItemCollection;
  constructor(readonly context: SimRequestContext) {
    this.worksheets = new SimWorksheetCollection(context);
    this.tables = new SimTableCollection(context, "workbook.tables", null);
    this.names = new SimNamedItemCollection(context);
  }
  /** The selected range (ExcelApi 1.1): the host's `selection`, else A1 of the active sheet. */
  getSelectedRange(): SimRange {
    const host = this.context.host;
    const sel = host.selection ?? { sheet: host.sheets.find((x) => x.id === host.activeSheetId)?.name ?? host.sheets[0]?.name ?? "", address: "A1" };
    return this.worksheets.getItem(sel.sheet).getRange(sel.address);
  }
}

/**
 * Workbook.names: the workbook's defined names (named ranges and constants), loadable as
 * items/name. Table names and defined names share one namespace: a table cannot take the name of a
 * defined name ("Rename an Excel table": a table name must be unique in the workbook, among
 * defined names too, https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114;
 * Excel answers a clash with ItemAlreadyExists / "A table or name with this name already exists").
 */
export class SimNamedItemCollection extends Proxy {
  constructor(context: SimRequestContext) {
    super(context, "workbook.names");
  }
  get items(): { name: string }[] {
    return this.read("items") as { name: string }[];
  }
  load(props?: string | string[]): this {
    const select = propList(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue({
      wire: JSON.stringify({ load: this.path, select }),
      location: "NamedItemCollection.load",
      apply: () => {
        const data = this.context.host.definedNames.map((n) => ({ name: n.name }));
        return { response: data, commit: () => this.loaded.set("items", data) };
      },
    });
    return this;
  }
}

/** Workbook.tables (every table) or Worksheet.tables (one sheet's). */
export class SimTableCollection extends Proxy {
  constructor(
    context: SimRequestContext,
    path: string,
    private readonly sheet: SimWorksheet | null,
  ) {
    super(context, path);
  }
  get items(): { name: string; id: string }[] {
    return this.read("items") as { name: string; id: string }[];
  }
  load(props?: string | string[]): this {
    const select = propList(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue({
      wire: JSON.stringify({ load: this.path, select }),
      location: "TableCollection.load",
      apply: () => {
        const host = this.context.host;
        const tables = this.sheet === null ? host.allTables() : this.sheet.resolve().tables;
        const data = tables.map((t) => ({ id: t.id, name: t.name }));
        return { response: data, commit: () => this.loaded.set("items", data) };
      },
    });
    return this;
  }
  add(address: string | SimRange, hasHeaders: boolean): SimTable {
    if (this.sheet === null) throw new Error("the simulator adds tables through Worksheet.tables");
    const sheet = this.sheet;
    const id = this.context.host.newId();
    const host = this.context.host;
    this.queueCall("TableCollection.add", "add", [typeof address === "string" ? address : address.path, hasHeaders], () => {
      const s = sheet.resolve();
      const a = typeof address === "string" ? parseAddress(address) : address.area();
      if (typeof address !== "string" && address.sheet.resolve() !== s) throw new SimulatedApiError("InvalidArgument", "The range is on another sheet.");
      // A table with headers needs a header row and at least one data row.
      const area = hasHeaders && a.rows === 1 ? { ...a, rows: 2 } : a;
      for (const t of s.tables) {
        const b = parseAddress(t.range);
        const overlap = area.r0 < b.r0 + b.rows && b.r0 < area.r0 + area.rows && area.c0 < b.c0 + b.cols && b.c0 < area.c0 + area.cols;
        if (overlap) throw new SimulatedApiError("InvalidOperation", "A table can't overlap another table.");
      }
      if (hasHeaders) {
        for (let c = 0; c < area.cols; c++) {
          const v = s.values[area.r0]?.[area.c0 + c];
          if (v === undefined || v === "") throw new SimulatedApiError("InvalidArgument", "The simulator wants every header cell of a new table filled.");
        }
      }
      let n = 1;
      while (host.allTables().some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      s.tables.push({ id, name: `Table${n}`, range: areaAddress(area), style: "TableStyleMedium2", showTotals: false });
    });
    return new SimTable(this.context, `${this.path}.add(${JSON.stringify(id)})`, () => {
      const t = host.allTables().find((x) => x.id === id);
      if (t === undefined) throw new SimulatedApiError("ItemNotFound", "The requested resource doesn't exist.");
      return t;
    });
  }
}

export class SimTable extends Proxy {
  constructor(
    context: SimRequestContext,
    path: string,
    private readonly resolve: () => TableState,
  ) {
    super(context, path);
  }
  set name(v: string) {
    this.queueSet("Table.name", "name", v, () => {
      const t = this.resolve();
      const valid = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(v) && !/^[A-Za-z]{1,3}\d+$/.test(v) && !/^[RrCc]\d*([Cc]\d*)?$/.test(v);
      if (!valid) throw new SimulatedApiError("InvalidArgument", `The table name "${v}" is not valid.`);
      if (this.context.host.allTables().some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) throw new SimulatedApiError("ItemAlreadyExists", "A table with this name already exists.");
      // Defined names share the namespace (SimNamedItemCollection).
      if (this.context.host.definedNames.some((n) => n.name.toLowerCase() === v.toLowerCase())) throw new SimulatedApiError("ItemAlreadyExists", "A table or name with this name already exists.");
      t.name = v;
    });
  }
  get name(): string {
    return this.read("name") as string;
  }
  set style(v: string) {
    this.queueSet("Table.style", "style", v, () => {
      if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v)) throw new SimulatedApiError("InvalidArgument", `Unknown table style "${v}".`);
      this.resolve().style = v;
    });
  }
  set showTotals(v: boolean) {
    this.queueSet("Table.showTotals", "showTotals", v, () => {
      this.resolve().showTotals = v;
    });
  }
}

export class SimWorksheetCollection extends Proxy {
  constructor(context: SimRequestContext) {
    super(context, "workbook.worksheets");
  }
  private get host(): SimulatedExcel {
    return this.context.host;
  }
  get items(): SimWorksheet[] {
    return this.read("items") as SimWorksheet[];
  }
  load(props?: string | string[]): this {
    const select = propList(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue({
      wire: JSON.stringify({ load: this.path, select }),
      location: "WorksheetCollection.load",
      apply: () => {
        const data = this.host.sheets.map((s, i) => ({ id: s.id, name: s.name, position: i, visibility: "Visible" }));
        return {
          response: data,
          commit: () => {
            this.loaded.set(
              "items",
              data.map((d) => {
                const w = new SimWorksheet(this.context, `${this.path}.getItem(${JSON.stringify(d.id)})`, () => this.host.sheetById(d.id) ?? null, true);
                w.setLoaded(d);
                return w;
              }),
            );
          },
        };
      },
    });
    return this;
  }
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, `${this.path}.getItem(${JSON.stringify(key)})`, () => {
      const s = this.host.sheetByName(key) ?? this.host.sheetById(key);
      if (s === undefined) throw new SimulatedApiError("ItemNotFound", "The requested resource doesn't exist.", "WorksheetCollection.getItem");
      return s;
    }, true);
  }
  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this.context, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this.host.sheetByName(key) ?? this.host.sheetById(key) ?? null, false);
  }
  add(name?: string): SimWorksheet {
    const id = this.host.newId();
    const wanted = name ?? `Sheet${this.host.sheets.length + 1}`;
    this.queueCall("WorksheetCollection.add", "add", [wanted], () => {
      if (this.host.sheetByName(wanted) !== undefined) throw new SimulatedApiError("ItemAlreadyExists", "The resource already exists.");
      if (wanted.length > 31 || /[\\/?*[\]:]/.test(wanted) || wanted.trim() === "") throw new SimulatedApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      this.host.sheets.push(this.host.withFormulaValues(new SheetState(id, wanted)));
    });
    return new SimWorksheet(this.context, `${this.path}.add(${JSON.stringify(wanted)})`, () => {
      const s = this.host.sheetById(id);
      if (s === undefined) throw new SimulatedApiError("ItemNotFound", "The requested resource doesn't exist.");
      return s;
    }, true);
  }
}

type SheetResolver = () => SheetState | null;

export class SimWorksheet extends Proxy {
  readonly freezePanes: { freezeRows: (count?: number) => void };
  readonly charts: SimChartCollection;
  readonly tables: SimTableCollection;
  constructor(
    context: SimRequestContext,
    path: string,
    /** Null for a null object; throws for a missing item. */
    readonly resolveOrNull: SheetResolver,
    private readonly strict: boolean,
  ) {
    super(context, path);
    this.freezePanes = {
      freezeRows: (count = 1) => this.queueCall("WorksheetFreezePanes.freezeRows", "freezePanes.freezeRows", [count], () => {
        this.resolve().frozenRows = count;
      }),
    };
    this.charts = new SimChartCollection(context, `${path}.charts`, this);
    this.tables = new SimTableCollection(context, `${path}.tables`, this);
  }
  /** ExcelApi 1.9 page layout and page breaks (pageLayout.ts). */
  get pageLayout(): unknown {
    return simPageLayout(`${this.path}.pageLayout`, (wire, location, apply) => this.context.enqueue({ wire: JSON.stringify(wire), location, apply }), () => this.resolve().pageLayout);
  }
  get horizontalPageBreaks(): unknown {
    return simHorizontalPageBreaks(`${this.path}.horizontalPageBreaks`, (wire, location, apply) => this.context.enqueue({ wire: JSON.stringify(wire), location, apply }), () => this.resolve().pageLayout);
  }
  setLoaded(values: Record<string, unknown>): void {
    this.loaded.set("isNullObject", false);
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }
  /** The sheet, at sync time; operations on a null object fail. */
  resolve(): SheetState {
    const s = this.resolveOrNull();
    if (s === null) throw new SimulatedApiError(this.strict ? "ItemNotFound" : "InvalidObjectPath", "The requested resource doesn't exist.");
    return s;
  }
  get name(): string {
    return this.read("name") as string;
  }
  get id(): string {
    return this.read("id") as string;
  }
  get position(): number {
    return this.read("position") as number;
  }
  get showGridlines(): boolean {
    return this.read("showGridlines") as boolean;
  }
  set showGridlines(v: boolean) {
    this.queueSet("Worksheet.showGridlines", "showGridlines", v, () => {
      this.resolve().showGridlines = v;
    });
  }
  get tabColor(): string {
    return this.read("tabColor") as string;
  }
  set tabColor(v: string) {
    this.queueSet("Worksheet.tabColor", "tabColor", v, () => {
      if (v !== "" && !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new SimulatedApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      this.resolve().tabColor = v;
    });
  }
  load(props?: string | string[]): this {
    const select = propList(props);
    this.queueLoad("Worksheet.load", select, () => {
      const s = this.resolveOrNull();
      if (s === null) {
        if (this.strict) throw new SimulatedApiError("ItemNotFound", "The requested resource doesn't exist.");
        return null;
      }
      const all: Record<string, unknown> = { id: s.id, name: s.name, position: this.context.host.sheets.indexOf(s), showGridlines: s.showGridlines, tabColor: s.tabColor, visibility: "Visible" };
      return Object.fromEntries((select.length === 0 ? Object.keys(all) : select).map((k) => [k, all[k]]));
    });
    return this;
  }
  getRange(address: string): SimRange {
    return new SimRange(this.context, `${this.path}.getRange(${JSON.stringify(address)})`, this, () => parseAddress(address));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return new SimRange(this.context, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, this, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        throw new SimulatedApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      }
      return { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return new SimRange(this.context, `${this.path}.getUsedRangeOrNullObject(${valuesOnly === true})`, this, () => this.resolve().usedArea(), true);
  }
  activate(): void {
    this.queueCall("Worksheet.activate", "activate", [], () => {
      this.context.host.activeSheetId = this.resolve().id;
    });
  }
  delete(): void {
    this.queueCall("Worksheet.delete", "delete", [], () => {
      const host = this.context.host;
      const s = this.resolve();
      if (host.sheets.length === 1) throw new SimulatedApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      host.sheets = host.sheets.filter((x) => x !== s);
      if (host.activeSheetId === s.id) host.activeSheetId = host.sheets[0].id;
    });
  }
}

type AreaResolver = () => Area | null;

/** Applies `f` to every cell of the area, creating the sparse rows as needed. */
function eachCell<T>(grid: (T | undefined)[][], a: Area, f: (old: T | undefined, r: number, c: number) => T | undefined): void {
  for (let r = 0; r < a.rows; r++) {
    const row = (grid[a.r0 + r] ??= []);
    for (let c = 0; c < a.cols; c++) {
      const v = f(row[a.c0 + c], r, c);
      if (v !== undefined) row[a.c0 + c] = v;
    }
  }
}

const styleSetter = (prop: keyof CellStyleState) => (old: CellStyleState | undefined, value: unknown): CellStyleState => ({ ...old, [prop]: value });

export class SimRange extends Proxy {
  readonly format: SimRangeFormat;
  readonly conditionalFormats: SimConditionalFormatCollection;
  readonly dataValidation: Record<"rule" | "ignoreBlanks" | "errorAlert", unknown>;
  constructor(
    context: SimRequestContext,
    path: string,
    readonly sheet: SimWorksheet,
    private readonly areaOrNull: AreaResolver,
    private readonly nullable = false,
  ) {
    super(context, path);
    this.format = new SimRangeFormat(context, `${path}.format`, this);
    this.conditionalFormats = new SimConditionalFormatCollection(context, `${path}.conditionalFormats`, this);
    const validation = {};
    const unreadable = (prop: string) => (): never => {
      throw propertyNotLoaded(prop);
    };
    const validationState = (): ValidationState => {
      const s = this.sheet.resolve();
      const address = areaAddress(this.area());
      let v = s.validations.find((x) => x.range === address);
      if (v === undefined) s.validations.push((v = { range: address }));
      return v;
    };
    Object.defineProperty(validation, "rule", {
      get: unreadable("rule"), enumerable: true,
      set: (v: unknown) => this.queueSet("DataValidation.rule", "dataValidation.rule", v, () => {
        const list = (v as { list?: { source?: unknown } } | null)?.list;
        if (list === undefined || typeof list.source !== "string" || list.source === "") throw new SimulatedApiError("InvalidArgument", "The simulator supports list rules with a source text.");
        if (list.source.length > 255) throw new SimulatedApiError("InvalidArgument", "A list source is 255 characters at most.");
        validationState().rule = v;
      }),
    });
    Object.defineProperty(validation, "ignoreBlanks", {
      get: unreadable("ignoreBlanks"), enumerable: true,
      set: (v: unknown) => this.queueSet("DataValidation.ignoreBlanks", "dataValidation.ignoreBlanks", v, () => {
        validationState().ignoreBlanks = Boolean(v);
      }),
    });
    Object.defineProperty(validation, "errorAlert", {
      get: unreadable("errorAlert"), enumerable: true,
      set: (v: unknown) => this.queueSet("DataValidation.errorAlert", "dataValidation.errorAlert", v, () => {
        const style = (v as { style?: unknown } | null)?.style;
        if (!["Stop", "Warning", "Information"].includes(String(style))) throw new SimulatedApiError("InvalidArgument", "errorAlert.style must be Stop, Warning or Information.");
        validationState().errorAlert = v;
      }),
    });
    this.dataValidation = validation as SimRange["dataValidation"];
  }
  set formulas(input: unknown[][]) {
    this.queueSet("Range.formulas", "formulas", input, () => {
      const s = this.sheet.resolve();
      const a = this.area();
      checkDims(input, a);
      eachCell(s.values, a, (_old, r, c) => {
        const v = input[r][c];
        if (v === null || v === undefined) return undefined;
        if (typeof v === "string" && !v.startsWith("=")) return coerceInput(v, s.formats[a.r0 + r]?.[a.c0 + c]);
        if (typeof v === "string" && !balancedParentheses(v)) throw new SimulatedApiError("InvalidArgument", `The formula ${v} is not valid.`);
        return coerceInput(v);
      });
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas") as unknown[][];
  }
  select(): void {
    this.queueCall("Range.select", "select", [], () => {
      const s = this.sheet.resolve();
      const a = this.area();
      this.context.host.activeSheetId = s.id;
      this.context.host.selection = { sheet: s.name, address: areaAddress(a) };
    });
  }
  area(): Area {
    const a = this.areaOrNull();
    if (a === null) throw new SimulatedApiError("InvalidObjectPath", "The object path is a null object.");
    return a;
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }
  set values(input: unknown[][]) {
    this.queueSet("Range.values", "values", input, () => {
      const s = this.sheet.resolve();
      const a = this.area();
      checkDims(input, a);
      eachCell(s.values, a, (_old, r, c) => {
        const v = input[r][c];
        return v === null || v === undefined ? undefined : coerceInput(v, s.formats[a.r0 + r]?.[a.c0 + c]);
      });
    });
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat") as unknown[][];
  }
  set numberFormat(input: unknown[][]) {
    this.queueSet("Range.numberFormat", "numberFormat", input, () => {
      const s = this.sheet.resolve();
      const a = this.area();
      checkDims(input, a);
      eachCell(s.formats, a, (_old, r, c) => {
        const v = input[r][c];
        return v === null || v === undefined ? undefined : String(v);
      });
    });
  }
  get rowCount(): number {
    return this.read("rowCount") as number;
  }
  get columnCount(): number {
    return this.read("columnCount") as number;
  }
  get rowIndex(): number {
    return this.read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.read("columnIndex") as number;
  }
  get address(): string {
    return this.read("address") as string;
  }
  load(props?: string | string[]): this {
    const select = propList(props);
    this.queueLoad("Range.load", select, () => {
      const s = this.sheet.resolve();
      const a = this.areaOrNull();
      if (a === null) {
        if (!this.nullable) throw new SimulatedApiError("InvalidObjectPath", "The object path is a null object.");
        return null;
      }
      const wanted = select.length === 0 ? ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "numberFormat"] : select;
      const out: Record<string, unknown> = {};
      for (const p of wanted) {
        switch (p) {
          case "address": out.address = `${s.name}!${areaAddress(a)}`; break;
          case "rowIndex": out.rowIndex = a.r0; break;
          case "columnIndex": out.columnIndex = a.c0; break;
          case "rowCount": out.rowCount = a.rows; break;
          case "columnCount": out.columnCount = a.cols; break;
          case "values":
          case "numberFormat": {
            if (a.rows * a.cols > 5_000_000) throw new SimulatedApiError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
            const grid: unknown[][] = [];
            for (let r = 0; r < a.rows; r++) {
              const row: unknown[] = [];
              for (let c = 0; c < a.cols; c++) row.push(p === "values" ? s.cellValue(a.r0 + r, a.c0 + c) : (s.formats[a.r0 + r]?.[a.c0 + c] ?? "General"));
              grid.push(row);
            }
            out[p] = grid;
            break;
          }
          default:
            throw new SimulatedApiError("InvalidArgument", `The simulator cannot load Range.${p}.`);
        }
      }
      return out;
    });
    return this;
  }
  merge(across = false): void {
    this.queueCall("Range.merge", "merge", [across], () => {
      const s = this.sheet.resolve();
      const a = this.area();
      s.merges.push(areaAddress(a));
      // Excel keeps the top-left value of a merged area.
      eachCell(s.values, a, (old, r, c) => (r === 0 && c === 0 ? old : undefined));
      for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) if (r + c > 0 && s.values[a.r0 + r] !== undefined) s.values[a.r0 + r][a.c0 + c] = undefined;
    });
  }
  /** Sets one style property on every cell of the range, at sync. */
  setStyle(location: string, prop: string, key: keyof CellStyleState, value: unknown): void {
    this.queueSet(location, prop, value, () => {
      const set = styleSetter(key);
      eachCell(this.sheet.resolve().styles, this.area(), (old) => set(old, value));
    });
  }
  setColumnWidth(value: number): void {
    this.queueSet("RangeFormat.columnWidth", "format.columnWidth", value, () => {
      const s = this.sheet.resolve();
      const a = this.area();
      if (!(value >= 0 && value <= 255 * 7.5)) throw new SimulatedApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      for (let c = a.c0; c < a.c0 + a.cols; c++) s.columnWidths[c + 1] = value;
    });
  }
  setBorder(edge: string, prop: string, value: unknown): void {
    this.queueSet("RangeBorder." + prop, `format.borders.getItem(${JSON.stringify(edge)}).${prop}`, value, () => {
      if (prop !== "style") return;
      const s = this.sheet.resolve();
      const a = this.area();
      const v = String(value);
      eachCell(s.styles, a, (old, r) => {
        if (edge === "EdgeTop" && r === 0) return { ...old, borderTop: v };
        if (edge === "EdgeBottom" && r === a.rows - 1) return { ...old, borderBottom: v };
        if (edge === "InsideHorizontal") {
          let next = old;
          if (r > 0) next = { ...next, borderTop: v };
          if (r < a.rows - 1) next = { ...next, borderBottom: v };
          return next;
        }
        return undefined;
      });
    });
  }
}

function checkDims(input: unknown[][], a: Area): void {
  if (!Array.isArray(input) || input.length !== a.rows || input.some((row) => !Array.isArray(row) || row.length !== a.cols)) {
    throw new SimulatedApiError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
}

/** Parentheses balanced outside string literals: a cheap check that a formula is well formed. */
function balancedParentheses(formula: string): boolean {
  let depth = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === "(") depth++;
    else if (!inString && ch === ")" && --depth < 0) return false;
  }
  return depth === 0 && !inString;
}

/** What Excel stores when a value is written through Range.values (see the header's simplification). */
/** What Excel stores for a value written through Range.values into a cell of number format `format` (typedEntry.ts). */
function coerceInput(v: unknown, format?: string): Stored {
  if (typeof v === "number" || typeof v === "boolean") return v;
  const entry = typedEntry(String(v), format);
  switch (entry.kind) {
    case "text":
      return entry.text;
    case "number":
    case "boolean":
      return entry.value;
    case "formula":
      return { formula: entry.formula };
    case "error":
      return { error: entry.code };
  }
}

export class SimRangeFormat extends Proxy {
  readonly font: Record<"bold" | "italic" | "size" | "color", unknown>;
  readonly fill: Record<"color", unknown>;
  readonly borders: { getItem: (edge: string) => Record<"style" | "weight" | "color", unknown> };
  constructor(context: SimRequestContext, path: string, range: SimRange) {
    super(context, path);
    const unreadable = (prop: string) => (): never => {
      throw propertyNotLoaded(prop);
    };
    const font = {};
    for (const [p, key] of [["bold", "bold"], ["italic", "italic"], ["size", "size"], ["color", "fontColor"]] as const) {
      Object.defineProperty(font, p, { get: unreadable(p), set: (v: unknown) => range.setStyle(`RangeFont.${p}`, `format.font.${p}`, key, v), enumerable: true });
    }
    this.font = font as SimRangeFormat["font"];
    const fill = {};
    Object.defineProperty(fill, "color", { get: unreadable("color"), set: (v: unknown) => range.setStyle("RangeFill.color", "format.fill.color", "fill", v), enumerable: true });
    this.fill = fill as SimRangeFormat["fill"];
    this.borders = {
      getItem: (edge: string) => {
        const border = {};
        for (const p of ["style", "weight", "color"]) {
          Object.defineProperty(border, p, { get: unreadable(p), set: (v: unknown) => range.setBorder(edge, p, v), enumerable: true });
        }
        return border as Record<"style" | "weight" | "color", unknown>;
      },
    };
    const self = this as unknown as Record<string, unknown>;
    for (const [p, key] of [["horizontalAlignment", "horizontalAlignment"], ["verticalAlignment", "verticalAlignment"], ["wrapText", "wrapText"]] as const) {
      Object.defineProperty(self, p, { get: unreadable(p), set: (v: unknown) => range.setStyle(`RangeFormat.${p}`, `format.${p}`, key, v), enumerable: true });
    }
    Object.defineProperty(self, "columnWidth", { get: unreadable("columnWidth"), set: (v: number) => range.setColumnWidth(v), enumerable: true });
  }
}

/**
 * Range.conditionalFormats: add(type), and load("items/type") giving the rules that overlap the
 * range ("a collection of all the conditional formats that are overlap the range": Microsoft,
 * "Excel.ConditionalFormatCollection class",
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatcollection).
 */
export class SimConditionalFormatCollection extends Proxy {
  constructor(
    context: SimRequestContext,
    path: string,
    private readonly range: SimRange,
  ) {
    super(context, path);
  }
  get items(): SimConditionalFormat[] {
    return this.read("items") as SimConditionalFormat[];
  }
  add(type: string): SimConditionalFormat {
    const id = this.context.host.newId();
    const range = this.range;
    this.queueCall("ConditionalFormatCollection.add", "add", [type], () => {
      const s = range.sheet.resolve();
      if (!["DataBar", "CellValue", "Custom"].includes(type)) throw new SimulatedApiError("InvalidArgument", `The simulator supports DataBar, CellValue and Custom, not ${type}.`);
      s.conditionalFormats.push({ id, type, range: areaAddress(range.area()) });
    });
    return this.item(id, `${this.path}.add(${JSON.stringify(type)})`);
  }
  load(props?: string | string[]): this {
    const select = propList(props).map((p) => p.replace(/^items\//, ""));
    const range = this.range;
    this.context.enqueue({
      wire: JSON.stringify({ load: this.path, select }),
      location: "ConditionalFormatCollection.load",
      apply: () => {
        const a = range.area();
        const overlaps = (b: Area): boolean => b.r0 < a.r0 + a.rows && a.r0 < b.r0 + b.rows && b.c0 < a.c0 + a.cols && a.c0 < b.c0 + b.cols;
        const states = range.sheet.resolve().conditionalFormats.filter((cf) => overlaps(parseAddress(cf.range)));
        const data = states.map((cf) => ({ id: cf.id, type: cf.type }));
        return {
          response: data,
          commit: () => this.loaded.set("items", data.map((d, i) => this.item(d.id, `${this.path}.items[${i}]`, { type: d.type }))),
        };
      },
    });
    return this;
  }
  private item(id: string, path: string, loaded: Record<string, unknown> = {}): SimConditionalFormat {
    const range = this.range;
    const cf = new SimConditionalFormat(this.context, path, () => {
      const state = range.sheet.resolve().conditionalFormats.find((x) => x.id === id);
      if (state === undefined) throw new SimulatedApiError("ItemNotFound", "The requested resource doesn't exist.");
      return state;
    });
    cf.markLoaded(loaded);
    return cf;
  }
}

export class SimConditionalFormat extends Proxy {
  readonly dataBar: { positiveFormat: Record<"fillColor" | "gradientFill", unknown>; lowerBoundRule: unknown; upperBoundRule: unknown };
  readonly cellValue: { format: { font: Record<"bold" | "color", unknown>; fill: Record<"color", unknown> }; rule: unknown };
  private readonly resolveState: () => ConditionalFormatState;
  readonly custom: { format: { font: Record<"bold" | "color", unknown>; fill: Record<"color", unknown> }; rule: { formula: unknown } };
  constructor(context: SimRequestContext, path: string, resolve: () => ConditionalFormatState) {
    super(context, path);
    const setter = (location: string, prop: string, kind: "DataBar" | "CellValue" | "Custom", apply: (cf: ConditionalFormatState, v: unknown) => void) => (v: unknown) =>
      this.queueSet(location, prop, v, () => {
        const cf = resolve();
        if (cf.type !== kind) throw new SimulatedApiError("InvalidOperation", `The conditional format is a ${cf.type}, not a ${kind}.`);
        apply(cf, v);
      });
    const unreadable = (prop: string) => (): never => {
      throw propertyNotLoaded(prop);
    };
    const obj = (props: [string, (v: unknown) => void][]): Record<string, unknown> => {
      const o = {};
      for (const [p, set] of props) Object.defineProperty(o, p, { get: unreadable(p), set, enumerable: true, configurable: true });
      return o;
    };
    this.resolveState = resolve;
    const bar = (cf: ConditionalFormatState) => (cf.dataBar ??= {});
    const cv = (cf: ConditionalFormatState) => (cf.cellValue ??= {});
    this.dataBar = obj([
      ["lowerBoundRule", setter("DataBarConditionalFormat.lowerBoundRule", "dataBar.lowerBoundRule", "DataBar", (cf, v) => (bar(cf).lowerBoundRule = v))],
      ["upperBoundRule", setter("DataBarConditionalFormat.upperBoundRule", "dataBar.upperBoundRule", "DataBar", (cf, v) => (bar(cf).upperBoundRule = v))],
    ]) as SimConditionalFormat["dataBar"];
    Object.defineProperty(this.dataBar, "positiveFormat", {
      value: obj([
        ["fillColor", setter("ConditionalDataBarPositiveFormat.fillColor", "dataBar.positiveFormat.fillColor", "DataBar", (cf, v) => (bar(cf).fillColor = String(v)))],
        ["gradientFill", setter("ConditionalDataBarPositiveFormat.gradientFill", "dataBar.positiveFormat.gradientFill", "DataBar", (cf, v) => (bar(cf).gradientFill = Boolean(v)))],
      ]),
    });
    this.cellValue = obj([["rule", setter("CellValueConditionalFormat.rule", "cellValue.rule", "CellValue", (cf, v) => (cv(cf).rule = v))]]) as SimConditionalFormat["cellValue"];
    Object.defineProperty(this.cellValue, "format", {
      value: {
        font: obj([
          ["bold", setter("ConditionalRangeFont.bold", "cellValue.format.font.bold", "CellValue", (cf, v) => (cv(cf).bold = Boolean(v)))],
          ["color", setter("ConditionalRangeFont.color", "cellValue.format.font.color", "CellValue", (cf, v) => (cv(cf).fontColor = String(v)))],
        ]),
        fill: obj([["color", setter("ConditionalRangeFill.color", "cellValue.format.fill.color", "CellValue", (cf, v) => (cv(cf).fill = String(v)))]]),
      },
    });
    const cu = (cf: ConditionalFormatState) => (cf.custom ??= {});
    this.custom = {
      rule: withFormulaLoad(this, resolve, obj([["formula", setter("ConditionalFormatRule.formula", "custom.rule.formula", "Custom", (cf, v) => {
        const f = String(v);
        if (!f.startsWith("=") || !balancedParentheses(f)) throw new SimulatedApiError("InvalidArgument", `The formula ${f} is not valid.`);
        if (f.length > 8192) throw new SimulatedApiError("InvalidArgument", "A formula is 8,192 characters at most.");
        cu(cf).formula = f;
      })]])) as { formula: unknown },
      format: {
        font: obj([
          ["bold", setter("ConditionalRangeFont.bold", "custom.format.font.bold", "Custom", (cf, v) => (cu(cf).bold = Boolean(v)))],
          ["color", setter("ConditionalRangeFont.color", "custom.format.font.color", "Custom", (cf, v) => (cu(cf).fontColor = String(v)))],
        ]) as Record<"bold" | "color", unknown>,
        fill: obj([["color", setter("ConditionalRangeFill.color", "custom.format.fill.color", "Custom", (cf, v) => (cu(cf).fill = String(v)))]]) as Record<"color", unknown>,
      },
    };
  }
  get type(): string {
    return this.read("type") as string;
  }
  /** Properties known from the collection's load. */
  markLoaded(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }
  /** Removes this conditional format. */
  delete(): void {
    this.queueCall("ConditionalFormat.delete", "delete", [], () => {
      const cf = this.resolveState();
      for (const s of this.context.host.sheets) s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

/**
 * ConditionalFormatRule.load("formula"): after the sync, `formula` reads the rule's formula (a
 * property read before then still throws PropertyNotLoaded); setting it still queues the change.
 */
function withFormulaLoad(owner: SimConditionalFormat, resolve: () => ConditionalFormatState, rule: Record<string, unknown>): Record<string, unknown> {
  const setter = Object.getOwnPropertyDescriptor(rule, "formula")?.set;
  let loaded: { value: string } | null = null;
  Object.defineProperty(rule, "formula", {
    get: () => {
      if (loaded === null) throw propertyNotLoaded("formula");
      return loaded.value;
    },
    set: setter,
    enumerable: true,
  });
  Object.defineProperty(rule, "load", {
    value: (): unknown => {
      owner.context.enqueue({
        wire: JSON.stringify({ load: `${owner.path}.custom.rule`, select: ["formula"] }),
        location: "ConditionalFormatRule.load",
        apply: () => {
          const value = resolve().custom?.formula ?? "";
          return { response: { formula: value }, commit: () => (loaded = { value }) };
        },
      });
      return rule;
    },
  });
  return rule;
}

export class SimChartCollection extends Proxy {
  constructor(
    context: SimRequestContext,
    path: string,
    private readonly sheet: SimWorksheet,
  ) {
    super(context, path);
  }
  add(type: string, sourceData: SimRange, seriesBy: string = "Auto"): SimChart {
    const id = this.context.host.newId();
    this.queueCall("ChartCollection.add", "add", [type, sourceData.path, seriesBy], () => {
      const s = this.sheet.resolve();
      if (sourceData.sheet.resolve() !== s) throw new SimulatedApiError("InvalidArgument", "The source data is on another sheet.");
      const a = sourceData.area();
      const series: ChartState["series"] = [];
      if (seriesBy === "Rows") for (let r = 0; r < a.rows; r++) series.push({ name: `Series${r + 1}`, values: areaAddress({ r0: a.r0 + r, c0: a.c0, rows: 1, cols: a.cols }), xValues: null });
      else for (let c = 0; c < a.cols; c++) series.push({ name: `Series${c + 1}`, values: areaAddress({ r0: a.r0, c0: a.c0 + c, rows: a.rows, cols: 1 }), xValues: null });
      s.charts.push({ id, type, title: "", series, position: null });
    });
    return new SimChart(this.context, `${this.path}.add(${JSON.stringify(id)})`, () => {
      const c = this.sheet.resolve().charts.find((x) => x.id === id);
      if (c === undefined) throw new SimulatedApiError("ItemNotFound", "The requested resource doesn't exist.");
      return c;
    }, this.sheet);
  }
}

export class SimChart extends Proxy {
  readonly title: { text: unknown };
  readonly series: { getItemAt: (index: number) => SimChartSeries; add: (name?: string) => SimChartSeries };
  private readonly chartState: () => ChartState;
  constructor(context: SimRequestContext, path: string, resolve: () => ChartState, sheet: SimWorksheet) {
    super(context, path);
    this.chartState = resolve;
    const title = {};
    Object.defineProperty(title, "text", {
      get: () => {
        throw propertyNotLoaded("text");
      },
      set: (v: unknown) => this.queueSet("ChartTitle.text", "title.text", v, () => (resolve().title = String(v))),
      enumerable: true,
    });
    this.title = title as { text: unknown };
    this.series = {
      getItemAt: (index: number) => new SimChartSeries(context, `${path}.series.getItemAt(${index})`, () => {
        const s = resolve().series[index];
        if (s === undefined) throw new SimulatedApiError("ItemNotFound", "The requested resource doesn't exist.");
        return s;
      }, sheet),
      add: (name?: string) => {
        let index = -1;
        this.queueCall("ChartSeriesCollection.add", "series.add", [name ?? null], () => {
          const c = resolve();
          index = c.series.push({ name: name ?? `Series${c.series.length + 1}`, values: "", xValues: null }) - 1;
        });
        return new SimChartSeries(context, `${path}.series.add(${JSON.stringify(name ?? null)})`, () => resolve().series[index], sheet);
      },
    };
  }
  setPosition(startCell: string | SimRange, endCell?: string | SimRange): void {
    const addr = (x: string | SimRange) => (typeof x === "string" ? x : x.path);
    this.queueCall("Chart.setPosition", "setPosition", [addr(startCell), endCell === undefined ? null : addr(endCell)], () => {
      const a = typeof startCell === "string" ? parseAddress(startCell) : startCell.area();
      const b = endCell === undefined ? a : typeof endCell === "string" ? parseAddress(endCell) : endCell.area();
      this.chartState().position = { start: areaAddress({ ...a, rows: 1, cols: 1 }), end: areaAddress({ ...b, rows: 1, cols: 1 }) };
    });
  }
}

export class SimChartSeries extends Proxy {
  constructor(
    context: SimRequestContext,
    path: string,
    private readonly resolveSeries: () => ChartState["series"][number],
    private readonly sheet: SimWorksheet,
  ) {
    super(context, path);
  }
  set name(v: string) {
    this.queueSet("ChartSeries.name", "name", v, () => {
      this.resolveSeries().name = v;
    });
  }
  get name(): string {
    return this.read("name") as string;
  }
  setValues(source: SimRange): void {
    this.queueCall("ChartSeries.setValues", "setValues", [source.path], () => {
      if (source.sheet.resolve() !== this.sheet.resolve()) throw new SimulatedApiError("InvalidArgument", "The source data is on another sheet.");
      this.resolveSeries().values = areaAddress(source.area());
    });
  }
  setXAxisValues(source: SimRange): void {
    this.queueCall("ChartSeries.setXAxisValues", "setXAxisValues", [source.path], () => {
      if (source.sheet.resolve() !== this.sheet.resolve()) throw new SimulatedApiError("InvalidArgument", "The source data is on another sheet.");
      this.resolveSeries().xValues = areaAddress(source.area());
    });
  }
}
