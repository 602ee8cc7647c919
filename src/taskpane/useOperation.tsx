/* One long operation at a time for the whole pane: its progress (ProgressBar, announced through an
 * aria-live region), a Cancel button that aborts its AbortController, and its outcome in plain words
 * (MessageBar). Excel runs the pane's requests one batch after another anyway; running a single
 * operation at a time keeps the user's workbook from being written by two operations at once. */
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
  running: Progress | null;
  outcome: Outcome | null;
  /**
   * Runs `fn` inside Excel.run with progress and cancellation; resolves to its result, or to
   * undefined when it failed or was cancelled (the outcome then says why, in plain words).
   */
  run<T>(label: string, fn: (context: Excel.RequestContext, o: OperationOptions) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  setOutcome(outcome: Outcome | null): void;
}

const RunnerContext = createContext<OperationRunner | null>(null);

export function useOperation(): OperationRunner {
  const runner = useContext(RunnerContext);
  if (runner === null) throw new Error("useOperation outside OperationProvider");
  return runner;
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
  const [running, setRunning] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async <T,>(label: string, fn: (context: Excel.RequestContext, o: OperationOptions) => Promise<T>): Promise<T | undefined> => {
    if (controller.current !== null) return undefined; // one operation at a time
    const abort = new AbortController();
    controller.current = abort;
    setOutcome(null);
    setRunning({ label, fraction: 0, text: "Starting…" });
    const onProgress = (fraction: number, text: string): void => {
      const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
      setRunning({ label, fraction: f, text });
    };
    try {
      return await runExcel((context) => fn(context, { onProgress, signal: abort.signal }));
    } catch (error) {
      if (error instanceof OperationCancelled || abort.signal.aborted) {
        setOutcome({ intent: "info", title: `${label}: cancelled`, text: "Cancelled. The workbook is as it was before: any sheet this started was removed." });
      } else {
        setOutcome({ intent: "error", title: `${label} did not finish`, text: errorText(error), cell: cellOfError(error) });
      }
      return undefined;
    } finally {
      controller.current = null;
      setRunning(null);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const value = useMemo<OperationRunner>(() => ({ running, outcome, run, cancel, setOutcome }), [running, outcome, run, cancel]);
  return <RunnerContext.Provider value={value}>{children}</RunnerContext.Provider>;
}
