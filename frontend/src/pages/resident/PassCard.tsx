import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, formatApiError } from "../../api/errors";
import { visits as visitsApi, type Visit } from "../../api/visitors";
import { Banner } from "../../components/Banner";
import { useBlobUrl } from "../../hooks/useBlobUrl";
import { VisitPhoto } from "./VisitParts";

/** The pass just issued (render it with `key={visit.id}`): its QR code, download and share, sending it to the visitor (e-mail,
 * WhatsApp, SMS), and the visitor's photo (attach another if the first was refused). */
export function PassCard({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pass = useBlobUrl(["visits", "pass", visit.id], () => visitsApi.passPng(visit.id));
  const url = pass.url;
  const file = useMemo(() => pass.blob && new File([pass.blob], `pase-${visit.id}.png`, { type: "image/png" }),
    [pass.blob, visit.id]);
  const [photo, setPhoto] = useState<File | null>(null);
  const send = useMutation({ mutationFn: () => visitsApi.sendPass(visit.id) });
  const attach = useMutation({
    mutationFn: (chosen: File) => visitsApi.attachPhoto(visit.id, chosen),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["visits"] }),
  });
  // What the answers say, over what the visit said when the pass was issued.
  const sentBy = send.data ?? visit.pass_sent_by ?? [];
  const hasPhoto = attach.data?.has_photo ?? visit.has_photo;
  const failure = pass.error ?? send.error ?? attach.error;
  const reasons = attach.error instanceof ApiError ? (attach.error.fieldErrors.photo ?? []) : [];
  const message = !failure ? "" : reasons.length && failure === attach.error
    ? t("visitors.desk.photoRejected", {
      reasons: reasons.map((r) => t(`visitors.photoReason.${r}`, { defaultValue: r })).join(", ") })
    : formatApiError(failure, t);
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
        <form onSubmit={(e) => { e.preventDefault(); if (photo) attach.mutate(photo); }}>
          <PhotoInput file={photo} onChange={setPhoto} />
          <button type="submit" className="button" disabled={!photo}>{t("visitors.new.attachPhoto")}</button>
        </form>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={() => send.mutate()}>{t("visitors.pass.send")}</button>
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
