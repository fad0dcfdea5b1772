import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { ListResult } from "../api/pagination";
import { useDebounced } from "../hooks/useDebounced";
import type { Option } from "./Field";
import { Pagination } from "./Pagination";
import { QueryError } from "./QueryError";

export interface Column<T> {
  key: string;
  header: string;
  render(row: T): ReactNode;
  className?: string;
}

export interface Filter {
  name: string;
  label: string;
  options: Option[];
}

export interface ListQuery {
  q: string;
  page: number;
  page_size: number;
  filters: Record<string, string>;
}

const DEFAULT_PAGE_SIZE = 20;

/**
 * A searchable, paginated table. Search, filters and page live in the URL, so that the
 * back button and a shared link show the same list. The rows are the query
 * `[resource, "list", query]`: a write that invalidates `[resource]` reloads them.
 */
export function ResourceList<T>({ resource, caption, searchLabel, load, columns, rowKey, rowLink,
  filters = [], emptyText }: {
  /** First part of the query key (the API resource: "units", "people"...). */
  resource: string;
  caption: string;
  searchLabel: string;
  load(query: ListQuery): Promise<ListResult<T>>;
  columns: Column<T>[];
  rowKey(row: T): number | string;
  /** The first column links here (edit or detail page). */
  rowLink?(row: T): string;
  filters?: Filter[];
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = Math.max(Number.parseInt(params.get("page") ?? "1", 10) || 1, 1);
  const pageSize = Math.min(Math.max(Number.parseInt(params.get("page_size") ?? "", 10) ||
    DEFAULT_PAGE_SIZE, 1), 100);
  // Only the filters that are set: a filter that appears later (once its options load)
  // does not change the query.
  const filterNames = filters.map((f) => f.name).join();
  const filterValues = useMemo(() => {
    const values: Record<string, string> = {};
    for (const name of filterNames.split(",")) {
      const value = name ? params.get(name) : null;
      if (value) values[name] = value;
    }
    return values;
  }, [params, filterNames]);

  const update = useCallback((changes: Record<string, string | number | null>, resetPage = true) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      if (resetPage) next.delete("page");
      return next;
    }, { replace: true });
  }, [setParams]);

  const [draft, setDraft] = useState(q);
  // Back/forward navigation changes the URL: show its search in the box.
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== draft.trim()) setDraft(q);
  }

  // Typing searches after a short pause (once per new text); Enter searches at once.
  const debounced = useDebounced(draft, 300).trim();
  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
    if (debounced !== q) update({ q: debounced });
  }, [debounced, q, update]);

  const listQuery: ListQuery = { q, page, page_size: pageSize, filters: filterValues };
  const { data: result, error, isFetching: loading } = useQuery({
    queryKey: [resource, "list", listQuery],
    queryFn: () => load(listQuery),
    // The previous page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

  // Past the last page (after a delete, say): go to the last one.
  const lastPage = result?.pagination.total_pages ?? 0;
  useEffect(() => {
    if (lastPage > 0 && page > lastPage) update({ page: lastPage }, false);
  }, [lastPage, page, update]);

  const items = result?.items ?? [];

  return (
    <div className="resource-list">
      <form className="list-toolbar" role="search" onSubmit={(e) => {
        e.preventDefault();
        update({ q: draft.trim() });
      }}>
        <label className="search-box">
          <span className="sr-only">{searchLabel}</span>
          <input type="search" placeholder={searchLabel} value={draft}
            onChange={(e) => setDraft(e.target.value)} />
        </label>
        {filters.map((filter) => (
          <label key={filter.name} className="inline-label">
            {filter.label}
            <select value={filterValues[filter.name] ?? ""}
              onChange={(e) => update({ [filter.name]: e.target.value })}>
              <option value="">{t("common.all")}</option>
              {filter.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </label>
        ))}
        <button type="submit" className="button">{t("common.search")}</button>
      </form>

      <QueryError error={error} />

      <div className="table-wrap">
        <table aria-busy={loading}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>{columns.map((c) => <th key={c.key} scope="col" className={c.className}>{c.header}</th>)}</tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c, index) => (
                  <td key={c.key} className={c.className}>
                    {index === 0 && rowLink ? <Link to={rowLink(row)}>{c.render(row)}</Link> : c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
            {!loading && !error && items.length === 0 && (
              <tr className="empty-row">
                <td colSpan={columns.length}>{q ? t("common.noMatches", { q }) : emptyText ?? t("common.noResults")}</td>
              </tr>
            )}
            {loading && items.length === 0 && (
              <tr className="empty-row"><td colSpan={columns.length}>{t("common.loading")}</td></tr>
            )}
          </tbody>
        </table>
      </div>

      {result && result.pagination.total > 0 && (
        <Pagination info={result.pagination} pageSize={pageSize}
          onPage={(p) => update({ page: p }, false)}
          onPageSize={(size) => update({ page_size: size })} />
      )}
    </div>
  );
}
