/** API errors: the flask-smorest shape turned into something forms and pages can show. */

export type FieldErrors = Record<string, string[]>;
export type RowErrors = Record<string, FieldErrors>;

export interface ErrorBody {
  code?: number;
  status?: string;
  message?: string;
  errors?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  readonly retryAfter: number | null;

  constructor(status: number, body: unknown, retryAfter: string | null = null) {
    const parsed: ErrorBody = body && typeof body === "object" ? (body as ErrorBody) : {};
    super(parsed.message || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.body = parsed;
    const seconds = retryAfter === null ? NaN : Number.parseInt(retryAfter, 10);
    this.retryAfter = Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
  }

  /** The server's own message (English, from the API), if any. */
  get detail(): string | null {
    return this.body.message?.trim() || null;
  }

  /** Per-field messages: `errors.<location>.<field>` (location: json, files, query...). */
  get fieldErrors(): FieldErrors {
    return fieldErrorsOf(this.body);
  }

  /** CSV imports: `errors.files.rows.<line>.<field>`. */
  get rowErrors(): RowErrors {
    const files = this.body.errors?.files as Record<string, unknown> | undefined;
    const rows = files?.rows;
    const out: RowErrors = {};
    if (!rows || typeof rows !== "object") return out;
    for (const [line, fields] of Object.entries(rows as Record<string, unknown>)) {
      out[line] = toFieldErrors(fields);
    }
    return out;
  }
}

function toMessages(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(toMessages);
  if (value && typeof value === "object") return Object.values(value).flatMap(toMessages);
  return [];
}

function toFieldErrors(value: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [field, messages] of Object.entries(value as Record<string, unknown>)) {
    const list = toMessages(messages);
    if (list.length) out[field] = list;
  }
  return out;
}

const LOCATIONS = ["json", "query", "files", "form", "headers", "path"];

export function fieldErrorsOf(body: ErrorBody): FieldErrors {
  const errors = body.errors ?? {};
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!LOCATIONS.includes(key)) continue;
    for (const [field, list] of Object.entries(toFieldErrors(value))) {
      if (field === "rows") continue; // CSV row errors: see rowErrors
      out[field] = [...(out[field] ?? []), ...list];
    }
  }
  return out;
}

/** Minimal translate function: what `formatApiError` needs from i18next's `t`. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type ErrorContext = "default" | "login";

/**
 * One line for a page or form banner, in the user's language. The server's own message
 * is added where it says something the status alone does not (conflicts, rules).
 */
export function formatApiError(error: unknown, t: Translate, context: ErrorContext = "default"): string {
  if (!(error instanceof ApiError)) {
    return t("errors.network");
  }
  const { status } = error;
  if (status === 429) {
    return error.retryAfter !== null
      ? t("errors.rateLimited", { seconds: error.retryAfter })
      : t("errors.rateLimitedNoDelay");
  }
  if (status === 401) {
    return context === "login" ? t("errors.invalidCredentials") : t("errors.unauthorized");
  }
  if (status === 403) return t("errors.forbidden");
  if (status === 404) return t("errors.notFound");
  if (status === 413) return t("errors.tooLarge");
  if (status === 409) return withDetail(t("errors.conflict"), error.detail);
  if (status === 422 || status === 400) {
    const hasFields = Object.keys(error.fieldErrors).length > 0 ||
      Object.keys(error.rowErrors).length > 0;
    return hasFields ? t("errors.validation") : withDetail(t("errors.validation"), error.detail);
  }
  if (status >= 500) return t("errors.server");
  return withDetail(t("errors.generic", { status }), error.detail);
}

function withDetail(headline: string, detail: string | null): string {
  return detail ? `${headline} (${detail})` : headline;
}
