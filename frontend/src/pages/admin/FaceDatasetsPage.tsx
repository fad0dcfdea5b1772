import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, formatApiError } from "../../api/errors";
import { faceDatasets } from "../../api/faceDatasets";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { CheckboxField, TextField } from "../../components/Field";
import { JobProgress } from "../../components/JobProgress";
import { PageHeader } from "../../components/PageHeader";
import { useJob } from "../../hooks/useJob";
import { datasetReport, reasonsText } from "../../lib/faces";

/** Upload a zip of face photos (a folder per person) and follow its ingestion job. */
export function FaceDatasetsPage() {
  const { t } = useTranslation();
  const { capabilities } = useAuth();
  const linkPeople = can(capabilities, "people");
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [createMissing, setCreateMissing] = useState(false);
  const [consentVersion, setConsentVersion] = useState("");
  const upload = useMutation({
    mutationFn: (chosen: File) => faceDatasets.upload(chosen, {
      create_missing: createMissing,
      consent_version: consentVersion.trim() || null,
    }),
  });
  const jobId = upload.data ?? null;
  const busy = upload.isPending;
  const error = upload.error ? formatApiError(upload.error, t) : null;
  // "not_a_zip" is a code: say it in the user's language.
  const fileErrors = (upload.error instanceof ApiError ? upload.error.fieldErrors.file ?? [] : [])
    .map((m) => (m === "not_a_zip" ? t("faceDatasets.notAZip") : m));
  const [onlyRejected, setOnlyRejected] = useState(false);
  const { job, error: pollError } = useJob(jobId);
  const report = useMemo(() => job?.state === "finished" ? datasetReport(job.result) : null, [job]);

  const running = jobId !== null && job?.state !== "finished" && job?.state !== "failed" && !pollError;
  const rows = report ? report.images.filter((image) => !onlyRejected || image.status === "rejected") : [];

  return (
    <section className="page">
      <PageHeader title={t("faceDatasets.title")}>
        <p className="muted">{t("faceDatasets.subtitle")}</p>
      </PageHeader>
      <form className="panel" noValidate onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate(file);
      }}>
        <Banner kind="error">{error}</Banner>
        <p className="field-hint">{t("faceDatasets.layoutHelp")}</p>
        <pre className="layout-example" aria-hidden="true">{"dataset.zip\n├── 12345678-5/\n│   ├── 1.jpg\n│   └── 2.jpg\n└── 42/\n    └── foto.png"}</pre>
        <fieldset disabled={busy || running}>
          <legend className="sr-only">{t("faceDatasets.title")}</legend>
          <div className={`field${fileErrors.length ? " has-error" : ""}`}>
            <label htmlFor={fileId}>{t("faceDatasets.file")}</label>
            <input id={fileId} ref={fileInput} type="file" accept=".zip,application/zip,application/x-zip-compressed"
              aria-invalid={fileErrors.length ? true : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            {fileErrors.length > 0 && (
              <ul className="field-errors">{fileErrors.map((m) => <li key={m}>{m}</li>)}</ul>
            )}
          </div>
          <CheckboxField label={t("faceDatasets.createMissing")} hint={t("faceDatasets.createMissingHint")}
            checked={createMissing} onChange={setCreateMissing} />
          <div className="form-grid">
            <TextField label={t("faceDatasets.consentVersion")} hint={t("faceDatasets.consentVersionHint")}
              value={consentVersion} maxLength={40} onChange={setConsentVersion} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={!file || busy || running}>
              {busy ? t("faceDatasets.uploading") : t("faceDatasets.submit")}
            </button>
          </div>
        </fieldset>
      </form>

      {jobId && (
        <div className="panel">
          <JobProgress job={job} error={pollError} label={t("faceDatasets.processing")} />
          {report && (
            <>
              <p className="upload-summary">
                {t("faces.acceptedCount", { count: report.accepted })} · {t("faces.rejectedCount", { count: report.rejected })}
              </p>
              <CheckboxField label={t("faceDatasets.onlyRejected")} checked={onlyRejected} onChange={setOnlyRejected} />
              <table className="compact">
                <caption>{t("faceDatasets.reportTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("faceDatasets.path")}</th>
                    <th scope="col">{t("faceDatasets.person")}</th>
                    <th scope="col">{t("faces.result")}</th>
                    <th scope="col">{t("faces.reasonsHeader")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.length === 0 && (
                    <tr className="empty-row"><td colSpan={4}>{t("faceDatasets.noImages")}</td></tr>
                  )}
                  {rows.map((image, i) => (
                    <tr key={`${i}-${image.path}`}>
                      <td><code>{image.path}</code></td>
                      <td>
                        {image.person_id == null ? "—" : linkPeople
                          ? <Link to={`/people/${image.person_id}`}>#{image.person_id}</Link>
                          : `#${image.person_id}`}
                      </td>
                      <td>
                        <span className={`pill ${image.status === "accepted" ? "pill-ok" : "pill-bad"}`}>
                          {t(`enums.photoStatus.${image.status}`)}
                        </span>
                      </td>
                      <td>{image.reasons?.length ? reasonsText(t, image.reasons) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </section>
  );
}
