/**
 * The gate: access log, presence, alerts, manual openings, the live stream ticket and
 * staff attendance (guard and admin pages, through the authenticated client), and the
 * kiosk's own calls, authenticated with its device token instead of a user session.
 */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import { ApiError } from "./errors";
import type { ListParams, ListResult } from "./pagination";

export type AccessEvent = Schemas["AccessEvent"];
export type Alert = Schemas["Alert"];
export type Presence = Schemas["Presence"];
export type FrameResult = Schemas["FrameResult"];
export type FaceDecision = Schemas["FaceDecision"];
export type GateStatus = Schemas["GateStatus"];
export type AttendanceReport = Schemas["AttendanceReport"];
export type AttendanceDay = Schemas["AttendanceDay"];
export type Direction = "entry" | "exit";

/** What the live stream says about an access event (the same fields the frames call logs). */
/** `event: access` of the live stream (documented as a component of the API document). */
export type LiveEvent = Schemas["LiveAccessEvent"];
export type LiveAlert = Schemas["LiveAlert"];

/** The log's rows in the live stream's shape, so the console shows one kind of row. */
export function toLiveEvent(event: AccessEvent): LiveEvent {
  return {
    id: event.id, gate_id: event.gate_id, gate_name: event.gate_name ?? null,
    person: event.person_id ? { id: event.person_id, name: event.person_name ?? "",
      kind: event.person_kind ?? "", unit: null } : null,
    direction: event.direction as Direction, method: event.method,
    decision: event.decision as LiveEvent["decision"], reason: event.reason ?? null,
    similarity: event.similarity ?? null, has_snapshot: !!event.has_snapshot,
    occurred_at: event.occurred_at, seq_no: event.seq_no, guard_id: event.guard_id,
    model_version: event.model_version, correction_of_id: event.correction_of_id,
  };
}

const eventPath = (id: number) => ({ params: { path: { event_id: id } } });

export const accessEvents = {
  async list(params: ListParams & { decision?: "granted" | "denied" | "unknown"; gate_id?: number }):
    Promise<ListResult<AccessEvent>> {
    return unwrapList(await api.GET("/api/v1/access-events", { params: { query: params } }));
  },
  /** The camera frame of an event (JPEG), fetched with the bearer token. */
  async snapshot(id: number, signal?: AbortSignal): Promise<Blob> {
    const res = await api.GET("/api/v1/access-events/{event_id}/snapshot", {
      ...eventPath(id), parseAs: "blob", signal, headers: { Accept: "image/jpeg" },
    });
    return unwrap(res) as unknown as Blob;
  },
};

export const presence = {
  async list(): Promise<Presence[]> {
    return unwrap(await api.GET("/api/v1/presence")) ?? [];
  },
};

export const alerts = {
  async pending(): Promise<Alert[]> {
    const res = await api.GET("/api/v1/alerts", { params: { query: { pending: true, page_size: 50 } } });
    return unwrap(res) ?? [];
  },
  async ack(id: number): Promise<Alert> {
    return unwrap(await api.POST("/api/v1/alerts/{alert_id}/ack",
      { params: { path: { alert_id: id } } }));
  },
};

export async function manualOpen(gateId: number, body: { reason: string; direction?: Direction }):
  Promise<AccessEvent> {
  return unwrap(await api.POST("/api/v1/gates/{gate_id}/manual-open",
    { params: { path: { gate_id: gateId } }, body }));
}

export async function streamTicket(): Promise<string> {
  return unwrap(await api.POST("/api/v1/events/stream-ticket")).ticket;
}

export type AttendancePeriod = { day: string } | { month: string };

export const attendance = {
  async report(period: AttendancePeriod): Promise<AttendanceReport> {
    return unwrap(await api.GET("/api/v1/attendance", { params: { query: period } }));
  },
  async export(period: AttendancePeriod, format: "csv" | "xlsx"): Promise<Blob> {
    const res = await api.GET("/api/v1/attendance/export", {
      params: { query: { ...period, format } }, parseAs: "blob",
    });
    return unwrap(res) as unknown as Blob;
  },
};

// --- the kiosk: device token, plain fetch ------------------------------------------------

async function kioskCall<T>(url: string, token: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, {
    ...init, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body, response.headers.get("Retry-After"));
  return body as T;
}

export const kiosk = {
  async status(gateId: number, token: string): Promise<GateStatus> {
    return kioskCall(`/api/v1/gates/${gateId}/status`, token);
  },
  /** A frame showing a visitor's QR pass: the server reads and checks it. */
  async qrFrame(gateId: number, token: string, jpeg: Blob): Promise<Schemas["ScanResult"]> {
    const form = new FormData();
    form.append("image", jpeg, "frame.jpg");
    return kioskCall(`/api/v1/gates/${gateId}/qr-frames`, token, { method: "POST", body: form });
  },
  /** One frame; the caller waits for the answer before sending the next. */
  async frame(gateId: number, token: string, jpeg: Blob, signal?: AbortSignal): Promise<FrameResult> {
    const form = new FormData();
    form.append("image", jpeg, "frame.jpg");
    return kioskCall(`/api/v1/gates/${gateId}/frames`, token, { method: "POST", body: form, signal });
  },
};

// --- kiosk devices and work schedules (admin pages) -------------------------------------
export type Device = Schemas["Device"];
export type Shift = Schemas["Shift"];
const gatePath = (gateId: number) => ({ params: { path: { gate_id: gateId } } });
const personPath = (personId: number) => ({ params: { path: { person_id: personId } } });

export const devices = {
  async list(gateId: number): Promise<Device[]> {
    return unwrap(await api.GET("/api/v1/gates/{gate_id}/devices", gatePath(gateId))) ?? [];
  },
  /** The token comes back only here: show it once. */
  async create(gateId: number, name: string): Promise<{ id: number; token: string }> {
    return unwrap(await api.POST("/api/v1/gates/{gate_id}/devices", { ...gatePath(gateId), body: { name } }));
  },
  async revoke(gateId: number, deviceId: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/gates/{gate_id}/devices/{device_id}",
      { params: { path: { gate_id: gateId, device_id: deviceId } } }));
  },
};

export const workSchedules = {
  async get(personId: number): Promise<Shift[]> {
    return (unwrap(await api.GET("/api/v1/people/{person_id}/work-schedules", personPath(personId)))
      ?.shifts ?? []) as Shift[];
  },
  async replace(personId: number, shifts: Shift[]): Promise<Shift[]> {
    return (unwrap(await api.PUT("/api/v1/people/{person_id}/work-schedules",
      { ...personPath(personId), body: { shifts } })).shifts ?? []) as Shift[];
  },
};
