/** Units (apartments, houses): list, detail, create, update, delete. */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";
import { byId, query, stored, storedList, type Stored } from "./request";

export type Unit = Omit<Stored<Schemas["Unit"]>, "building_name" | "area_m2" | "coefficient"> & {
  building_name?: string | null;
  // Decimals: documented as numbers, sent as strings ("85.50") by the server.
  area_m2?: string | number | null;
  coefficient?: string | number | null;
};

/** Writable fields only (what create and PATCH accept). */
export type UnitInput = Pick<Unit, "code" | "building_id" | "floor"> & {
  // Decimals travel as strings so that no precision is lost (the server answers strings).
  area_m2?: string | null;
  coefficient?: string | null;
};

export type UnitListParams = ListParams & { building_id?: number };

// Decimal fields: the document calls them numbers, the server reads and writes strings.
function unitBody<T extends UnitInput | Partial<UnitInput>>(body: T): Schemas["Unit"] {
  return body as unknown as Schemas["Unit"];
}

export const units = {
  async list(params: UnitListParams): Promise<ListResult<Unit>> {
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
