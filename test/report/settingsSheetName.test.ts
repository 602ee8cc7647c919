import { workbookReport, type WorkbookSheet } from "../../src/core/report/workbookReport";
import { dayFromYMD } from "../../src/core/dates/day";
import { excelSerialFromDay } from "../../src/core/dates/excelSerial";

const asOf = dayFromYMD(2026, 10, 31) as number;
const dos = excelSerialFromDay(dayFromYMD(2026, 10, 1) as number);

function sheets(settingsName: string): WorkbookSheet[] {
  return [
    { name: "Claims", grid: [["Claim ID", "Date of Service", "Payer", "Charge"], ["C-1", dos, "Aetna", 100]] },
    {
      name: settingsName,
      grid: [
        ["Setting", "Value"],
        ["Practice name", "Lakeside Pediatrics"],
        ["Social Security rate", "6.2%"],
        ["Medicare rate", "1.45%"],
        ["FUTA rate", "0.6%"],
      ],
    },
  ];
}

describe("the settings sheet is found by name or by its payroll rates", () => {
  it("reads the practice name from a sheet named Settings", () => {
    expect(workbookReport(sheets("Settings"), { asOf }).summary.practice).toBe("Lakeside Pediatrics");
  });

  it("reads the practice name from a settings sheet with another name, recognised by its payroll rates", () => {
    expect(workbookReport(sheets("Practice Setup"), { asOf }).summary.practice).toBe("Lakeside Pediatrics");
  });
});
