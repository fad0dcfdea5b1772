import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import { jobs, type Job } from "../api/jobs";
import { isJobDone } from "../lib/faces";

/** How often a running job is asked for (the worker reports progress about this often). */
export const JOB_POLL_INTERVAL_MS = 700;

export interface JobStatus {
  /** The job as last seen (null until the first answer). */
  job: Job | null;
  /** Why the last poll failed (network, 404...). */
  error: unknown;
  /** The job finished or failed. */
  done: boolean;
}

/** When to ask again: never once the job ended or the server refused (a 4xx will not change). */
export function nextPoll(state: { data?: Job; error: unknown }, intervalMs: number): number | false {
  const refused = state.error instanceof ApiError && state.error.status < 500;
  return isJobDone(state.data) || refused ? false : intervalMs;
}

/**
 * Poll GET /jobs/{id} every `intervalMs` until the job finishes or fails (or the server
 * refuses: a 4xx will not change). A new id starts over; null stops.
 */
export function useJob(jobId: string | null, intervalMs = JOB_POLL_INTERVAL_MS): JobStatus {
  const { data, error } = useQuery({
    queryKey: ["jobs", jobId],
    queryFn: () => jobs.get(jobId as string),
    enabled: jobId !== null,
    refetchInterval: (query) => nextPoll(query.state, intervalMs),
    // Network hiccups: keep polling on schedule rather than backing off.
    retry: false,
    staleTime: 0,
  });
  const job = jobId === null ? null : data ?? null;
  return { job, error: jobId === null ? null : error, done: isJobDone(job) };
}
