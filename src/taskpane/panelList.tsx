/* The pane's panels, in navigation order. Adding a panel is one entry here (its id, its label and
 * what it draws from the shared pane state); App.tsx draws the navigation and mounts a panel the
 * first time it is opened, then keeps it mounted, so a panel's result and inputs survive switching
 * tabs. The first panel is in the pane's own bundle; every other panel is its own chunk, loaded
 * the first time it is opened (lazyPanel.tsx), so the pane's first load stays small. */
import type { ReactNode } from "react";
import { lazyPanel } from "./lazyPanel";
import { WorkbookPanel } from "./panels/WorkbookPanel";
import type { PaneState } from "./paneState";

export interface PanelEntry {
  /** Stable id: the tab's id is `tab-<id>`, its panel's `panel-<id>`, its operations' scope <id>. */
  id: string;
  /** The tab's text: short, so the navigation fits a 300 px pane on one line. */
  label: string;
  /** The full name (tooltip and accessible name when it differs from the label). */
  title?: string;
  /** Requirement sets this panel needs beyond the pane's minimum ("ExcelApi 1.8"). */
  needs?: string[];
  /** For a panel loaded on first opening: loads its code again after a failed load. */
  retryLoad?: () => void;
  render(state: PaneState): ReactNode;
}

// webpackChunkName: the chunk's file name (dist/panel-<id>.<hash>.js), so the build says which panel is which.
const SetUp = lazyPanel(() => import(/* webpackChunkName: "panel-setup" */ "./panels/SetUpPanel").then((m) => m.SetUpPanel));
const Convert = lazyPanel(() => import(/* webpackChunkName: "panel-convert" */ "./panels/ConvertPanel").then((m) => m.ConvertPanel));
const Report = lazyPanel(() => import(/* webpackChunkName: "panel-report" */ "./panels/ReportPanel").then((m) => m.ReportPanel));
const FeeCheck = lazyPanel(() => import(/* webpackChunkName: "panel-fees" */ "./panels/FeeCheckPanel").then((m) => m.FeeCheckPanel));
const PostRemittance = lazyPanel(() => import(/* webpackChunkName: "panel-era" */ "./panels/PostRemittancePanel").then((m) => m.PostRemittancePanel));

export const PANELS: readonly PanelEntry[] = [
  { id: "workbook", label: "Workbook", title: "This workbook", render: (s) => <WorkbookPanel sheets={s.sheets} onRefresh={s.refresh} /> },
  { id: "setup", label: "Set up", needs: ["ExcelApi 1.8"], retryLoad: SetUp.retry, render: (s) => <SetUp.Panel pane={s} /> },
  { id: "convert", label: "Convert", retryLoad: Convert.retry, render: (s) => <Convert.Panel sheets={s.sheets} onChanged={s.refresh} onConverted={s.setConvertedRegister} /> },
  { id: "report", label: "Report", title: "Physician report", retryLoad: Report.retry, render: (s) => <Report.Panel pane={s} /> },
  { id: "fees", label: "Fee check", retryLoad: FeeCheck.retry, render: (s) => <FeeCheck.Panel pane={s} /> },
  { id: "era", label: "Remittance", title: "Post remittance", retryLoad: PostRemittance.retry, render: () => <PostRemittance.Panel /> },
];
