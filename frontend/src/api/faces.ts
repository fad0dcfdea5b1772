/** A person's biometric consent and enrolled face photos. */
import { api, unwrap, type Schemas } from "./client";
import { ApiError } from "./errors";
import { multipart } from "./request";

export type Consent = Schemas["Consent"];
export type FaceQuality = Schemas["Quality"];
export type Face = Schemas["Face"];
export type EnrolResult = Schemas["EnrolResult"];

const personPath = (personId: number) => ({ params: { path: { person_id: personId } } });
const facePath = (personId: number, faceId: number) =>
  ({ params: { path: { person_id: personId, face_id: faceId } } });

export const biometricConsent = {
  /** The active consent, or null when none is recorded (the API answers 404). */
  async current(personId: number): Promise<Consent | null> {
    try {
      return unwrap(await api.GET("/api/v1/people/{person_id}/biometric-consent",
        personPath(personId)));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  },
  /** 409 when consent is already recorded (and not revoked). */
  async record(personId: number, version: string): Promise<Consent> {
    return unwrap(await api.POST("/api/v1/people/{person_id}/biometric-consent",
      { ...personPath(personId), body: { version } }));
  },
  /** Revokes the consent and erases every face of the person. */
  async revoke(personId: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/people/{person_id}/biometric-consent", personPath(personId)));
  },
};

export const faces = {
  async list(personId: number): Promise<Face[]> {
    return unwrap(await api.GET("/api/v1/people/{person_id}/faces", personPath(personId))) ?? [];
  },
  /** One result per photo, in the order sent; 409 when the person has no consent. */
  async enrol(personId: number, photos: File[]): Promise<EnrolResult[]> {
    const form = new FormData();
    for (const photo of photos) form.append("image", photo, photo.name);
    const res = await api.POST("/api/v1/people/{person_id}/faces", {
      ...personPath(personId), ...multipart<Schemas["ImageUpload"]>(form),
    });
    return unwrap(res).results;
  },
  /** The enrolled photo (JPEG), fetched with the bearer token. */
  async image(personId: number, faceId: number, signal?: AbortSignal): Promise<Blob> {
    const res = await api.GET("/api/v1/people/{person_id}/faces/{face_id}/image", {
      ...facePath(personId, faceId), parseAs: "blob", signal,
      headers: { Accept: "image/jpeg" },
    });
    return unwrap(res) as unknown as Blob;
  },
  async remove(personId: number, faceId: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/people/{person_id}/faces/{face_id}", facePath(personId, faceId)));
  },
  async removeAll(personId: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/people/{person_id}/faces", personPath(personId)));
  },
};
