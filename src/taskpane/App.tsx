/* Placeholder task pane of Practice Ledger. A later issue builds the real one (claims register
 * selection, report, Fluent UI); this one only shows that the add-in loaded and where it runs. */

export interface AppProps {
  /** The Office application hosting the pane, or null when the page is opened outside Office. */
  host: Office.HostType | null;
}

export function App({ host }: AppProps) {
  const status =
    host === null
      ? "Open this page from Excel: Home > Practice Ledger."
      : `Connected to ${String(host)}. Type =PRACTICE. in a cell to see the functions.`;
  return (
    <main>
      <h1>Practice Ledger</h1>
      <p>
        A/R aging, days in A/R, payer mix and collection and denial rates from the claims register in this workbook,
        exact to the cent. Everything is computed here: patient data never leaves the workbook.
      </p>
      <p role="status">{status}</p>
    </main>
  );
}
