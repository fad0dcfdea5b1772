/**
 * Visitor control: pre-registration with a signed QR pass, walk-ins with the resident's
 * answer, QR scans at the gate, entries and exits, blacklists and KPIs.
 */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";

/** The visit's current pass (the QR text is exactly what the code encodes). */
export type VisitPass = Schemas["Pass"];
export type Visit = Schemas["Visit"];
/** A visit's new state as the live stream announces it (`visit` events). */
/** `event: visit` of the live stream (documented as a component of the API document). */
export type LiveVisit = Schemas["LiveVisit"];
export type VisitKind = "single" | "period" | "recurring" | "vip";
export type ScanResult = Schemas["ScanResult"];
export type Timeline = Schemas["Timeline"];
export type Authorisation = Schemas["Authorisation"];
export type VisitorKpis = Schemas["VisitorKpis"];

export type VisitorInput = Schemas["VisitorInput"];
export type DocType = VisitorInput["doc_type"];
export type PreRegistration = Schemas["VisitCreate"];
/** The walk-in form's fields; the photo travels as a file part (the document says string). */
export type WalkInInput = Omit<Schemas["WalkInForm"], "photo"> & { photo: Blob | null };

const visitPath = (id: number) => ({ params: { path: { visit_id: id } } });

async function blob(response: Promise<{ data?: unknown; error?: unknown; response: Response }>) {
  return unwrap(await response) as unknown as Blob;
}

export const visits = {
  async list(params: ListParams & { status?: string; unit_id?: number }): Promise<ListResult<Visit>> {
    const res = await api.GET("/api/v1/visits", { params: { query: params as never } });
    return unwrapList(res);
  },
  async get(id: number): Promise<Visit> {
    return unwrap(await api.GET("/api/v1/visits/{visit_id}", visitPath(id)));
  },
  async create(body: PreRegistration): Promise<Visit> {
    return unwrap(await api.POST("/api/v1/visits", { body }));
  },
  async inside(): Promise<Visit[]> {
    return unwrap(await api.GET("/api/v1/visits/inside")) ?? [];
  },
  async history(id: number): Promise<Timeline> {
    return unwrap(await api.GET("/api/v1/visits/{visit_id}/history", visitPath(id)));
  },
  async answer(id: number, decision: "approve" | "deny", channel = "app"): Promise<Authorisation> {
    return unwrap(await api.POST("/api/v1/visits/{visit_id}/answer",
      { ...visitPath(id), body: { decision, channel: channel as "app" } }));
  },
  async entry(id: number, gateId: number, method = "document"): Promise<void> {
    unwrap(await api.POST("/api/v1/visits/{visit_id}/entry",
      { ...visitPath(id), body: { gate_id: gateId, method: method as "document" } }));
  },
  async exit(id: number, gateId: number): Promise<void> {
    unwrap(await api.POST("/api/v1/visits/{visit_id}/exit", { ...visitPath(id), body: { gate_id: gateId } }));
  },
  async revokePass(id: number): Promise<Visit> {
    return unwrap(await api.POST("/api/v1/visits/{visit_id}/pass/revoke", visitPath(id)));
  },
  async deactivate(id: number, reason: string): Promise<Visit> {
    return unwrap(await api.POST("/api/v1/visits/{visit_id}/deactivate",
      { ...visitPath(id), body: { reason } }));
  },
  /** The QR code as a PNG (for download or sharing). */
  async passPng(id: number): Promise<Blob> {
    return blob(api.GET("/api/v1/visits/{visit_id}/pass.png", { ...visitPath(id), parseAs: "blob" }));
  },
  /** The walk-in photo (the resident sees it to answer). */
  async photo(id: number, thumb = false): Promise<Blob> {
    return blob(api.GET("/api/v1/visits/{visit_id}/photo", {
      ...visitPath(id), parseAs: "blob", params: { path: { visit_id: id }, query: thumb ? { thumb: "1" } as never : undefined },
    }));
  },
  /** Attach the visitor's photo to a pre-registration (same rules as at the gate). */
  async attachPhoto(id: number, photo: Blob): Promise<Visit> {
    const form = new FormData();
    form.append("photo", photo, "photo.jpg");
    const res = await api.POST("/api/v1/visits/{visit_id}/photo", {
      ...visitPath(id), body: form as never, bodySerializer: (body: unknown) => body as FormData,
    });
    return unwrap(res);
  },
  /** Send the current pass to the visitor again; returns the channels that took it. */
  async sendPass(id: number): Promise<string[]> {
    return unwrap(await api.POST("/api/v1/visits/{visit_id}/pass/send", visitPath(id))).sent_by;
  },
  async walkIn(input: WalkInInput): Promise<Visit> {
    const form = new FormData();
    for (const [key, value] of Object.entries(input)) {
      if (key === "photo" || value === undefined || value === "") continue;
      form.append(key, String(value));
    }
    if (input.photo) form.append("photo", input.photo, "photo.jpg");
    const res = await api.POST("/api/v1/visits/walk-ins", {
      body: form as never, bodySerializer: (body: unknown) => body as FormData,
    });
    return unwrap(res);
  },
};

export const scans = {
  async payload(gateId: number, payload: string): Promise<ScanResult> {
    return unwrap(await api.POST("/api/v1/gates/{gate_id}/qr-scans",
      { params: { path: { gate_id: gateId } }, body: { payload } }));
  },
  /** A camera frame: the server reads the QR code (no barcode reader in this browser). */
  async frame(gateId: number, jpeg: Blob): Promise<ScanResult> {
    const form = new FormData();
    form.append("image", jpeg, "frame.jpg");
    const res = await api.POST("/api/v1/gates/{gate_id}/qr-frames", {
      params: { path: { gate_id: gateId } }, body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    });
    return unwrap(res);
  },
};

export const visitorKpis = {
  async get(since: string, until: string): Promise<VisitorKpis> {
    const res = await api.GET("/api/v1/visitor-admin/kpis", { params: { query: { since, until } } });
    return unwrap(res);
  },
};
