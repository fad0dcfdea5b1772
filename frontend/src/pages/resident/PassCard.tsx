import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/errors";
import { visits as visitsApi, type Visit } from "../../api/visitors";
import { Banner } from "../../components/Banner";
import { VisitPhoto } from "./VisitParts";

/** The pass just issued: its QR code, download and share, sending it to the visitor (e-mail,
 * WhatsApp, SMS), and the visitor's photo (attach another if the first was refused). */
export function PassCard({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  useEffect(() => {
    let revoked = false;
    let objectUrl = "";
    visitsApi.passPng(visit.id).then((blob) => {
      if (revoked) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
      setFile(new File([blob], `pase-${visit.id}.png`, { type: "image/png" }));
    }).catch(() => undefined);
    return () => { revoked = true; if (objectUrl) URL.revokeObjectURL(objectUrl); };
  }, [visit.id]);
  const [sentBy, setSentBy] = useState<string[]>(visit.pass_sent_by ?? []);
  const [hasPhoto, setHasPhoto] = useState(visit.has_photo);
  const [photo, setPhoto] = useState<File | null>(null);
  const [message, setMessage] = useState("");
  useEffect(() => { setSentBy(visit.pass_sent_by ?? []); setHasPhoto(visit.has_photo); setMessage(""); }, [visit]);
  const problem = (err: unknown) => (err instanceof ApiError && err.detail ? err.detail : t("errors.network"));
  const send = async () => {
    setMessage("");
    try { setSentBy(await visitsApi.sendPass(visit.id)); } catch (err) { setMessage(problem(err)); }
  };
  const attach = async () => {
    if (!photo) return;
    setMessage("");
    try {
      setHasPhoto((await visitsApi.attachPhoto(visit.id, photo)).has_photo);
    } catch (err) {
      const reasons = err instanceof ApiError ? (err.fieldErrors.photo ?? []) : [];
      setMessage(reasons.length ? t("visitors.desk.photoRejected", {
        reasons: reasons.map((r) => t(`visitors.photoReason.${r}`, { defaultValue: r })).join(", ") }) : problem(err));
    }
  };
  const canShare = !!file && typeof navigator.canShare === "function" && navigator.canShare({ files: [file] });
  return (
    <section className="panel pass-card" aria-label={t("visitors.pass.title")}>
      <h2>{t("visitors.pass.title")}</h2>
      <p>{t("visitors.pass.for", { name: visit.visitor_name })}</p>
      {url && <img src={url} alt={t("visitors.pass.qrAlt")} className="qr" />}
      <p className="muted" role="status">{sentBy.length
        ? t("visitors.pass.sentBy", { channels: sentBy.map((c) => t(`visitors.pass.channel.${c}`, { defaultValue: c })).join(", ") })
        : t("visitors.pass.notSent")}</p>
      {message && <Banner kind="error">{message}</Banner>}
      {hasPhoto ? <VisitPhoto visitId={visit.id} alt={visit.visitor_name ?? ""} /> : (
        <form onSubmit={(e) => { e.preventDefault(); void attach(); }}>
          <PhotoInput file={photo} onChange={setPhoto} />
          <button type="submit" className="button" disabled={!photo}>{t("visitors.new.attachPhoto")}</button>
        </form>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void send()}>{t("visitors.pass.send")}</button>
        {url && <a className="button" href={url} download={`pase-${visit.id}.png`}>{t("visitors.pass.download")}</a>}
        {canShare && <button type="button" className="button primary"
          onClick={() => void navigator.share({ files: [file!], title: t("visitors.pass.title") })}>
          {t("visitors.pass.share")}</button>}
      </div>
    </section>
  );
}

/** The visitor's photo: a file, or the phone's camera (the `capture` hint). */
export function PhotoInput({ file, onChange }: { file: File | null; onChange: (f: File | null) => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!file) { setPreview(null); return undefined; }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return (
    <label className="field">{t("visitors.new.photo")}
      <input type="file" accept="image/jpeg,image/png,image/webp" capture="user"
        onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
      {preview && <img src={preview} alt={t("visitors.desk.photoTaken")} className="visit-photo" />}
    </label>
  );
}
