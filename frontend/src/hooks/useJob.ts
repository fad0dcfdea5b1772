import { useEffect, useState } from "react";
import { jobs, type Job } from "../api/jobs";
import { isJobDone } from "../lib/faces";
import { JOB_POLL_INTERVAL_MS, pollJob } from "../lib/jobPoller";

export interface JobStatus {
  /** The job as last seen (null until the first answer). */
  job: Job | null;
  /** Why polling stopped before the job ended (network, 404...). */
  error: unknown;
  /** The job finished or failed. */
  done: boolean;
}

/**
 * Poll GET /jobs/{id} every `intervalMs` (about 0.7 s) until the job finishes or fails.
 * A new id starts over; null stops. Polling stops on unmount.
 */
export function useJob(jobId: string | null, intervalMs = JOB_POLL_INTERVAL_MS): JobStatus {
  const [state, setState] = useState<{ id: string | null; job: Job | null; error: unknown }>(
    { id: jobId, job: null, error: null });

  useEffect(() => {
    setState({ id: jobId, job: null, error: null });
    if (!jobId) return;
    return pollJob({
      load: () => jobs.get(jobId),
      onUpdate: (job) => setState({ id: jobId, job, error: null }),
      onError: (error) => setState((prev) => ({ ...prev, id: jobId, error })),
      intervalMs,
    });
  }, [jobId, intervalMs]);

  // Until the effect runs for a new id, do not show the previous job.
  const current = state.id === jobId ? state : { job: null, error: null };
  return { job: current.job, error: current.error, done: isJobDone(current.job) };
}
