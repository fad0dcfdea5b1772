import { describe, expect, it } from "vitest";
import en from "../i18n/locales/en";
import es from "../i18n/locales/es";
import pt from "../i18n/locales/pt";
import {
  DATASET_REASONS, datasetReport, FACE_DETECTORS, isJobDone, jobPercent, PHOTO_REASONS, REASON_CODES,
  reasonKey, reasonsText, reasonText,
} from "./faces";

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (!node || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

const locales = { es: es as Tree, pt: pt as Tree, en: en as Tree };

describe("rejection reasons", () => {
  // The codes the API documents for Quality.reasons (openapi.json).
  const documented = ["no_face", "multiple_faces", "face_too_small", "too_dark", "too_bright", "blurry",
    "not_frontal", "frame_too_small", "not_an_image", "too_large", "duplicate"];

  it("covers every code the API documents", () => {
    expect([...PHOTO_REASONS].sort()).toEqual([...documented].sort());
    expect(REASON_CODES).toEqual([...PHOTO_REASONS, ...DATASET_REASONS]);
  });

  it.each(Object.entries(locales))("has a %s text for every reason code", (_lang, messages) => {
    const missing = REASON_CODES.filter((code) => !lookup(messages, reasonKey(code)!)?.trim());
    expect(missing).toEqual([]);
  });

  it("has every job state, model status, photo status and detector label", () => {
    const keys = [
      ...["queued", "started", "finished", "failed"].map((s) => `enums.jobState.${s}`),
      ...["training", "ready", "failed"].map((s) => `enums.modelStatus.${s}`),
      ...["accepted", "rejected"].map((s) => `enums.photoStatus.${s}`),
      ...FACE_DETECTORS.map((d) => `enums.detector.${d}`),
    ];
    for (const messages of Object.values(locales)) {
      expect(keys.filter((key) => !lookup(messages, key))).toEqual([]);
    }
  });

  it("translates known codes and shows unknown ones as sent", () => {
    const t = (key: string) => lookup(locales.es, key) ?? `?${key}`;
    expect(reasonText(t, "no_face")).toMatch(/sin rostro/);
    expect(reasonText(t, "a message from the server: no consent")).toBe("a message from the server: no consent");
    expect(reasonKey("toString")).toBeNull();
    expect(reasonsText(t, ["blurry", "too_dark"])).toBe("desenfocada, demasiado oscura");
    expect(reasonsText(t, undefined)).toBe("");
  });
});

describe("jobs", () => {
  it("knows when a job is over", () => {
    expect(isJobDone({ state: "queued" })).toBe(false);
    expect(isJobDone({ state: "started" })).toBe(false);
    expect(isJobDone({ state: "finished" })).toBe(true);
    expect(isJobDone({ state: "failed" })).toBe(true);
    expect(isJobDone(null)).toBe(false);
  });

  it("keeps progress a whole percentage in 0..100", () => {
    expect(jobPercent({ state: "started", progress: 42.6 })).toBe(43);
    expect(jobPercent({ state: "started", progress: 140 })).toBe(100);
    expect(jobPercent({ state: "queued", progress: -3 })).toBe(0);
    expect(jobPercent({ state: "finished", progress: 80 })).toBe(100);
    expect(jobPercent({ state: "started", progress: Number.NaN })).toBe(0);
    expect(jobPercent(null)).toBe(0);
  });

  it("reads a dataset job's report, counting when the totals are missing", () => {
    const images = [
      { path: "1/a.jpg", status: "accepted", reasons: [], person_id: 1, face_id: 9 },
      { path: "1/b.jpg", status: "rejected", reasons: ["blurry"], person_id: 1, face_id: null },
      { path: "x/c.jpg", status: "rejected", reasons: ["unknown_person"] },
    ];
    expect(datasetReport({ accepted: 1, rejected: 2, images })).toEqual({ accepted: 1, rejected: 2, images });
    expect(datasetReport({ images })?.accepted).toBe(1);
    expect(datasetReport({ images })?.rejected).toBe(2);
    expect(datasetReport({ images: [null, 3, ...images] })?.images).toHaveLength(3);
    expect(datasetReport(null)).toBeNull();
    expect(datasetReport({ model_id: 2 })).toBeNull();
  });
});
