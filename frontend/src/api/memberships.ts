/** Memberships: who lives in (owns, rents...) which unit, and since when. */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";
import { byId, query } from "./request";

export type Membership = Schemas["Membership"];

/** What a create accepts (a PATCH takes any part of it). */
export type MembershipInput = Schemas["MembershipCreate"];

export type MembershipListParams = ListParams & { unit_id?: number; person_id?: number };

export const memberships = {
  async list(params: MembershipListParams): Promise<ListResult<Membership>> {
    const res = await api.GET("/api/v1/memberships", { params: { query: query(params) } });
    return unwrapList(res);
  },
  async create(body: MembershipInput): Promise<Membership> {
    return unwrap(await api.POST("/api/v1/memberships", { body }));
  },
  async update(id: number, body: Partial<MembershipInput>): Promise<Membership> {
    return unwrap(await api.PATCH("/api/v1/memberships/{obj_id}", { ...byId(id), body }));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/memberships/{obj_id}", byId(id)));
  },
};
