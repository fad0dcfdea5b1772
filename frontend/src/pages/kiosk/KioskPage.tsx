import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { kiosk } from "../../api/gate";
import { ApiError } from "../../api/errors";
import { LanguageSwitcher } from "../../components/LanguageSwitcher";
import { usePageTitle } from "../../hooks/usePageTitle";
import { captureJpeg, useCamera } from "../../hooks/useCamera";
import { FrameLoop, IDLE, type KioskView } from "../../lib/kiosk";
import { readKioskConfig, saveKioskConfig, type KioskConfig } from "./kioskConfig";

/** The device token was refused (revoked, or for another gate): retrying will not help. */
function isRefused(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 401 || err.status === 403);
}

/** `/kiosk`: the full-screen gate terminal, authenticated by its device token. */
export function KioskPage() {
  const [config, setConfig] = useState<KioskConfig | null>(() => readKioskConfig());
  if (!config) {
    return <KioskSetup onSave={(c) => { saveKioskConfig(c); setConfig(c); }} />;
  }
  return <KioskScreen config={config} onReset={() => { saveKioskConfig(null); setConfig(null); }} />;
}

function KioskSetup({ onSave }: { onSave: (config: KioskConfig) => void }) {
  const { t } = useTranslation();
  usePageTitle(t("kiosk.setupTitle"));
  const [gate, setGate] = useState("");
  const [token, setToken] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Number(gate) > 0 && token.trim()) onSave({ gateId: Number(gate), token: token.trim() });
  };
  return (
    <main className="kiosk-setup">
      <form className="login-card" onSubmit={submit}>
        <h1>{t("kiosk.setupTitle")}</h1>
        <p className="muted">{t("kiosk.setupHelp")}</p>
        <label className="field">{t("kiosk.gateId")}
          <input inputMode="numeric" value={gate} onChange={(e) => setGate(e.target.value)} required />
        </label>
        <label className="field">{t("kiosk.deviceToken")}
          <input value={token} onChange={(e) => setToken(e.target.value)} required autoComplete="off" />
        </label>
        <button type="submit" className="button primary">{t("kiosk.start")}</button>
      </form>
    </main>
  );
}

function KioskScreen({ config, onReset }: { config: KioskConfig; onReset: () => void }) {
  const { t } = useTranslation();
  const { videoRef, state: camera } = useCamera();
  // The gate's name and state; a refused token stops, anything else is retried every 3 s.
  const status = useQuery({
    queryKey: ["kiosk-status", config.gateId, config.token],
    queryFn: () => kiosk.status(config.gateId, config.token),
    retry: (_, err) => !isRefused(err),
    retryDelay: 3000,
  });
  const gate = status.data ?? null;
  const [view, setView] = useState<KioskView>(IDLE);
  const [framesOffline, setOffline] = useState(false);
  const [framesRejected, setRejected] = useState(false);
  const rejected = framesRejected || isRefused(status.error);
  const offline = framesOffline || (!gate && status.failureCount > 0 && !rejected);
  const [qrMode, setQrMode] = useState(false);
  const frameSize = useRef({ width: 640, height: 480 });
  usePageTitle(gate ? `${t("kiosk.title")} · ${gate.name}` : t("kiosk.title"));

  // QR mode: frames go to the pass reader until a pass is read or 30 s pass.
  useEffect(() => {
    if (!gate || rejected || !qrMode) return;
    let stopped = false;
    const canvas = document.createElement("canvas");
    const until = Date.now() + 30_000;
    setView({ tone: "idle", messageKey: "kiosk.qrShow" });
    (async () => {
      while (!stopped && Date.now() < until) {
        const shot = await captureJpeg(videoRef.current, canvas);
        try {
          if (shot) {
            const res = await kiosk.qrFrame(config.gateId, config.token, shot.blob);
            if (stopped) return;
            setView(res.decision === "granted"
              ? { tone: "granted", messageKey: "kiosk.qrGranted", name: res.visit?.visitor_name ?? "", unit: res.visit?.unit }
              : { tone: "denied", messageKey: "kiosk.qrDenied", name: t(`visitors.scanReason.${res.reason}`, { defaultValue: res.reason }) });
            await new Promise((r) => setTimeout(r, 4000));
            break;
          }
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 422)) break;
        }
        await new Promise((r) => setTimeout(r, 700));
      }
      if (!stopped) setQrMode(false);
    })();
    return () => { stopped = true; };
  }, [gate, rejected, qrMode, config, videoRef, t]);

  useEffect(() => {
    if (!gate || rejected || qrMode) return;
    const canvas = document.createElement("canvas");
    const loop = new FrameLoop({
      capture: async () => {
        const shot = await captureJpeg(videoRef.current, canvas);
        if (!shot) return null;
        frameSize.current = { width: shot.width, height: shot.height };
        return shot.blob;
      },
      send: (frame, signal) => kiosk.frame(config.gateId, config.token, frame, signal),
      onView: (next) => { setOffline(false); setView(next); },
      onFailure: (err) => {
        if (isRefused(err)) {
          setRejected(true);
          loop.stop();
        } else if (err instanceof ApiError) {
          setView({ tone: "retry", messageKey: "kiosk.retry.generic" });
        } else {
          setOffline(true);
        }
      },
    });
    void loop.start();
    return () => loop.stop();
  }, [gate, rejected, qrMode, config, videoRef]);

  const { width, height } = frameSize.current;
  const tone = rejected || offline ? "offline" : view.tone;
  return (
    <main className={`kiosk kiosk-${tone}`}>
      <header className="kiosk-bar">
        <strong>{gate?.name ?? t("kiosk.title")}</strong>
        <span className="kiosk-status" role="status">
          {camera !== "live" ? t(camera === "failed" ? "kiosk.cameraFailed" : "kiosk.cameraStarting")
            : offline ? t("kiosk.offline") : t("kiosk.online")}
        </span>
        <span className="topbar-spacer" />
        <button type="button" className="button" onClick={() => setQrMode((on) => !on)}>
          {t(qrMode ? "kiosk.qrCancel" : "kiosk.qrButton")}</button>
        <LanguageSwitcher />
        <button type="button" className="button"
          onClick={() => void document.documentElement.requestFullscreen?.()
            // Refused full screen (a browser policy) leaves the kiosk usable as it is.
            .catch((err: unknown) => console.debug("fullscreen refused", err))}>
          {t("kiosk.fullscreen")}
        </button>
      </header>
      <div className="kiosk-stage">
        <video ref={videoRef} muted playsInline aria-label={t("kiosk.camera")} />
        {view.box && tone !== "offline" && (
          <svg className="kiosk-box" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet"
            aria-hidden="true">
            <rect x={view.box.x} y={view.box.y} width={view.box.w} height={view.box.h}
              vectorEffect="non-scaling-stroke" />
          </svg>
        )}
      </div>
      <section className="kiosk-result" aria-live="polite" data-tone={tone}>
        {rejected ? (
          <>
            <p className="kiosk-message">{t("kiosk.deviceRejected")}</p>
            <button type="button" className="button" onClick={onReset}>{t("kiosk.reconfigure")}</button>
          </>
        ) : offline ? (
          <p className="kiosk-message">{t("kiosk.offlineRetrying")}</p>
        ) : (
          <>
            <p className="kiosk-message">{t(view.messageKey, { name: view.name ?? "" })}</p>
            {view.tone === "granted" && view.unit && <p className="kiosk-detail">{view.unit}</p>}
          </>
        )}
      </section>
    </main>
  );
}
