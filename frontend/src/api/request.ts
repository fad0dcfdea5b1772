/** Small helpers shared by the per-resource API modules. */
import type { ListResult } from "./pagination";

/** Drop empty filters so that the URL only carries what was asked. */
export function query<T extends object>(params: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") out[key] = value;
  }
  return out as T;
}

/** The path parameters of `/…/{obj_id}` routes. */
export const byId = (id: number) => ({ params: { path: { obj_id: id } } });

/**
 * Narrow a response to the type the module declares. The document uses one schema for
 * request and response, so read-only fields (`id`, `unit_code`...) come out optional.
 */
export function stored<T>(value: unknown): T {
  return value as T;
}
export function storedList<T>(value: ListResult<unknown>): ListResult<T> {
  return value as ListResult<T>;
}

/** Multipart bodies go as FormData: the browser sets the boundary. */
export function multipart<T>(form: FormData) {
  return { body: form as unknown as T, bodySerializer: (body: unknown) => body as FormData };
}

/** The writable `id` every stored record has (see `stored`). */
export type Stored<T> = Omit<T, "id"> & { readonly id: number };
