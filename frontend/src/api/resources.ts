/**
 * One typed function per API call the SPA makes. Pages import these, never `fetch`.
 */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import { ApiError } from "./errors";
import type { ListParams, ListResult } from "./pagination";

export type Me = Schemas["Me"];
export type TokenPair = Schemas["TokenPair"];
export type ImportResult = Schemas["ImportResult"];

/*
 * The document uses one schema for request and response, so read-only fields (`id`,
 * `unit_code`...) come out optional, and some carry no type. What the server answers:
 */
type Stored<T> = Omit<T, "id"> & { readonly id: number };
export type Building = Stored<Schemas["Building"]>;
export type Unit = Omit<Stored<Schemas["Unit"]>, "building_name" | "area_m2" | "coefficient"> & {
  building_name?: string | null;
  // Decimals: documented as numbers, sent as strings ("85.50") by the server.
  area_m2?: string | number | null;
  coefficient?: string | number | null;
};
export type Person = Stored<Schemas["Person"]>;
export type Membership = Omit<Stored<Schemas["Membership"]>, "unit_code" | "person_name"> & {
  unit_code?: string;
  person_name?: string;
};
export type User = Schemas["User"];
export type Vehicle = Omit<Stored<Schemas["Vehicle"]>, "unit_code"> & { unit_code?: string };
export type Gate = Stored<Schemas["Gate"]>;

/** Narrow a response to the type above (see the note). */
function stored<T>(value: unknown): T {
  return value as T;
}
function storedList<T>(value: ListResult<unknown>): ListResult<T> {
  return value as ListResult<T>;
}

/** Writable fields only (what create and PATCH accept). */
export type UnitInput = Pick<Unit, "code" | "building_id" | "floor"> & {
  // Decimals travel as strings so that no precision is lost (the server answers strings).
  area_m2?: string | null;
  coefficient?: string | null;
};
export type PersonInput = Pick<Person, "first_name" | "last_name" | "doc_type" | "doc_number" |
  "phone" | "email" | "kind">;
export type MembershipInput = Pick<Membership, "unit_id" | "person_id" | "role" | "starts_on" |
  "ends_on">;
export type UserCreateInput = Schemas["UserCreate"];
export type UserRole = UserCreateInput["roles"][number];
export type UserUpdateInput = Schemas["UserUpdate"];
export type VehicleInput = Pick<Vehicle, "plate" | "unit_id" | "make" | "model" | "colour">;
export type GateInput = Pick<Gate, "name" | "direction" | "kind" | "is_active">;

/** Drop empty filters so that the URL only carries what was asked. */
function query<T extends object>(params: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") out[key] = value;
  }
  return out as T;
}

// Decimal fields: the document calls them numbers, the server reads and writes strings.
function unitBody<T extends UnitInput | Partial<UnitInput>>(body: T): Schemas["Unit"] {
  return body as unknown as Schemas["Unit"];
}

const byId = (id: number) => ({ params: { path: { obj_id: id } } });

// --- auth ------------------------------------------------------------------------
export const auth = {
  async login(email: string, password: string): Promise<TokenPair> {
    return unwrap(await api.POST("/api/v1/auth/login", { body: { email, password } }));
  },
  async logout(): Promise<void> {
    unwrap(await api.POST("/api/v1/auth/logout"));
  },
  async me(): Promise<Me> {
    return unwrap(await api.GET("/api/v1/auth/me"));
  },
};

// --- buildings ------------------------------------------------------------------------
export const buildings = {
  async list(params: ListParams = {}): Promise<ListResult<Building>> {
    const res = await api.GET("/api/v1/buildings", { params: { query: query(params) } });
    return storedList(unwrapList(res));
  },
};

// --- units ------------------------------------------------------------------------
export const units = {
  async list(params: ListParams & { building_id?: number }): Promise<ListResult<Unit>> {
    const res = await api.GET("/api/v1/units", { params: { query: query(params) } });
    return storedList(unwrapList(res));
  },
  async get(id: number): Promise<Unit> {
    return stored(unwrap(await api.GET("/api/v1/units/{obj_id}", byId(id))));
  },
  async create(body: UnitInput): Promise<Unit> {
    return stored(unwrap(await api.POST("/api/v1/units", { body: unitBody(body) })));
  },
  async update(id: number, body: Partial<UnitInput>): Promise<Unit> {
    return stored(unwrap(await api.PATCH("/api/v1/units/{obj_id}", { ...byId(id), body: unitBody(body) })));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/units/{obj_id}", byId(id)));
  },
};

