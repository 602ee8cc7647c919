/* One long operation at a time for the whole pane (Excel runs the pane's requests one batch after
 * another anyway, and one at a time keeps the workbook from being written by two operations at
 * once), but each panel keeps its own progress and outcome: a panel is a "scope" (PanelScope), and
 * useOperation() inside it sees only what concerns that panel. One panel's warning never shows on
 * another, and the workbook refresh that follows an action (scope "workbook") does not clear the
 * action's result. Progress is a ProgressBar with Cancel (aborts the AbortController), the outcome
 * a MessageBar in plain words: both are drawn by <OperationStatus /> where the panel puts it,
 * beside its action button. */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { OperationCancelled, runExcel, type OperationOptions } from "./operations";

export interface Progress {
  label: string;
  fraction: number;
  text: string;
}

/** A cell an error or a result concerns, which the pane can select in the workbook. */
export interface CellRef {
  sheet: string;
  address: string;
}

export interface Outcome {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  text: string;
  cell?: CellRef;
}

export interface OperationRunner {
  /** This panel's running operation, or null (another panel's operation shows there, not here). */
  running: Progress | null;
  /** Whether any operation of the pane is running (buttons that start one are disabled meanwhile). */
  busy: boolean;
  /** This panel's last outcome. */
  outcome: Outcome | null;
  /**
   * Runs `fn` inside Excel.run with progress and cancellation; resolves to its result, or to
   * undefined when it failed or was cancelled (the outcome then says why, in plain words).
   */
  run<T>(label: string, fn: (context: Excel.RequestContext, o: OperationOptions) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  setOutcome(outcome: Outcome | null): void;
}

interface PaneOperations {
  running: { scope: string; progress: Progress } | null;
  outcomes: Readonly<Record<string, Outcome | null>>;
  run<T>(scope: string, label: string, fn: (context: Excel.RequestContext, o: OperationOptions) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  setOutcome(scope: string, outcome: Outcome | null): void;
}

const RunnerContext = createContext<PaneOperations | null>(null);
const ScopeContext = createContext<string>("pane");

/** The panel whose progress and outcome the components inside belong to. */
export function PanelScope({ id, children }: { id: string; children: ReactNode }) {
  return <ScopeContext.Provider value={id}>{children}</ScopeContext.Provider>;
}

/** The operation runner as the current panel sees it. */
export function useOperation(): OperationRunner {
  const pane = useContext(RunnerContext);
  const scope = useContext(ScopeContext);
  if (pane === null) throw new Error("useOperation outside OperationProvider");
  const { running, outcomes, run: runIn, cancel, setOutcome: setIn } = pane;
  const run = useCallback(
    <T,>(label: string, fn: (context: Excel.RequestContext, o: OperationOptions) => Promise<T>) => runIn(scope, label, fn),
    [runIn, scope],
  );
  const setOutcome = useCallback((outcome: Outcome | null) => setIn(scope, outcome), [setIn, scope]);
  return {
    running: running !== null && running.scope === scope ? running.progress : null,
    busy: running !== null,
    outcome: outcomes[scope] ?? null,
    run,
    cancel,
    setOutcome,
  };
}

/** The sheet and cell an error names, when it carries them (e.g. { sheet, address } on the error). */
export function cellOfError(error: unknown): CellRef | undefined {
  if (error === null || typeof error !== "object") return undefined;
  const e = error as { sheet?: unknown; address?: unknown; cell?: unknown };
  if (typeof e.sheet === "string" && typeof e.address === "string" && e.address !== "") return { sheet: e.sheet, address: e.address };
  if (e.cell !== null && typeof e.cell === "object") return cellOfError(e.cell);
  return undefined;
}

/** The words to show for a failure: runExcel already puts Office errors in plain words. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  if (typeof error === "string" && error.trim() !== "") return error;
  return "Something went wrong while working on the workbook. Nothing was left half written; please try again.";
}

export function OperationProvider({ children }: { children: ReactNode }) {
  const [running, setRunning] = useState<{ scope: string; progress: Progress } | null>(null);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome | null>>({});
  const controller = useRef<AbortController | null>(null);

  const setOutcome = useCallback((scope: string, outcome: Outcome | null) => setOutcomes((all) => ({ ...all, [scope]: outcome })), []);

  const run = useCallback(async <T,>(scope: string, label: string, fn: (context: Excel.RequestContext, o: OperationOptions) => Promise<T>): Promise<T | undefined> => {
    if (controller.current !== null) return undefined; // one operation at a time
    const abort = new AbortController();
    controller.current = abort;
    setOutcome(scope, null);
    setRunning({ scope, progress: { label, fraction: 0, text: "Starting…" } });
    const onProgress = (fraction: number, text: string): void => {
      const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
      setRunning({ scope, progress: { label, fraction: f, text } });
    };
    try {
      return await runExcel((context) => fn(context, { onProgress, signal: abort.signal }));
    } catch (error) {
      if (error instanceof OperationCancelled || abort.signal.aborted) {
        setOutcome(scope, { intent: "info", title: `${label}: cancelled`, text: "Cancelled. The workbook is as it was before: any sheet this started was removed." });
      } else {
        setOutcome(scope, { intent: "error", title: `${label} did not finish`, text: errorText(error), cell: cellOfError(error) });
      }
      return undefined;
    } finally {
      controller.current = null;
      setRunning(null);
    }
  }, [setOutcome]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const value = useMemo<PaneOperations>(() => ({ running, outcomes, run, cancel, setOutcome }), [running, outcomes, run, cancel, setOutcome]);
  return <RunnerContext.Provider value={value}>{children}</RunnerContext.Provider>;
}
