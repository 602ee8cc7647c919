/* The pane's panels, in navigation order. Adding a panel is one entry here (its id, its label and
 * what it draws from the shared pane state); App.tsx draws the navigation and keeps every panel
 * mounted, so a panel's result and inputs survive switching tabs. */
import type { ReactNode } from "react";
import { ConvertPanel } from "./panels/ConvertPanel";
import { FeeCheckPanel } from "./panels/FeeCheckPanel";
import { PostRemittancePanel } from "./panels/PostRemittancePanel";
import { ReportPanel } from "./panels/ReportPanel";
import { SetUpPanel } from "./panels/SetUpPanel";
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
  render(state: PaneState): ReactNode;
}

export const PANELS: readonly PanelEntry[] = [
  { id: "workbook", label: "Workbook", title: "This workbook", render: (s) => <WorkbookPanel sheets={s.sheets} onRefresh={s.refresh} /> },
  { id: "setup", label: "Set up", needs: ["ExcelApi 1.8"], render: (s) => <SetUpPanel pane={s} /> },
  { id: "convert", label: "Convert", render: (s) => <ConvertPanel sheets={s.sheets} onChanged={s.refresh} onConverted={s.setConvertedRegister} /> },
  { id: "report", label: "Report", title: "Physician report", render: (s) => <ReportPanel pane={s} /> },
  { id: "fees", label: "Fee check", render: (s) => <FeeCheckPanel pane={s} /> },
  { id: "era", label: "Remittance", title: "Post remittance", render: () => <PostRemittancePanel /> },
];