// --- people ------------------------------------------------------------------------
export const people = {
  async list(params: ListParams & { kind?: Person["kind"] | ""; unit_id?: number }):
    Promise<ListResult<Person>> {
    const { kind, ...rest } = params;
    const res = await api.GET("/api/v1/people", {
      params: { query: query({ ...rest, kind: kind || undefined }) },
    });
    return storedList(unwrapList(res));
  },
  async get(id: number): Promise<Person> {
    return stored(unwrap(await api.GET("/api/v1/people/{obj_id}", byId(id))));
  },
  async create(body: PersonInput): Promise<Person> {
    return stored(unwrap(await api.POST("/api/v1/people", { body })));
  },
  async update(id: number, body: Partial<PersonInput>): Promise<Person> {
    return stored(unwrap(await api.PATCH("/api/v1/people/{obj_id}", { ...byId(id), body })));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/people/{obj_id}", byId(id)));
  },
};

// --- memberships ------------------------------------------------------------------------
export const memberships = {
  async list(params: ListParams & { unit_id?: number; person_id?: number }):
    Promise<ListResult<Membership>> {
    const res = await api.GET("/api/v1/memberships", { params: { query: query(params) } });
    return storedList(unwrapList(res));
  },
  async create(body: MembershipInput): Promise<Membership> {
    return stored(unwrap(await api.POST("/api/v1/memberships", { body })));
  },
  async update(id: number, body: Partial<MembershipInput>): Promise<Membership> {
    return stored(unwrap(await api.PATCH("/api/v1/memberships/{obj_id}", { ...byId(id), body })));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/memberships/{obj_id}", byId(id)));
  },
};

// --- users ------------------------------------------------------------------------
export const users = {
  async list(params: ListParams & { role?: UserRole }): Promise<ListResult<User>> {
    const res = await api.GET("/api/v1/users", { params: { query: query(params) } });
    return unwrapList(res);
  },
  async get(id: number): Promise<User> {
    return unwrap(await api.GET("/api/v1/users/{obj_id}", byId(id)));
  },
  async create(body: UserCreateInput): Promise<User> {
    return unwrap(await api.POST("/api/v1/users", { body }));
  },
  async update(id: number, body: UserUpdateInput): Promise<User> {
    return unwrap(await api.PATCH("/api/v1/users/{obj_id}", { ...byId(id), body }));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/users/{obj_id}", byId(id)));
  },
};

// --- vehicles ------------------------------------------------------------------------
export const vehicles = {
  async list(params: ListParams & { unit_id?: number }): Promise<ListResult<Vehicle>> {
    const res = await api.GET("/api/v1/vehicles", { params: { query: query(params) } });
    return storedList(unwrapList(res));
  },
  async get(id: number): Promise<Vehicle> {
    return stored(unwrap(await api.GET("/api/v1/vehicles/{obj_id}", byId(id))));
  },
  async create(body: VehicleInput): Promise<Vehicle> {
    return stored(unwrap(await api.POST("/api/v1/vehicles", { body })));
  },
  async update(id: number, body: Partial<VehicleInput>): Promise<Vehicle> {
    return stored(unwrap(await api.PATCH("/api/v1/vehicles/{obj_id}", { ...byId(id), body })));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/vehicles/{obj_id}", byId(id)));
  },
};

// --- gates ------------------------------------------------------------------------
export const gates = {
  async list(params: ListParams & { kind?: Gate["kind"] | ""; direction?: Gate["direction"] | "" }):
    Promise<ListResult<Gate>> {
    const { kind, direction, ...rest } = params;
    const res = await api.GET("/api/v1/gates", {
      params: { query: query({ ...rest, kind: kind || undefined, direction: direction || undefined }) },
    });
    return storedList(unwrapList(res));
  },
  async get(id: number): Promise<Gate> {
    return stored(unwrap(await api.GET("/api/v1/gates/{obj_id}", byId(id))));
  },
  async create(body: GateInput): Promise<Gate> {
    return stored(unwrap(await api.POST("/api/v1/gates", { body })));
  },
  async update(id: number, body: Partial<GateInput>): Promise<Gate> {
    return stored(unwrap(await api.PATCH("/api/v1/gates/{obj_id}", { ...byId(id), body })));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/gates/{obj_id}", byId(id)));
  },
};

