import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, formatApiError } from "../api/errors";
import { biometricConsent, faces, type EnrolResult, type Face } from "../api/faces";
import { BIOMETRIC_CONSENT_VERSION, MAX_PHOTOS_PER_UPLOAD, reasonsText } from "../lib/faces";
import { formatDateTime } from "../lib/format";
import { Banner } from "./Banner";
import { ConfirmButton } from "./ConfirmButton";
import { FaceThumbnail } from "./FaceThumbnail";
import { QueryError } from "./QueryError";

/** The person's consent as last read from (or changed through) the API. */
type ConsentState = "unknown" | "granted" | "none";

function QualityBadge({ face }: { face: Face }) {
  const { t } = useTranslation();
  const metrics = face.quality.metrics ?? {};
  const details = Object.entries(metrics).map(([name, value]) => `${name}: ${value}`).join(" · ");
  return face.quality.ok ? (
    <span className="pill pill-ok" title={details}>{t("faces.qualityOk")}</span>
  ) : (
    <span className="pill pill-warn" title={details}>{reasonsText(t, face.quality.reasons)}</span>
  );
}

function UploadResults({ results }: { results: EnrolResult[] }) {
  const { t } = useTranslation();
  const accepted = results.filter((r) => r.status === "accepted").length;
  return (
    <>
      <p className="upload-summary">
        {t("faces.acceptedCount", { count: accepted })} · {t("faces.rejectedCount", { count: results.length - accepted })}
      </p>
      <table className="compact">
        <caption>{t("faces.resultsTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("faces.photo")}</th>
            <th scope="col">{t("faces.result")}</th>
            <th scope="col">{t("faces.reasonsHeader")}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r, i) => (
            <tr key={`${i}-${r.filename}`}>
              <td>{r.filename}</td>
              <td>
                <span className={`pill ${r.status === "accepted" ? "pill-ok" : "pill-bad"}`}>
                  {t(`enums.photoStatus.${r.status}`)}
                </span>
              </td>
              <td>{r.reasons.length ? reasonsText(t, r.reasons) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Face recognition for one person: consent, enrolled photos, upload and erasure. */
export function FacesPanel({ personId, personName }: { personId: number; personName: string }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const faceList = useQuery({ queryKey: ["faces", personId], queryFn: () => faces.list(personId) });
  const consentQuery = useQuery({
    queryKey: ["biometric-consent", personId], queryFn: () => biometricConsent.current(personId),
  });
  const list = faceList.data ?? null;
  const consentRecord = consentQuery.data ?? null;
  const consent: ConsentState = consentQuery.data === undefined ? "unknown" : consentRecord ? "granted" : "none";
  // Every change here may change both the photos and the consent (revoking erases photos).
  const reload = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ["faces", personId] }),
    queryClient.invalidateQueries({ queryKey: ["biometric-consent", personId] }),
  ]);
  const record = useMutation({
    mutationFn: () => biometricConsent.record(personId, BIOMETRIC_CONSENT_VERSION), onSettled: reload,
  });
  const revoke = useMutation({ mutationFn: () => biometricConsent.revoke(personId), onSettled: reload });
  const enrol = useMutation({ mutationFn: (photos: File[]) => faces.enrol(personId, photos), onSettled: reload });
  const removeOne = useMutation({ mutationFn: (faceId: number) => faces.remove(personId, faceId), onSettled: reload });
  const removeEvery = useMutation({ mutationFn: () => faces.removeAll(personId), onSettled: reload });
  const busy = record.isPending || enrol.isPending;
  const [files, setFiles] = useState<File[]>([]);
  const [results, setResults] = useState<EnrolResult[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function start() {
    setMessage(null);
    setError(null);
  }

  async function recordConsent() {
    start();
    try {
      await record.mutateAsync();
      setMessage(t("faces.consentRecorded"));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setMessage(t("faces.consentAlreadyRecorded"));
      } else {
        setError(formatApiError(err, t));
      }
    }
  }

  async function revokeConsent() {
    start();
    try {
      await revoke.mutateAsync();
      setMessage(t("faces.consentRevoked"));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) {
        setError(formatApiError(err, t));
        return;
      }
      setMessage(t("faces.noConsentToRevoke"));
    }
    setResults(null);
  }

  async function upload() {
    if (!files.length) return;
    start();
    setResults(null);
    if (files.length > MAX_PHOTOS_PER_UPLOAD) {
      setError(t("faces.tooManyPhotos", { max: MAX_PHOTOS_PER_UPLOAD }));
      return;
    }
    try {
      setResults(await enrol.mutateAsync(files));
      setFiles([]);
      if (fileInput.current) fileInput.current.value = "";
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError(t("faces.consentRequired"));
      } else {
        const details = err instanceof ApiError ? err.fieldErrors.image ?? [] : [];
        setError([formatApiError(err, t), ...details].join(" "));
      }
    }
  }

  async function removeFace(face: Face) {
    start();
    try {
      await removeOne.mutateAsync(face.id);
      setMessage(t("faces.photoDeleted"));
    } catch (err) {
      setError(formatApiError(err, t));
    }
  }

  async function removeAll() {
    start();
    try {
      await removeEvery.mutateAsync();
      setResults(null);
      setMessage(t("faces.allDeleted"));
    } catch (err) {
      setError(formatApiError(err, t));
    }
  }

  const count = list?.length ?? 0;

  return (
    <section className="panel faces-panel" aria-labelledby="faces-title">
      <h2 id="faces-title">{t("faces.title")}</h2>
      <QueryError error={faceList.error ?? consentQuery.error} />

      <div className="consent-box">
        <p className="consent-text">{t("faces.consentText", { version: BIOMETRIC_CONSENT_VERSION })}</p>
        <p className="consent-state">
          {consent === "granted" && (consentRecord
            ? t("faces.consentGrantedOn", {
              version: consentRecord.version,
              date: formatDateTime(consentRecord.granted_at, i18n.language),
            })
            : t("faces.consentGranted"))}
          {consent === "none" && t("faces.consentMissing")}
          {consent === "unknown" && t("faces.consentUnknown")}
        </p>
        <div className="form-actions">
          {consent !== "granted" && (
            <button type="button" className="button primary" disabled={busy} onClick={() => void recordConsent()}>
              {t("faces.recordConsent")}
            </button>
          )}
          {consent !== "none" && (
            <ConfirmButton label={t("faces.revokeConsent")} disabled={busy}
              question={t("faces.revokeQuestion", { name: personName })} onConfirm={revokeConsent} />
          )}
        </div>
      </div>

      <Banner kind="success">{message}</Banner>
      <Banner kind="error">{error}</Banner>

      <form className="inline-form" onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}>
        <div className="field">
          <label htmlFor={inputId}>{t("faces.photos")}</label>
          <input id={inputId} ref={fileInput} type="file" multiple
            accept="image/jpeg,image/png,image/webp,image/bmp" aria-describedby={`${inputId}-hint`}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
          <p className="field-hint" id={`${inputId}-hint`}>
            {t("faces.photosHint", { max: MAX_PHOTOS_PER_UPLOAD })}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!files.length || busy || consent === "none"}>
            {busy ? t("faces.uploading") : t("faces.upload")}
          </button>
        </div>
      </form>

      {results && <UploadResults results={results} />}

      <div className="faces-header">
        <h3>{t("faces.enrolled", { count })}</h3>
        {count > 0 && (
          <ConfirmButton label={t("faces.deleteAll")} question={t("faces.deleteAllQuestion", { count })}
            onConfirm={removeAll} />
        )}
      </div>
      {list && count === 0 && <p className="muted">{t("faces.none")}</p>}
      {count > 0 && (
        <ul className="face-grid" aria-label={t("faces.enrolledList")}>
          {list!.map((face, i) => (
            <li key={face.id} className="face-card">
              <FaceThumbnail personId={personId} face={face}
                alt={t("faces.photoAlt", { n: i + 1, name: personName })}
                loadingText={t("common.loading")} errorText={t("faces.imageError")} />
              <div className="face-card-meta">
                <QualityBadge face={face} />
                <span className="muted">{formatDateTime(face.created_at, i18n.language)}</span>
              </div>
              <ConfirmButton label={t("faces.deletePhoto")} question={t("faces.deletePhotoQuestion")}
                onConfirm={() => removeFace(face)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
