import type { Day } from "./day";

/**
 * Excel's 1900 date system. Serial 1 is 1900-01-01, and Excel counts a 29 February 1900 that never
 * existed (serial 60), kept for Lotus 1-2-3 compatibility (Microsoft KB 214326). So serials 1-59
 * are one day later than a plain count from 1899-12-31 would make them, serial 60 is no date, and
 * from 61 on a serial is days since 1899-12-30.
 */
const SERIAL_OF_1970_01_01 = 25569;
/** 9999-12-31, the last date Excel shows. */
export const MAX_EXCEL_SERIAL = 2958465;

/** The Day of a whole Excel serial; null for 0, 60 (the phantom 29 Feb 1900) and out-of-range serials. */
export function dayFromExcelSerial(serial: number): Day | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial); // a time of day is dropped: DOS is a date
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === 60) return null;
  return whole < 60 ? whole - SERIAL_OF_1970_01_01 + 1 : whole - SERIAL_OF_1970_01_01;
}

/** The Excel serial of a Day (what a date cell holds). */
export function excelSerialFromDay(day: Day): number {
  const serial = day + SERIAL_OF_1970_01_01;
  return serial < 61 ? serial - 1 : serial;
}
