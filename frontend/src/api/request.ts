/** Small helpers shared by the per-resource API modules. */

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

/** Multipart bodies go as FormData: the browser sets the boundary. */
export function multipart<T>(form: FormData) {
  return { body: form as unknown as T, bodySerializer: (body: unknown) => body as FormData };
}
