/** Face recognition: reason codes, job states and what the forms offer. */
import type { DatasetImage, DatasetReport } from "../api/faceDatasets";
import type { Job, JobState } from "../api/jobs";

/** Why a photo was rejected (or flagged): the codes the server sends in `reasons`. */
export const PHOTO_REASONS = [
  "no_face", "multiple_faces", "face_too_small", "too_dark", "too_bright", "blurry", "not_frontal",
  "frame_too_small", "not_an_image", "too_large", "duplicate",
] as const;

/** Codes only a dataset (zip) report uses: the archive's layout, the person, the consent. */
export const DATASET_REASONS = [
  "unknown_person", "no_consent", "unsafe_path", "nested_archive", "wrong_layout", "zip_bomb",
  "archive_too_large",
] as const;

export const REASON_CODES: readonly string[] = [...PHOTO_REASONS, ...DATASET_REASONS];

/** The i18n key of a reason code, or null for something the SPA does not know. */
export function reasonKey(code: string): string | null {
  return REASON_CODES.includes(code) ? `faces.reasons.${code}` : null;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A reason in the user's language; unknown codes (or server messages) are shown as they are. */
export function reasonText(t: Translate, code: string): string {
  const key = reasonKey(code);
  return key ? t(key) : code;
}

export function reasonsText(t: Translate, codes: readonly string[] | null | undefined): string {
  return (codes ?? []).map((code) => reasonText(t, code)).join(", ");
}

export const JOB_STATES: readonly JobState[] = ["queued", "started", "finished", "failed"];

/** A job that will not change any more. */
export function isJobDone(job: Pick<Job, "state"> | null | undefined): boolean {
  return job?.state === "finished" || job?.state === "failed";
}

/** Progress as a whole percentage in 0..100 (a finished job is 100 whatever it says). */
export function jobPercent(job: Pick<Job, "state" | "progress"> | null | undefined): number {
  if (!job) return 0;
  if (job.state === "finished") return 100;
  const value = Number(job.progress);
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(100, Math.max(0, value)));
}

/** The per-image report of a dataset job, or null when the result is not one. */
export function datasetReport(result: unknown): DatasetReport | null {
  if (!result || typeof result !== "object") return null;
  const value = result as Partial<DatasetReport>;
  if (!Array.isArray(value.images)) return null;
  const images: DatasetImage[] = value.images.filter((image): image is DatasetImage =>
    !!image && typeof image === "object" && typeof (image as DatasetImage).path === "string");
  const accepted = images.filter((image) => image.status === "accepted").length;
  return {
    images,
    accepted: typeof value.accepted === "number" ? value.accepted : accepted,
    rejected: typeof value.rejected === "number" ? value.rejected : images.length - accepted,
  };
}

/** Recognition models the server knows (GET /face-models lists versions, not these). */
export const FACE_MODEL_NAMES = [
  "Dlib", "SFace", "ArcFace", "Facenet", "Facenet512", "VGG-Face", "OpenFace", "DeepID", "DeepFace",
  "GhostFaceNet",
] as const;
export const FACE_DETECTORS = ["dlib_hog", "haar", "yolo"] as const;

/** The version of the consent text the person page shows (`faces.consentText`). */
export const BIOMETRIC_CONSENT_VERSION = "2026-11";

/** The enrolment endpoint takes at most this many photos per request. */
export const MAX_PHOTOS_PER_UPLOAD = 10;

/** A rate (0..1) as a percentage with up to `digits` decimals; "—" when missing. */
export function formatRate(value: number | null | undefined, language: string, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: digits })
    .format(value);
}
