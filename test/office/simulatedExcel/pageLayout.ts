/**
 * Worksheet.pageLayout and Worksheet.horizontalPageBreaks (ExcelApi 1.9) in the simulated host:
 * every property set and method call is queued like the other proxies' writes and recorded on the
 * sheet at sync, so a test can read what a renderer asked for. Properties follow the Office.js
 * reference ("Excel.PageLayout class", https://learn.microsoft.com/javascript/api/excel/excel.pagelayout);
 * zoom is taken as a whole object, as the reference requires.
 */
export interface PageLayoutState {
  settings: Record<string, unknown>;
  printArea: string | null;
  printTitleRows: string | null;
  headerFooter: Record<string, string>;
  pageBreaks: string[];
}

export const emptyPageLayout = (): PageLayoutState => ({ settings: {}, printArea: null, printTitleRows: null, headerFooter: {}, pageBreaks: [] });

type Enqueue = (wire: unknown, location: string, apply: () => void) => void;

const LAYOUT_PROPS = new Set(["orientation", "zoom", "centerHorizontally", "centerVertically", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin", "paperSize"]);
const HF_PROPS = new Set(["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"]);

/** The pageLayout proxy of one worksheet (`state()` resolves the sheet's record at sync). */
export function simPageLayout(path: string, enqueue: Enqueue, state: () => PageLayoutState): unknown {
  const defaultForAllPages = new globalThis.Proxy({}, {
    set(_t, prop: string, value: unknown) {
      if (!HF_PROPS.has(prop)) throw new Error(`HeaderFooter.${prop} is not simulated`);
      enqueue({ set: `${path}.headersFooters.defaultForAllPages.${prop}`, value }, `HeaderFooter.${prop}`, () => {
        state().headerFooter[prop] = String(value);
      });
      return true;
    },
  });
  const methods = {
    headersFooters: { defaultForAllPages },
    setPrintArea: (area: string) => enqueue({ call: `${path}.setPrintArea`, args: [area] }, "PageLayout.setPrintArea", () => {
      state().printArea = area;
    }),
    setPrintTitleRows: (rows: string) => enqueue({ call: `${path}.setPrintTitleRows`, args: [rows] }, "PageLayout.setPrintTitleRows", () => {
      state().printTitleRows = rows;
    }),
  };
  return new globalThis.Proxy(methods, {
    set(_t, prop: string, value: unknown) {
      if (!LAYOUT_PROPS.has(prop)) throw new Error(`PageLayout.${prop} is not simulated`);
      enqueue({ set: `${path}.${prop}`, value }, `PageLayout.${prop}`, () => {
        state().settings[prop] = value;
      });
      return true;
    },
  });
}

/** Worksheet.horizontalPageBreaks: add(range) records a break above the range's first row. */
export function simHorizontalPageBreaks(path: string, enqueue: Enqueue, state: () => PageLayoutState): { add: (range: string) => void } {
  return {
    add: (range: string) => enqueue({ call: `${path}.add`, args: [range] }, "PageBreakCollection.add", () => {
      state().pageBreaks.push(range);
    }),
  };
}
