/** Buildings of the condominium (read-only in the SPA: a filter and a unit field). */
import { api, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";
import { query } from "./request";

export type Building = Schemas["Building"];

export const buildings = {
  async list(params: ListParams = {}): Promise<ListResult<Building>> {
    const res = await api.GET("/api/v1/buildings", { params: { query: query(params) } });
    return unwrapList(res);
  },
};
