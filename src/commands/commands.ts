/* Ribbon commands of Practice Ledger. The only button today (Home > Practice Ledger) is a
 * ShowTaskpane action, which needs no code. Function commands (ExecuteFunction) would be
 * registered here with Office.actions.associate("name", handler); with the shared runtime this
 * bundle is loaded by taskpane.html (manifest.xml: FunctionFile resid="Taskpane.Url"). */

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to register yet.
  });
}

export {};
