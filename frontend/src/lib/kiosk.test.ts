import { describe, expect, it } from "vitest";
import type { FrameResult } from "../api/gate";
import { backoffMs, FrameLoop, viewOf } from "./kiosk";

const face = (decision: string, reason: string, w = 100, name = "Ana Rojas") => ({
  bbox: { x: 10, y: 10, w, h: w }, decision, reason, direction: "entry", similarity: 0.97,
  person: decision === "unknown" || decision === "retry" ? null
    : { id: 1, name, kind: "owner", unit: "A-101" },
}) as FrameResult["faces"][number];
const result = (...faces: FrameResult["faces"]): FrameResult => ({ faces, event_ids: [], model_version: 1 });

describe("what the kiosk shows", () => {
  it("greets the closest granted person by name", () => {
    const view = viewOf(result(face("unknown", "no_match", 80), face("granted", "resident", 160)));
    expect(view).toMatchObject({ tone: "granted", messageKey: "kiosk.welcome", name: "Ana Rojas",
      unit: "A-101" });
  });

  it("turns denials, strangers and bad frames into red and amber prompts", () => {
    expect(viewOf(result(face("denied", "outside_hours")))).toMatchObject(
      { tone: "denied", messageKey: "kiosk.denied.outside_hours" });
    expect(viewOf(result(face("unknown", "no_match")))).toMatchObject(
      { tone: "denied", messageKey: "kiosk.unknown" });
    expect(viewOf(result(face("retry", "too_dark")))).toMatchObject(
      { tone: "retry", messageKey: "kiosk.retry.too_dark" });
    expect(viewOf(result(face("retry", "something_new"))).messageKey).toBe("kiosk.retry.generic");
    expect(viewOf(result()).tone).toBe("idle");
  });

  it("backs off up to ten seconds", () => {
    expect([1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });
});

describe("the frame loop", () => {
  it("never has two requests in flight and survives failures", async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let calls = 0;
    const failures: number[] = [];
    const views: string[] = [];
    const loop: FrameLoop = new FrameLoop({
      capture: async () => new Blob(["jpeg"]),
      send: async () => {
        calls += 1;
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise((resolve) => setTimeout(resolve, 2));
        concurrent -= 1;
        if (calls === 2 || calls === 3) throw new TypeError("network down");
        if (calls >= 6) loop.stop();
        return result(face("granted", "resident"));
      },
      onView: (view) => views.push(view.tone),
      onFailure: (_error, n) => failures.push(n),
      sleep: async () => undefined,
    });
    await Promise.all([loop.start(), loop.start()]); // a second start is ignored
    expect(maxConcurrent).toBe(1);
    expect(failures).toEqual([1, 2]);
    expect(views).toEqual(["granted", "granted", "granted"]);
    expect(loop.inFlight).toBe(0);
  });

  it("waits for the camera instead of sending nothing", async () => {
    let captures = 0;
    let sent = 0;
    const loop: FrameLoop = new FrameLoop({
      capture: async () => (++captures < 3 ? null : new Blob(["jpeg"])),
      send: async () => {
        sent += 1;
        loop.stop();
        return result();
      },
      onView: () => undefined,
      onFailure: () => undefined,
      sleep: async () => undefined,
    });
    await loop.start();
    expect([captures, sent]).toEqual([3, 1]);
  });
});
