// `npm run bench`: bench/bench.ts bundled with the sources it measures (scripts/bundled.js), as the
// command line and the add-in run them. PRACTICE_LEDGER_NO_BUNDLE=1 runs it through tsx instead.
"use strict";
require("./bundled.js").requireBundled("bench/bench.ts", ["src", "bench"]);
