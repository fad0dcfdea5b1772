import { useTranslation } from "react-i18next";
import type { Pagination as PaginationInfo } from "../api/pagination";

export const PAGE_SIZES = [10, 20, 50, 100];

export function Pagination({ info, pageSize, onPage, onPageSize }: {
  info: PaginationInfo;
  pageSize: number;
  onPage(page: number): void;
  onPageSize(size: number): void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(info.total_pages, 1);
  const page = Math.min(info.page, pages);
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      <span className="pagination-summary">
        {t("pagination.total", { count: info.total })} · {t("pagination.pageOf", { page, pages })}
      </span>
      <span className="pagination-controls">
        <label className="inline-label">
          {t("pagination.pageSize")}
          <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((size) => <option key={size} value={size}>{size}</option>)}
          </select>
        </label>
        <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t("pagination.previous")}
        </button>
        <button type="button" className="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t("pagination.next")}
        </button>
      </span>
    </nav>
  );
}
