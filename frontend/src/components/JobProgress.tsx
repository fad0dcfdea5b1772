import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatApiError } from "../api/errors";
import type { Job } from "../api/jobs";
import { jobPercent } from "../lib/faces";
import { Banner } from "./Banner";

/** A background job's progress bar and state; its error when it failed. */
export function JobProgress({ job, error, label }: {
  job: Job | null;
  /** Polling stopped without an answer (see useJob). */
  error?: unknown;
  /** What the job does ("Procesando el dataset"). */
  label: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const percent = jobPercent(job);
  const state = job?.state ?? "queued";
  const failed = state === "failed";

  return (
    <div className={`job-progress job-${state}`} aria-busy={!failed && state !== "finished"}>
      <div className="job-progress-label">
        <span id={id}>{label}</span>
        <span className="job-progress-state" role="status">
          {t(`enums.jobState.${state}`)} · {percent}%
        </span>
      </div>
      <div className="progress-track" role="progressbar" aria-labelledby={id}
        aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}
        aria-valuetext={`${t(`enums.jobState.${state}`)}, ${percent}%`}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {failed && (
        <Banner kind="error">{t("jobs.failed")}{job?.error ? ` (${job.error})` : ""}</Banner>
      )}
      {error != null && <Banner kind="error">{t("jobs.lost")} {formatApiError(error, t)}</Banner>}
    </div>
  );
}
