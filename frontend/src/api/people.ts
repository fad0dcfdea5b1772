/** People: residents, owners, staff... (the person records, not login accounts). */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";
import { byId, query } from "./request";

export type Person = Schemas["Person"];

/** What a create accepts (a PATCH takes any part of it). */
export type PersonInput = Schemas["PersonCreate"];

export type PersonListParams = ListParams & { kind?: Person["kind"] | ""; unit_id?: number };

export const people = {
  async list(params: PersonListParams): Promise<ListResult<Person>> {
    const { kind, ...rest } = params;
    const res = await api.GET("/api/v1/people", {
      params: { query: query({ ...rest, kind: kind || undefined }) },
    });
    return unwrapList(res);
  },
  async get(id: number): Promise<Person> {
    return unwrap(await api.GET("/api/v1/people/{obj_id}", byId(id)));
  },
  async create(body: PersonInput): Promise<Person> {
    return unwrap(await api.POST("/api/v1/people", { body }));
  },
  async update(id: number, body: Partial<PersonInput>): Promise<Person> {
    return unwrap(await api.PATCH("/api/v1/people/{obj_id}", { ...byId(id), body }));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/people/{obj_id}", byId(id)));
  },
};
