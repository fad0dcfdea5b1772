import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/errors";
import { gates as gatesApi, type Gate } from "../../api/gates";
import { units as unitsApi, type Unit } from "../../api/units";
import { scans, visits as visitsApi, type LiveVisit, type ScanResult, type Visit } from "../../api/visitors";
import { VisitorNameFields } from "../../components/VisitorNameFields";
import { Banner } from "../../components/Banner";
import { PageHeader } from "../../components/PageHeader";
import { captureJpeg, useCamera } from "../../hooks/useCamera";
import { useEventStream } from "../../hooks/useEventStream";
import { VisitPhoto } from "../resident/VisitParts";


/** `/visitors`: the guard's visitor desk: walk-ins with a webcam photo and the resident's
 * answer live, the QR scanner, and who is inside now. */
export function VisitorDeskPage() {
  const { t } = useTranslation();
  const [gateList, setGateList] = useState<Gate[]>([]);
  const [gateId, setGateId] = useState(0);
  const [inside, setInside] = useState<Visit[]>([]);
  const [live, setLive] = useState<LiveVisit | null>(null);
  const reloadInside = useCallback(() => { visitsApi.inside().then(setInside).catch(() => undefined); }, []);
  const stream = useEventStream({
    visit: (data) => { setLive(data as LiveVisit); reloadInside(); },
  });
  useEffect(() => {
    gatesApi.list({ page_size: 100 }).then((page) => {
      const active = page.items.filter((g) => g.is_active !== false);
      setGateList(active);
      if (active[0]) setGateId(active[0].id);
    }).catch(() => undefined);
    reloadInside();
  }, [reloadInside]);

  return (
    <section className="page">
      <PageHeader title={t("visitors.desk.title")}
        actions={<span className={`pill ${stream === "live" ? "pill-ok" : "pill-warn"}`} role="status">
          {t(`console.stream.${stream}`)}</span>} />
      <label className="field inline">{t("console.gate")}
        <select value={gateId} onChange={(e) => setGateId(Number(e.target.value))}>
          {gateList.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      </label>
      <div className="console-grid">
        <WalkInPanel gateId={gateId} live={live} onEntered={reloadInside} />
        <div>
          <QrScannerPanel gateId={gateId} onEntered={reloadInside} />
          <section className="panel" aria-labelledby="inside-title">
            <h2 id="inside-title">{t("visitors.desk.inside")}</h2>
            {inside.length === 0 ? <p className="muted">{t("visitors.desk.nobodyInside")}</p> : (
              <ul className="event-list" aria-label={t("visitors.desk.inside")}>
                {inside.map((v) => (
                  <li key={v.id} className="event-row event-granted">
                    <div><strong>{v.visitor_name}</strong> <span className="muted">· {v.unit}</span></div>
                    <button type="button" className="button" onClick={() =>
                      void visitsApi.exit(v.id, gateId).then(reloadInside)}>{t("visitors.desk.exit")}</button>
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

function WalkInPanel({ gateId, live, onEntered }: { gateId: number; live: LiveVisit | null; onEntered: () => void }) {
  const { t } = useTranslation();
  const { videoRef, state } = useCamera();
  const canvas = useRef<HTMLCanvasElement>(document.createElement("canvas"));
  const [photo, setPhoto] = useState<{ blob: Blob; url: string } | null>(null);
  const [unitList, setUnitList] = useState<Unit[]>([]);
  const [form, setForm] = useState({ unit_id: "", first_name: "", last_name: "", doc_type: "rut",
    doc_number: "", phone: "", plate: "" });
  const [visit, setVisit] = useState<Visit | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [entered, setEntered] = useState(false);
  useEffect(() => {
    unitsApi.list({ page_size: 100 }).then((page) => {
      setUnitList(page.items);
      if (page.items[0]) setForm((f) => ({ ...f, unit_id: String(page.items[0].id) }));
    }).catch(() => undefined);
  }, []);
  useEffect(() => { if (visit && live && live.id === visit.id) setStatus(live.status); }, [live, visit]);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const take = async () => {
    const shot = await captureJpeg(videoRef.current, canvas.current);
    if (shot) setPhoto((old) => { if (old) URL.revokeObjectURL(old.url); return { blob: shot.blob, url: URL.createObjectURL(shot.blob) }; });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError("");
    setEntered(false);
    try {
      const created = await visitsApi.walkIn({ ...form, unit_id: Number(form.unit_id), gate_id: gateId,
        photo: photo?.blob ?? null });
      setVisit(created);
      setStatus(created.status);
    } catch (err) {
      const reasons = err instanceof ApiError ? (err.fieldErrors.photo ?? []) : [];
      setError(reasons.length ? t("visitors.desk.photoRejected", { reasons: reasons.map((r) => t(`visitors.photoReason.${r}`, { defaultValue: r })).join(", ") })
        : err instanceof ApiError && err.detail ? err.detail : t("errors.network"));
    }
  };
  const enter = async () => {
    if (!visit) return;
    try {
      await visitsApi.entry(visit.id, gateId);
      setEntered(true);
      onEntered();
    } catch (err) {
      setError(err instanceof ApiError && err.detail ? err.detail : t("errors.network"));
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label={t("visitors.desk.walkIn")}>
      <h2>{t("visitors.desk.walkIn")}</h2>
      <Banner kind="error">{error}</Banner>
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
            <button type="button" className="button primary" onClick={() => void enter()}>{t("visitors.desk.letIn")}</button>)}
          {entered && <div>{t("visitors.desk.entered")}</div>}
        </div>
      )}
    </form>
  );
}

/** Reads passes with the camera: the browser's barcode reader when it has one, otherwise
 * frames sent to the server (one at a time); a hand scanner types into the text box. */
function QrScannerPanel({ gateId, onEntered }: { gateId: number; onEntered: () => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const [result, setResult] = useState<ScanResult | null>(null);
  const [text, setText] = useState("");
  const show = (res: ScanResult) => { setResult(res); if (res.decision === "granted") onEntered(); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    show(await scans.payload(gateId, text.trim()));
    setText("");
  };
  return (
    <section className="panel" aria-label={t("visitors.desk.scanner")}>
      <h2>{t("visitors.desk.scanner")}</h2>
      <button type="button" className="button" onClick={() => setOn((v) => !v)}>
        {on ? t("visitors.desk.stopScanner") : t("visitors.desk.startScanner")}</button>
      {on && <ScannerCamera gateId={gateId} onResult={(res) => { show(res); setOn(false); }} />}
      <form onSubmit={(e) => void submit(e)}>
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
