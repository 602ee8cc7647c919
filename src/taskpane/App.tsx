/* The Practice Ledger task pane: what the open workbook holds, Set up, Convert, Physician report
 * and Fee check (the list of panels is panelList.tsx). Everything runs inside Excel through
 * Office.js: the pane makes no network request of its own (no telemetry), so patient data never
 * leaves the workbook. A panel is mounted the first time it is opened (its code loads then,
 * lazyPanel.tsx) and stays mounted (hidden when not selected), so its inputs and its result survive
 * switching tabs; what panels share is lifted here (paneState.ts). */
import { useCallback, useEffect, useMemo, useState } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { RequirementCheck } from "../office/requirements";
import { describeWorkbook, preferredRegister, type SheetOverview } from "./operations";
import { useIntroOnce } from "./introOnce";
import { PaneNavigation } from "./PaneNavigation";
import { PanelLoader } from "./lazyPanel";
import { PANELS } from "./panelList";
import type { PaneState } from "./paneState";
import { OperationProvider, PanelScope, useOperation } from "./useOperation";

export interface AppProps {
  /** The Office application hosting the pane, or null when the page is opened outside Office. */
  host: Office.HostType | null;
  /** The requirement check done at start (null outside Office). */
  requirements: RequirementCheck | null;
}

const useStyles = makeStyles({
  main: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxWidth: "560px" },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, margin: 0 },
  intro: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Sets this Excel lacks that only some panels need: the pane runs, those panels say so. */
const PANEL_ONLY_SETS = new Set(["ExcelApi 1.8"]);

export function App(props: AppProps) {
  return (
    <OperationProvider>
      <PanelScope id="workbook">
        <Pane {...props} />
      </PanelScope>
    </OperationProvider>
  );
}

function Pane({ host, requirements }: AppProps) {
  const styles = useStyles();
  const { run } = useOperation(); // the "workbook" scope: reading the workbook clears no other panel's result
  const [tab, setTab] = useState<string>(PANELS[0].id);
  // The panels opened so far: mounted from their first opening on, never unmounted.
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([PANELS[0].id]));
  const select = useCallback((id: string) => {
    setTab(id);
    setOpened((o) => (o.has(id) ? o : new Set(o).add(id)));
  }, []);
  const [sheets, setSheets] = useState<SheetOverview[] | null>(null);
  const [converted, setConverted] = useState<string | null>(null);
  const [picked, setPicked] = useState<string>("");
  const [practiceName, setPracticeName] = useState<string>("");
  const [nameTouched, setNameTouched] = useState(false);
  const [foundName, setFoundName] = useState<string | null>(null);
  const introShown = useIntroOnce();
  const missingSets = useMemo(() => (requirements?.missing ?? []).map((r) => `${r.set} ${r.version}`), [requirements]);
  const blocking = missingSets.filter((s) => !PANEL_ONLY_SETS.has(s));
  const usable = host !== null && requirements !== null && blocking.length === 0;

  const refresh = useCallback(async () => {
    const r = await run("Reading the workbook", (context, o) => describeWorkbook(context, o));
    if (r === undefined) return;
    setSheets(r.sheets);
    setFoundName(r.practiceName);
  }, [run]);

  useEffect(() => {
    if (usable) void refresh();
  }, [usable, refresh]);

  // The practice name the workbook gives, until the user types one.
  useEffect(() => {
    if (!nameTouched && foundName !== null) setPracticeName(foundName);
  }, [foundName, nameTouched]);

  // The register used: the user's pick while it exists, else the preferred one (Convert's output over its source).
  const register = useMemo(() => {
    const claims = (sheets ?? []).filter((s) => s.kind === "claims");
    if (picked !== "" && claims.some((s) => s.name === picked)) return picked;
    return preferredRegister(sheets ?? [], converted) ?? "";
  }, [sheets, picked, converted]);

  const state: PaneState = {
    sheets,
    refresh: () => void refresh(),
    register,
    setRegister: setPicked,
    setConvertedRegister: (name) => {
      setConverted(name);
      setPicked("");
    },
    practiceName,
    setPracticeName: (name) => {
      setNameTouched(true);
      setPracticeName(name);
    },
    missingSets,
  };

  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Practice Ledger</h1>
      {introShown && (
        <p className={styles.intro} data-testid="intro">
          A/R aging, days in A/R, payer mix, collection and denial rates and fee-schedule checks from this workbook, exact to the cent.
          Everything is computed here: patient data never leaves the workbook.
        </p>
      )}
      {host === null && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Not in Excel</MessageBarTitle> Open this page from Excel: Home &gt; Practice Ledger.
          </MessageBarBody>
        </MessageBar>
      )}
      {host !== null && requirements !== null && !usable && (
        <MessageBar intent="error" layout="multiline" data-testid="requirements">
          <MessageBarBody>
            <MessageBarTitle>This Excel cannot run Practice Ledger</MessageBarTitle> {requirements.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {usable && (
        <>
          <PaneNavigation panels={PANELS} selected={tab} onSelect={select} />
          {PANELS.map((p) => (
            <div key={p.id} role="tabpanel" id={`panel-${p.id}`} aria-labelledby={`tab-${p.id}`} hidden={tab !== p.id}>
              {opened.has(p.id) && (
                <PanelScope id={p.id}>
                  {p.retryLoad === undefined ? p.render(state) : <PanelLoader label={p.title ?? p.label} onRetry={p.retryLoad}>{p.render(state)}</PanelLoader>}
                </PanelScope>
              )}
            </div>
          ))}
        </>
      )}
    </main>
  );
}
