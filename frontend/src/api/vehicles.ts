/** Vehicles registered to units (plates read at the gates). */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";
import { byId, query } from "./request";

export type Vehicle = Schemas["Vehicle"];

/** What a create accepts (a PATCH takes any part of it). */
export type VehicleInput = Schemas["VehicleCreate"];

export type VehicleListParams = ListParams & { unit_id?: number };

export const vehicles = {
  async list(params: VehicleListParams): Promise<ListResult<Vehicle>> {
    const res = await api.GET("/api/v1/vehicles", { params: { query: query(params) } });
    return unwrapList(res);
  },
  async get(id: number): Promise<Vehicle> {
    return unwrap(await api.GET("/api/v1/vehicles/{obj_id}", byId(id)));
  },
  async create(body: VehicleInput): Promise<Vehicle> {
    return unwrap(await api.POST("/api/v1/vehicles", { body }));
  },
  async update(id: number, body: Partial<VehicleInput>): Promise<Vehicle> {
    return unwrap(await api.PATCH("/api/v1/vehicles/{obj_id}", { ...byId(id), body }));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/vehicles/{obj_id}", byId(id)));
  },
};
