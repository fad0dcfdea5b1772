/** Login accounts and their roles (administrators only). */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListParams, ListResult } from "./pagination";
import { byId, query } from "./request";

export type User = Schemas["User"];
export type UserCreateInput = Schemas["UserCreate"];
export type UserRole = UserCreateInput["roles"][number];
export type UserUpdateInput = Schemas["UserUpdate"];

export type UserListParams = ListParams & { role?: UserRole };

export const users = {
  async list(params: UserListParams): Promise<ListResult<User>> {
    const res = await api.GET("/api/v1/users", { params: { query: query(params) } });
    return unwrapList(res);
  },
  async get(id: number): Promise<User> {
    return unwrap(await api.GET("/api/v1/users/{obj_id}", byId(id)));
  },
  async create(body: UserCreateInput): Promise<User> {
    return unwrap(await api.POST("/api/v1/users", { body }));
  },
  async update(id: number, body: UserUpdateInput): Promise<User> {
    return unwrap(await api.PATCH("/api/v1/users/{obj_id}", { ...byId(id), body }));
  },
  async remove(id: number): Promise<void> {
    unwrap(await api.DELETE("/api/v1/users/{obj_id}", byId(id)));
  },
};