// --- imports ------------------------------------------------------------------------
export type ImportKind = "units" | "residents";

export async function importCsv(kind: ImportKind, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append("file", file);
  // FormData goes as is: the browser sets the multipart boundary.
  const options = {
    body: form as unknown as Schemas["CsvUpload"],
    bodySerializer: (body: unknown) => body as FormData,
  };
  const result = kind === "units"
    ? await api.POST("/api/v1/imports/units", options)
    : await api.POST("/api/v1/imports/residents", options);
  return unwrap(result);
}

// --- face recognition ------------------------------------------------------------------------
export type Consent = Schemas["Consent"];
export type FaceQuality = Schemas["Quality"];
export type Face = Schemas["Face"];
export type EnrolResult = Omit<Schemas["EnrolResult"], "quality"> & { quality?: FaceQuality | null };
export type Job = Schemas["Job"];
export type JobState = Job["state"];
export type RetrainInput = Omit<Required<Schemas["RetrainRequest"]>, "detector_weights"> &
  { detector_weights?: string | null };
export type FaceCatalogue = Schemas["Catalogue"];
export type TrainedDetector = Schemas["TrainedDetector"];

/** `FaceModel.report`: documented as a free-form object; what the server writes. */
export interface FaceModelReport {
  people: number;
  faces: number;
  threshold: number;
  target_far: number;
  method: string;
  rank1: number | null;
  tar_at_threshold: number | null;
  far_at_threshold: number | null;
  eer: number | null;
  faces_not_detected: number;
  histogram: { bins: number[]; genuine: number[]; impostor: number[] };
}
export type FaceModel = Omit<Schemas["FaceModel"], "report"> & { report?: FaceModelReport | null };

/** A face dataset job's `result` (GET /jobs/{id} with kind `ingest_face_dataset`). */
export interface DatasetImage {
  path: string;
  status: "accepted" | "rejected";
  reasons: string[];
  person_id?: number | null;
  face_id?: number | null;
}
export interface DatasetReport {
  accepted: number;
  rejected: number;
  images: DatasetImage[];
}

/** Multipart bodies go as FormData: the browser sets the boundary. */
function multipart<T>(form: FormData) {
  return { body: form as unknown as T, bodySerializer: (body: unknown) => body as FormData };
}

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
    return unwrap(res).results as EnrolResult[];
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

export const faceDatasets = {
  /** Queue the ingestion of a zip (a folder per person); answers the job to follow. */
  async upload(file: File, options: { create_missing: boolean; consent_version?: string | null }):
    Promise<string> {
    const form = new FormData();
    form.append("file", file, file.name);
    form.append("create_missing", options.create_missing ? "true" : "false");
    if (options.consent_version) form.append("consent_version", options.consent_version);
    const res = await api.POST("/api/v1/face-datasets", multipart<Schemas["DatasetUpload"]>(form));
    return unwrap(res).job_id;
  },
};

export const jobs = {
  async get(jobId: string): Promise<Job> {
    return unwrap(await api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: jobId } } }));
  },
};

export const faceModels = {
  async list(): Promise<FaceModel[]> {
    return (unwrap(await api.GET("/api/v1/face-models")) ?? []) as FaceModel[];
  },
  /** Start a retraining job; 422 names what is missing (an unknown model, its weights). */
  async retrain(body: RetrainInput): Promise<string> {
    return unwrap(await api.POST("/api/v1/face-models/retrain", { body })).job_id;
  },
  async activate(id: number): Promise<FaceModel> {
    return unwrap(await api.POST("/api/v1/face-models/{model_id}/activate",
      { params: { path: { model_id: id } } })) as FaceModel;
  },
  /** Models and detectors whose weights are present, and the fine-tuned detectors. */
  async available(): Promise<FaceCatalogue> {
    return unwrap(await api.GET("/api/v1/face-models/available"));
  },
  /** Queue a YOLO face detector fine-tune on a YOLO-format zip; answers the job id. */
  async finetuneDetector(file: File, options: { base: string; epochs: number; imgsz: number }):
    Promise<string> {
    const form = new FormData();
    form.append("file", file, file.name);
    form.append("base", options.base);
    form.append("epochs", String(options.epochs));
    form.append("imgsz", String(options.imgsz));
    const res = await api.POST("/api/v1/face-models/detectors/finetune",
      multipart<Schemas["DetectorFinetuneUpload"]>(form));
    return unwrap(res).job_id;
  },
};
