import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, formatApiError } from "../api/errors";
import { biometricConsent, faces, type Consent, type EnrolResult, type Face } from "../api/faces";
import { BIOMETRIC_CONSENT_VERSION, MAX_PHOTOS_PER_UPLOAD, reasonsText } from "../lib/faces";
import { formatDateTime } from "../lib/format";
import { Banner } from "./Banner";
import { ConfirmButton } from "./ConfirmButton";
import { FaceThumbnail } from "./FaceThumbnail";

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
  const [list, setList] = useState<Face[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [consent, setConsent] = useState<ConsentState>("unknown");
  const [consentRecord, setConsentRecord] = useState<Consent | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<EnrolResult[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([faces.list(personId), biometricConsent.current(personId)])
      .then(([items, record]) => {
        if (!live) return;
        setList(items);
        setLoadError(null);
        setConsentRecord(record);
        setConsent(record ? "granted" : "none");
      })
      .catch((err) => live && setLoadError(formatApiError(err, t)));
    return () => {
      live = false;
    };
  }, [personId, reload]);

  function start() {
    setMessage(null);
    setError(null);
  }

  async function recordConsent() {
    start();
    setBusy(true);
    try {
      const record = await biometricConsent.record(personId, BIOMETRIC_CONSENT_VERSION);
      setConsentRecord(record);
      setConsent("granted");
      setMessage(t("faces.consentRecorded"));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setConsent("granted");
        setMessage(t("faces.consentAlreadyRecorded"));
      } else {
        setError(formatApiError(err, t));
      }
    } finally {
      setBusy(false);
    }
  }

  async function revokeConsent() {
    start();
    try {
      await biometricConsent.revoke(personId);
      setMessage(t("faces.consentRevoked"));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) {
        setError(formatApiError(err, t));
        return;
      }
      setMessage(t("faces.noConsentToRevoke"));
    }
    setConsent("none");
    setConsentRecord(null);
    setResults(null);
    setReload((n) => n + 1);
  }

  async function upload() {
    if (!files.length) return;
    start();
    setResults(null);
    if (files.length > MAX_PHOTOS_PER_UPLOAD) {
      setError(t("faces.tooManyPhotos", { max: MAX_PHOTOS_PER_UPLOAD }));
      return;
    }
    setBusy(true);
    try {
      const answer = await faces.enrol(personId, files);
      setResults(answer);
      setConsent("granted");
      setFiles([]);
      if (fileInput.current) fileInput.current.value = "";
      setReload((n) => n + 1);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setConsent("none");
        setError(t("faces.consentRequired"));
      } else {
        const details = err instanceof ApiError ? err.fieldErrors.image ?? [] : [];
        setError([formatApiError(err, t), ...details].join(" "));
      }
    } finally {
      setBusy(false);
    }
  }

  async function removeFace(face: Face) {
    start();
    try {
      await faces.remove(personId, face.id);
      setMessage(t("faces.photoDeleted"));
    } catch (err) {
      setError(formatApiError(err, t));
    }
    setReload((n) => n + 1);
  }

  async function removeAll() {
    start();
    try {
      await faces.removeAll(personId);
      setResults(null);
      setMessage(t("faces.allDeleted"));
    } catch (err) {
      setError(formatApiError(err, t));
    }
    setReload((n) => n + 1);
  }

  const count = list?.length ?? 0;

  return (
    <section className="panel faces-panel" aria-labelledby="faces-title">
      <h2 id="faces-title">{t("faces.title")}</h2>
      <Banner kind="error">{loadError}</Banner>

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
