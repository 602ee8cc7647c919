/* The function suites a second time, with empty cells reaching the functions as 0, as Excel for
 * Windows passed them for years (office-js issues 4702, 5262, 1951:
 * https://github.com/OfficeDev/office-js/issues/4702). Every expectation stays the same: a 0 where a
 * blank is plausible (a date, a status, a code, a wholly zero row) is read as a blank. */
process.env.PRACTICE_HARNESS_BLANKS = "zero";

/* eslint-disable @typescript-eslint/no-require-imports */
require("./aging.test");
require("./balance.test");
require("./budget.test");
require("./feeSchedule.test");
require("./payroll.test");
require("./rates.test");
