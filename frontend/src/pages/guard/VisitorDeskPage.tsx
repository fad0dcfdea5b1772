import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, formatApiError } from "../../api/errors";
import { gates as gatesApi } from "../../api/gates";
import { units as unitsApi } from "../../api/units";
import {
  scans, visits as visitsApi, type DocType, type LiveVisit, type ScanResult, type Visit,
} from "../../api/visitors";
import { VisitorNameFields } from "../../components/VisitorNameFields";
import { Banner } from "../../components/Banner";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { captureJpeg, useCamera } from "../../hooks/useCamera";
import { useEventStream } from "../../hooks/useEventStream";
import { VisitPhoto } from "../resident/VisitParts";


/** `/visitors`: the guard's visitor desk: walk-ins with a webcam photo and the resident's
 * answer live, the QR scanner, and who is inside now. */
export function VisitorDeskPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const gates = useQuery({
    queryKey: ["gates", "list", { page_size: 100 }], queryFn: () => gatesApi.list({ page_size: 100 }),
  });
  const gateList = (gates.data?.items ?? []).filter((g) => g.is_active !== false);
  const [chosenGate, setChosenGate] = useState(0);
  // Until the guard picks one, the first active gate.
  const gateId = chosenGate || (gateList[0]?.id ?? 0);
  const insideList = useQuery({ queryKey: ["visits", "inside"], queryFn: visitsApi.inside });
  const inside = insideList.data ?? [];
  const reloadVisits = useCallback(() => queryClient.invalidateQueries({ queryKey: ["visits"] }), [queryClient]);
  const exit = useMutation({ mutationFn: (visit: Visit) => visitsApi.exit(visit.id, gateId), onSuccess: reloadVisits });
  const [live, setLive] = useState<LiveVisit | null>(null);
  // A visit changed (asked, answered, in, out): who is inside may have changed too.
  const stream = useEventStream({
    visit: (data) => { setLive(data as LiveVisit); void reloadVisits(); },
  });

  return (
    <section className="page">
      <PageHeader title={t("visitors.desk.title")}
        actions={<span className={`pill ${stream === "live" ? "pill-ok" : "pill-warn"}`} role="status">
          {t(`console.stream.${stream}`)}</span>} />
      <QueryError error={gates.error ?? insideList.error ?? exit.error} />
      <label className="field inline">{t("console.gate")}
        <select value={gateId} onChange={(e) => setChosenGate(Number(e.target.value))}>
          {gateList.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      </label>
      <div className="console-grid">
        <WalkInPanel gateId={gateId} live={live} />
        <div>
          <QrScannerPanel gateId={gateId} />
          <section className="panel" aria-labelledby="inside-title">
            <h2 id="inside-title">{t("visitors.desk.inside")}</h2>
            {inside.length === 0 ? <p className="muted">{t("visitors.desk.nobodyInside")}</p> : (
              <ul className="event-list" aria-label={t("visitors.desk.inside")}>
                {inside.map((v) => (
                  <li key={v.id} className="event-row event-granted">
                    <div><strong>{v.visitor_name}</strong> <span className="muted">· {v.unit}</span></div>
                    <button type="button" className="button" disabled={exit.isPending}
                      onClick={() => exit.mutate(v)}>{t("visitors.desk.exit")}</button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}

/** The guard's words for a refused walk-in: the photo's problems, else the API error. */
function walkInError(err: unknown, t: ReturnType<typeof useTranslation>["t"]): string {
  const reasons = err instanceof ApiError ? (err.fieldErrors.photo ?? []) : [];
  return reasons.length
    ? t("visitors.desk.photoRejected", { reasons: reasons.map((r) => t(`visitors.photoReason.${r}`, { defaultValue: r })).join(", ") })
    : formatApiError(err, t);
}

function WalkInPanel({ gateId, live }: { gateId: number; live: LiveVisit | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { videoRef, state } = useCamera();
  const canvas = useRef<HTMLCanvasElement>(document.createElement("canvas"));
  const [photo, setPhoto] = useState<{ blob: Blob; url: string } | null>(null);
  const units = useQuery({
    queryKey: ["units", "list", { page_size: 100 }], queryFn: () => unitsApi.list({ page_size: 100 }),
  });
  const unitList = units.data?.items ?? [];
  const [fields, setForm] = useState({ unit_id: "", first_name: "", last_name: "", doc_type: "rut",
    doc_number: "", phone: "", plate: "" });
  // Until the guard picks one, the first unit.
  const form = { ...fields, unit_id: fields.unit_id || String(unitList[0]?.id ?? "") };
  const [status, setStatus] = useState("");
  const walkIn = useMutation({
    mutationFn: () => visitsApi.walkIn({
      ...form, doc_type: form.doc_type as DocType, unit_id: Number(form.unit_id), gate_id: gateId,
      photo: photo?.blob ?? null,
    }),
    onSuccess: (created) => setStatus(created.status),
  });
  const visit = walkIn.data ?? null;
  const entry = useMutation({
    mutationFn: (id: number) => visitsApi.entry(id, gateId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["visits"] }),
  });
  const entered = entry.isSuccess && entry.variables === visit?.id;
  const failure = walkIn.error ?? entry.error;
  useEffect(() => { if (visit && live && live.id === visit.id) setStatus(live.status); }, [live, visit]);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const take = async () => {
    const shot = await captureJpeg(videoRef.current, canvas.current);
    if (shot) setPhoto((old) => { if (old) URL.revokeObjectURL(old.url); return { blob: shot.blob, url: URL.createObjectURL(shot.blob) }; });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    entry.reset();
    walkIn.mutate();
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={t("visitors.desk.walkIn")}>
      <h2>{t("visitors.desk.walkIn")}</h2>
      <QueryError error={units.error} />
      <Banner kind="error">{failure ? walkInError(failure, t) : null}</Banner>
      <div className="photo-capture">
        <video ref={videoRef} muted playsInline aria-label={t("visitors.desk.camera")} />
        {photo && <img src={photo.url} alt={t("visitors.desk.photoTaken")} />}
      </div>
      <button type="button" className="button" onClick={() => void take()} disabled={state !== "live"}>
        {t("visitors.desk.takePhoto")}</button>
      <label className="field">{t("visitors.unit")}
        <select value={form.unit_id} onChange={set("unit_id")} required>
          {unitList.map((u) => <option key={u.id} value={u.id}>{u.code}</option>)}
        </select>
      </label>
      <VisitorNameFields values={form} bind={set} />
      <label className="field">{t("visitors.docNumber")}<input value={form.doc_number} onChange={set("doc_number")} required /></label>
      <label className="field">{t("visitors.phone")}<input value={form.phone} onChange={set("phone")} type="tel" /></label>
      <label className="field">{t("visitors.plate")}<input value={form.plate} onChange={set("plate")} /></label>
      <button type="submit" className="button primary">{t("visitors.desk.askResident")}</button>
      {visit && (
        <div className={`visit-status status-${status}`} role="status" aria-label={t("visitors.desk.answer")}>
          <strong>{visit.visitor_name}</strong> · {visit.unit} · {t(`visitors.status.${status}`)}
          {visit.alerts?.map((a) => <div key={a} className="field-error">{t(`console.alertKind.${a}`, { defaultValue: a })}</div>)}
          {status === "approved" && !entered && (
            <button type="button" className="button primary" onClick={() => entry.mutate(visit.id)}>{t("visitors.desk.letIn")}</button>)}
          {entered && <div>{t("visitors.desk.entered")}</div>}
        </div>
      )}
    </form>
  );
}

/** Reads passes with the camera: the browser's barcode reader when it has one, otherwise
 * frames sent to the server (one at a time); a hand scanner types into the text box. */
function QrScannerPanel({ gateId }: { gateId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [on, setOn] = useState(false);
  const [result, setResult] = useState<ScanResult | null>(null);
  const [text, setText] = useState("");
  const show = (res: ScanResult) => {
    setResult(res);
    if (res.decision === "granted") void queryClient.invalidateQueries({ queryKey: ["visits"] });
  };
  const typed = useMutation({
    mutationFn: (payload: string) => scans.payload(gateId, payload),
    onSuccess: (res) => {
      show(res);
      setText("");
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    typed.mutate(text.trim());
  };
  return (
    <section className="panel" aria-label={t("visitors.desk.scanner")}>
      <h2>{t("visitors.desk.scanner")}</h2>
      <button type="button" className="button" onClick={() => setOn((v) => !v)}>
        {on ? t("visitors.desk.stopScanner") : t("visitors.desk.startScanner")}</button>
      {on && <ScannerCamera gateId={gateId} onResult={(res) => { show(res); setOn(false); }} />}
      <QueryError error={typed.error} />
      <form onSubmit={submit}>
        <label className="field">{t("visitors.desk.payload")}
          <input value={text} onChange={(e) => setText(e.target.value)} required /></label>
      </form>
      {result && (
        <div className={`visit-status decision-${result.decision}`} role="status">
          <strong>{t(`console.decision.${result.decision}`)}</strong>
          {" · "}{t(`visitors.scanReason.${result.reason}`, { defaultValue: result.reason })}
          {result.visit && <div>{result.visit.visitor_name} · {result.visit.unit}</div>}
          {result.visit?.has_photo && (
            <figure className="compare-photo">
              <VisitPhoto visitId={result.visit.id} alt={result.visit.visitor_name ?? ""} thumb={false} />
              <figcaption className="muted">{t("visitors.desk.photoToCompare")}</figcaption>
            </figure>
          )}
        </div>
      )}
    </section>
  );
}

function ScannerCamera({ gateId, onResult }: { gateId: number; onResult: (r: ScanResult) => void }) {
  const { videoRef, state } = useCamera();
  const done = useRef(onResult);
  done.current = onResult;
  useEffect(() => {
    if (state !== "live") return;
    let stopped = false;
    const canvas = document.createElement("canvas");
    const Detector = (window as unknown as { BarcodeDetector?: new (o: object) => { detect(v: HTMLVideoElement): Promise<{ rawValue: string }[]> } }).BarcodeDetector;
    const detector = Detector ? new Detector({ formats: ["qr_code"] }) : null;
    async function loop() {
      while (!stopped) {
        try {
          if (detector && videoRef.current) {
            const [code] = await detector.detect(videoRef.current);
            if (code) return done.current(await scans.payload(gateId, code.rawValue));
          } else {
            const shot = await captureJpeg(videoRef.current, canvas);
            if (shot) return done.current(await scans.frame(gateId, shot.blob));
          }
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 422)) console.warn(err);
        }
        await new Promise((r) => setTimeout(r, 700));
      }
    }
    void loop();
    return () => { stopped = true; };
  }, [state, gateId, videoRef]);
  return <video ref={videoRef} muted playsInline className="scanner" />;
}
