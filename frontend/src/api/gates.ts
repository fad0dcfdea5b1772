/** Gates (the records: name, direction, kind). Gate activity lives in `gate.ts`. */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";
import { byId, query } from "./request";

export type Gate = Schemas["Gate"];

/** What a create accepts (a PATCH takes any part of it). */
export type GateInput = Schemas["GateCreate"];

export type GateListParams = ListParams &
  { kind?: Gate["kind"] | ""; direction?: Gate["direction"] | "" };

export const gates = {
  async list(params: GateListParams): Promise<ListResult<Gate>> {
    const { kind, direction, ...rest } = params;
    const res = await api.GET("/api/v1/gates", {
      params: { query: query({ ...rest, kind: kind || undefined, direction: direction || undefined }) },
    });
    return unwrapList(res);
  },
  async get(id: number): Promise<Gate> {
    return unwrap(await api.GET("/api/v1/gates/{obj_id}", byId(id)));
  },
  async create(body: GateInput): Promise<Gate> {
    return unwrap(await api.POST("/api/v1/gates", { body }));
  },
  async update(id: number, body: Partial<GateInput>): Promise<Gate> {
    return unwrap(await api.PATCH("/api/v1/gates/{obj_id}", { ...byId(id), body }));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/gates/{obj_id}", byId(id)));
  },
};
