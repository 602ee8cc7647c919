import type ExcelJS from "exceljs";
import type { RvuRow } from "../sample/types";

/**
 * The sample practice's RVU table as a sheet laid out like CMS's PFS relative value file
 * (HCPCS, MOD, DESCRIPTION, WORK RVU, NON-FAC PE RVU, FACILITY PE RVU, MP RVU), so the report
 * finds it by its header and shows work RVUs per provider. RVUs are written as numbers.
 */
export function addSampleRvuSheet(wb: ExcelJS.Workbook, rvus: readonly RvuRow[]): void {
  const ws = wb.addWorksheet("RVUs", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(["HCPCS", "MOD", "DESCRIPTION", "WORK RVU", "NON-FAC PE RVU", "FACILITY PE RVU", "MP RVU"]).font = { bold: true };
  for (const r of rvus) {
    ws.addRow([r.cpt, null, r.description, Number(r.work), Number(r.nonFacilityPE), Number(r.facilityPE), Number(r.malpractice)]);
  }
  ws.getColumn(3).width = 50;
  for (const c of [4, 5, 6, 7]) {
    ws.getColumn(c).numFmt = "0.00";
    ws.getColumn(c).width = 16;
  }
}
