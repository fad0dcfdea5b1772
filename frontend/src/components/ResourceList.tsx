import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { formatApiError } from "../api/errors";
import type { ListResult } from "../api/pagination";
import { useDebounced } from "../hooks/useDebounced";
import { Banner } from "./Banner";
import type { Option } from "./Field";
import { Pagination } from "./Pagination";

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
 * back button and a shared link show the same list.
 */
export function ResourceList<T>({ caption, searchLabel, load, columns, rowKey, rowLink, filters = [],
  emptyText, reloadKey }: {
  caption: string;
  searchLabel: string;
  load(query: ListQuery): Promise<ListResult<T>>;
  columns: Column<T>[];
  rowKey(row: T): number | string;
  /** The first column links here (edit or detail page). */
  rowLink?(row: T): string;
  filters?: Filter[];
  emptyText?: string;
  /** Change it to reload (after an import, say). */
  reloadKey?: number;
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

  const [draft, setDraft] = useState(q);
  const debounced = useDebounced(draft, 300);
  const [result, setResult] = useState<ListResult<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  function update(changes: Record<string, string | number | null>, resetPage = true) {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      if (resetPage) next.delete("page");
      return next;
    }, { replace: true });
  }

  // Typing searches after a short pause; Enter searches at once.
  useEffect(() => {
    if (debounced.trim() !== q) update({ q: debounced.trim() });
  }, [debounced]);

  // Back/forward navigation changes the URL: show its search in the box.
  useEffect(() => {
    if (q !== draft.trim()) setDraft(q);
  }, [q]);

  const queryKey = JSON.stringify({ q, page, pageSize, filterValues, reloadKey });
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    load({ q, page, page_size: pageSize, filters: filterValues })
      .then((data) => {
        if (!live) return;
        setResult(data);
        // Past the last page (after a delete, say): go to the last one.
        if (data.pagination.total_pages > 0 && page > data.pagination.total_pages) {
          update({ page: data.pagination.total_pages }, false);
        }
      })
      .catch((err) => live && setError(formatApiError(err, t)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [queryKey]);

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

      <Banner kind="error">{error}</Banner>

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
