/**
 * The kiosk's logic without the browser: what to show for an answer, and the frame loop
 * that never has more than one request in flight and keeps retrying when the network or
 * the camera goes away.
 */
import type { FaceDecision, FrameResult } from "../api/gate";

export type Tone = "idle" | "granted" | "denied" | "retry" | "offline";

export interface KioskView {
  tone: Tone;
  /** i18n key of the big message. */
  messageKey: string;
  name?: string;
  unit?: string | null;
  box?: FaceDecision["bbox"] | null;
}

export const IDLE: KioskView = { tone: "idle", messageKey: "kiosk.lookAtCamera" };
const RETRY_KEYS = new Set(["frame_too_small", "face_too_small", "too_dark", "too_bright", "blurry",
  "not_frontal"]);

/** The face the kiosk talks to: the largest one (the person closest to the camera). */
export function mainFace(result: FrameResult): FaceDecision | null {
  let best: FaceDecision | null = null;
  for (const face of result.faces) {
    if (!best || face.bbox.w * face.bbox.h > best.bbox.w * best.bbox.h) best = face;
  }
  return best;
}

export function viewOf(result: FrameResult): KioskView {
  const face = mainFace(result);
  if (!face) return IDLE;
  const box = face.bbox;
  switch (face.decision) {
    case "granted":
      return { tone: "granted", messageKey: "kiosk.welcome", name: face.person?.name,
        unit: face.person?.unit ?? null, box };
    case "denied":
      return { tone: "denied", messageKey: `kiosk.denied.${face.reason}`, name: face.person?.name, box };
    case "unknown":
      return { tone: "denied", messageKey: "kiosk.unknown", box };
    default:
      return { tone: "retry",
        messageKey: RETRY_KEYS.has(face.reason) ? `kiosk.retry.${face.reason}` : "kiosk.retry.generic", box };
  }
}

/** How long a result stays on screen before the next frame is sent. */
export function holdMs(view: KioskView): number {
  return view.tone === "granted" || view.tone === "denied" ? 3000 : 250;
}

/** Wait after the n-th failure in a row: 1 s, 2 s, 4 s ... at most 10 s. */
export function backoffMs(failures: number): number {
  return Math.min(10_000, 1000 * 2 ** Math.max(0, failures - 1));
}

export interface LoopHooks {
  /** A JPEG of the current camera picture, or null when the camera is not ready. */
  capture: () => Promise<Blob | null>;
  send: (frame: Blob, signal: AbortSignal) => Promise<FrameResult>;
  onView: (view: KioskView) => void;
  onFailure: (error: unknown, failures: number) => void;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Capture, send, wait for the answer, show it, repeat: one request at a time. */
export class FrameLoop {
  private running = false;
  private controller: AbortController | null = null;
  inFlight = 0;

  constructor(private hooks: LoopHooks) {}

  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    this.running = true;
    return this.run();
  }

  stop() {
    this.running = false;
    this.controller?.abort();
  }

  private async run() {
    const sleep = this.hooks.sleep ?? realSleep;
    let failures = 0;
    while (this.running) {
      const frame = await this.hooks.capture().catch(() => null);
      if (!frame) {
        await sleep(500); // the camera is starting or gone: the page restarts it
        continue;
      }
      this.controller = new AbortController();
      const timer = setTimeout(() => this.controller?.abort(), this.hooks.timeoutMs ?? 15_000);
      this.inFlight += 1;
      try {
        const view = viewOf(await this.hooks.send(frame, this.controller.signal));
        failures = 0;
        if (!this.running) break;
        this.hooks.onView(view);
        await sleep(holdMs(view));
      } catch (error) {
        failures += 1;
        if (!this.running) break;
        this.hooks.onFailure(error, failures);
        await sleep(backoffMs(failures));
      } finally {
        this.inFlight -= 1;
        clearTimeout(timer);
      }
    }
  }
}
