/** Follow a background job: ask for its state every so often until it ends. */
import { ApiError } from "../api/errors";
import type { Job } from "../api/jobs";
import { isJobDone } from "./faces";

export const JOB_POLL_INTERVAL_MS = 700;

export interface JobPollerOptions {
  load(): Promise<Job>;
  onUpdate(job: Job): void;
  /** Called when polling gives up (a refused request, or too many failures in a row). */
  onError(error: unknown): void;
  intervalMs?: number;
  /** Network or server failures in a row before giving up. */
  maxFailures?: number;
  setTimer?(callback: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

/** Start polling at once; the returned function stops it (no callback runs after that). */
export function pollJob({ load, onUpdate, onError, intervalMs = JOB_POLL_INTERVAL_MS, maxFailures = 5,
  setTimer = (callback, ms) => setTimeout(callback, ms),
  clearTimer = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) }: JobPollerOptions,
): () => void {
  let stopped = false;
  let timer: unknown = null;
  let failures = 0;

  async function tick() {
    timer = null;
    let job: Job;
    try {
      job = await load();
    } catch (error) {
      if (stopped) return;
      failures += 1;
      // A 4xx (job unknown, not allowed) will not get better by asking again.
      const refused = error instanceof ApiError && error.status >= 400 && error.status < 500 &&
        error.status !== 429;
      if (refused || failures >= maxFailures) {
        stopped = true;
        onError(error);
        return;
      }
      timer = setTimer(() => void tick(), intervalMs * failures);
      return;
    }
    if (stopped) return;
    failures = 0;
    onUpdate(job);
    if (isJobDone(job)) {
      stopped = true;
      return;
    }
    timer = setTimer(() => void tick(), intervalMs);
  }

  void tick();
  return () => {
    stopped = true;
    if (timer !== null) clearTimer(timer);
  };
}
