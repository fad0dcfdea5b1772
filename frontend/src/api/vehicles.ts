/** Vehicles registered to units (plates read at the gates). */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";
import { byId, query, stored, storedList, type Stored } from "./request";

export type Vehicle = Stored<Schemas["Vehicle"]>;

/** Writable fields only (what create and PATCH accept). */
export type VehicleInput = Pick<Vehicle, "plate" | "unit_id" | "make" | "model" | "colour">;

export type VehicleListParams = ListParams & { unit_id?: number };

export const vehicles = {
  async list(params: VehicleListParams): Promise<ListResult<Vehicle>> {
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
