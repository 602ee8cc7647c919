/**
 * Keeps each context.sync() of a long operation under Excel's payload limit: Excel on the web
 * refuses a request or a response over 5 MB ("The request payload size has exceeded the limit",
 * office-platform.md). Operations are queued against a byte budget (4 MB by default, leaving room
 * for the object paths and JSON Excel adds), and the queue is synced only when the next operation
 * would pass it: a small sheet takes one sync, a large one ceil(bytes / budget).
 */

/** Default bytes per request or response: 4 MB, under Excel's 5 MB. */
export const DEFAULT_BUDGET_BYTES = 4 * 1024 * 1024;

/** Bytes allowed for one operation's object path and the JSON around its value. */
export const OPERATION_OVERHEAD_BYTES = 256;

/** UTF-8 byte length of a string (what travels in a request), counted without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated bytes of a value once serialized to JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

/**
 * A byte budget for the operations queued on a request context. Call `reserve(bytes)` before
 * queueing an operation: when the operation would take the queue past the budget, the queue is
 * synced first. `syncs` counts every sync made through the budget.
 */
export class RequestBudget {
  private queued = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number = DEFAULT_BUDGET_BYTES,
  ) {}

  /** Bytes still free in the current request. */
  get remaining(): number {
    return Math.max(0, this.budget - this.queued);
  }

  async reserve(bytes: number): Promise<void> {
    const cost = bytes + OPERATION_OVERHEAD_BYTES;
    if (this.queued > 0 && this.queued + cost > this.budget) await this.flush();
    this.queued += cost;
  }

  /** Sends what is queued (one context.sync()). */
  async flush(): Promise<void> {
    this.queued = 0;
    this.syncs++;
    await this.context.sync();
  }
}
