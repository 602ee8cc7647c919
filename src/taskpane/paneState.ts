/* What the pane's panels share: the sheets of the workbook (refreshed after each action), the
 * claims register the operations use (one choice for Physician report and Fee check), the
 * register Convert wrote last, and the practice name. Lifted to App so it survives tab switches. */
import type { SheetOverview } from "./operations";

export interface PaneState {
  sheets: SheetOverview[] | null;
  /** Reads the workbook again (the This workbook panel's own operation: never clears another panel's result). */
  refresh: () => void;
  /** The claims register chosen for Physician report and Fee check ("" until the workbook is read). */
  register: string;
  setRegister: (name: string) => void;
  /** The register Convert wrote in this session, preferred over its source. */
  setConvertedRegister: (name: string) => void;
  /** The practice name for report titles and Set up's Settings sheet. */
  practiceName: string;
  setPracticeName: (name: string) => void;
  /** Requirement sets this Excel lacks ("ExcelApi 1.8"), for panels that need them. */
  missingSets: readonly string[];
}
