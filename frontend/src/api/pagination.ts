/** The `X-Pagination` header that flask-smorest sends with every list. */
export interface Pagination {
  total: number;
  total_pages: number;
  first_page?: number;
  last_page?: number;
  page: number;
  previous_page?: number;
  next_page?: number;
}

export function parsePagination(header: string | null, fallbackCount = 0): Pagination {
  const empty: Pagination = { total: fallbackCount, total_pages: fallbackCount ? 1 : 0, page: 1 };
  if (!header) return empty;
  try {
    const raw = JSON.parse(header) as Partial<Pagination>;
    const total = Number(raw.total ?? fallbackCount);
    return {
      ...raw,
      total,
      total_pages: Number(raw.total_pages ?? (total ? 1 : 0)),
      page: Number(raw.page ?? 1),
    };
  } catch {
    return empty;
  }
}

export interface ListResult<T> {
  items: T[];
  pagination: Pagination;
}

export interface ListParams {
  q?: string;
  page?: number;
  page_size?: number;
}
