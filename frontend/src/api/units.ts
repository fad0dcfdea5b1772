/** Units (apartments, houses): list, detail, create, update, delete. */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";
import { byId, query } from "./request";

// Decimals (area, coefficient) are strings ("85.50") both ways: no precision is lost.
export type Unit = Schemas["Unit"];

/** What a create accepts (a PATCH takes any part of it). */
export type UnitInput = Schemas["UnitCreate"];

export type UnitListParams = ListParams & { building_id?: number };

export const units = {
  async list(params: UnitListParams): Promise<ListResult<Unit>> {
    const res = await api.GET("/api/v1/units", { params: { query: query(params) } });
    return unwrapList(res);
  },
  async get(id: number): Promise<Unit> {
    return unwrap(await api.GET("/api/v1/units/{obj_id}", byId(id)));
  },
  async create(body: UnitInput): Promise<Unit> {
    return unwrap(await api.POST("/api/v1/units", { body }));
  },
  async update(id: number, body: Partial<UnitInput>): Promise<Unit> {
    return unwrap(await api.PATCH("/api/v1/units/{obj_id}", { ...byId(id), body }));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/units/{obj_id}", byId(id)));
  },
};
