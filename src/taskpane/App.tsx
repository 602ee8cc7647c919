/* The Practice Ledger task pane: what the open workbook holds, Set up, Convert, Physician report
 * and Fee check. Everything runs inside Excel through Office.js: the pane makes no network request
 * of its own (no telemetry), so patient data never leaves the workbook. */
import { useCallback, useEffect, useState } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { RequirementCheck } from "../office/requirements";
import { describeWorkbook, type SheetOverview } from "./operations";
import { OperationStatus } from "./OperationStatus";
import { OperationProvider, useOperation } from "./useOperation";
import { ConvertPanel } from "./panels/ConvertPanel";
import { FeeCheckPanel } from "./panels/FeeCheckPanel";
import { PostRemittancePanel } from "./panels/PostRemittancePanel";
import { ReportPanel } from "./panels/ReportPanel";
import { SetUpPanel } from "./panels/SetUpPanel";
import { WorkbookPanel } from "./panels/WorkbookPanel";

export interface AppProps {
  /** The Office application hosting the pane, or null when the page is opened outside Office. */
  host: Office.HostType | null;
  /** The requirement check done at start (null outside Office). */
  requirements: RequirementCheck | null;
}

const useStyles = makeStyles({
  main: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "560px" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, margin: `${tokens.spacingVerticalXS} 0 0` },
  intro: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  tabs: { flexWrap: "wrap" },
});

type TabValue = "workbook" | "setup" | "convert" | "report" | "fees" | "era";

const TABS: { value: TabValue; label: string }[] = [
  { value: "workbook", label: "This workbook" },
  { value: "setup", label: "Set up" },
  { value: "convert", label: "Convert" },
  { value: "report", label: "Physician report" },
  { value: "fees", label: "Fee check" },
  { value: "era", label: "Post remittance" },
];

export function App(props: AppProps) {
  return (
    <OperationProvider>
      <Pane {...props} />
    </OperationProvider>
  );
}

function Pane({ host, requirements }: AppProps) {
  const styles = useStyles();
  const { run, running } = useOperation();
  const [tab, setTab] = useState<TabValue>("workbook");
  const [sheets, setSheets] = useState<SheetOverview[] | null>(null);
  const usable = host !== null && requirements !== null && requirements.ok;

  const refresh = useCallback(async () => {
    const r = await run("Reading the workbook", (context, o) => describeWorkbook(context, o));
    if (r !== undefined) setSheets(r.sheets);
  }, [run]);

  useEffect(() => {
    if (usable) void refresh();
  }, [usable, refresh]);

  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Practice Ledger</h1>
      <p className={styles.intro}>
        A/R aging, days in A/R, payer mix, collection and denial rates and fee-schedule checks from this workbook, exact to the cent.
        Everything is computed here: patient data never leaves the workbook.
      </p>
      {host === null && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Not in Excel</MessageBarTitle> Open this page from Excel: Home &gt; Practice Ledger.
          </MessageBarBody>
        </MessageBar>
      )}
      {host !== null && requirements !== null && !requirements.ok && (
        <MessageBar intent="error" layout="multiline" data-testid="requirements">
          <MessageBarBody>
            <MessageBarTitle>This Excel cannot run Practice Ledger</MessageBarTitle> {requirements.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {usable && (
        <>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_e, data) => setTab(data.value as TabValue)}
            aria-label="Practice Ledger tasks"
          >
            {TABS.map((t) => (
              <Tab key={t.value} value={t.value} id={`tab-${t.value}`} aria-controls={`panel-${t.value}`}>
                {t.label}
              </Tab>
            ))}
          </TabList>
          <OperationStatus />
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === "workbook" && <WorkbookPanel sheets={sheets} busy={running !== null} onRefresh={() => void refresh()} />}
            {tab === "setup" && <SetUpPanel onChanged={() => void refresh()} />}
            {tab === "convert" && <ConvertPanel sheets={sheets} onChanged={() => void refresh()} />}
            {tab === "report" && <ReportPanel />}
            {tab === "fees" && <FeeCheckPanel />}
            {tab === "era" && <PostRemittancePanel />}
          </div>
        </>
      )}
    </main>
  );
}
