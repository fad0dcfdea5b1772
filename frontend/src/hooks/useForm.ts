import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, formatApiError, type FieldErrors } from "../api/errors";

export type FormValues = Record<string, string | boolean | string[]>;

/**
 * Form state for the admin pages: string/boolean values, the API's field errors
 * (422 `errors.json.<field>`) and a banner message for the rest.
 */
export function useForm<T extends FormValues>(initial: T) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = useCallback(<K extends keyof T>(name: K, value: T[K]) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setFieldErrors((prev) => {
      if (!prev[name as string]) return prev;
      const next = { ...prev };
      delete next[name as string];
      return next;
    });
  }, []);

  /** Run `action`; API errors land next to their fields or in the banner. */
  const submit = useCallback(async (action: () => Promise<void>) => {
    setSubmitting(true);
    setFormError(null);
    setFieldErrors({});
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError) setFieldErrors(error.fieldErrors);
      setFormError(formatApiError(error, t));
    } finally {
      setSubmitting(false);
    }
  }, [t]);

  return {
    values, setValues, set, fieldErrors, setFieldErrors, formError, setFormError, submitting,
    submit,
  };
}

export type FormState<T extends FormValues> = ReturnType<typeof useForm<T>>;

// --- value conversions between form strings and API values --------------------------------

export const text = (value: string | null | undefined): string => value ?? "";
export const optional = (value: string | boolean): string | null => {
  const trimmed = String(value).trim();
  return trimmed === "" ? null : trimmed;
};
export const required = (value: string | boolean): string => String(value).trim();
export const optionalInt = (value: string | boolean): number | null => {
  const trimmed = String(value).trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isInteger(n) ? n : (trimmed as unknown as number); // let the server say why
};
export const optionalDecimal = (value: string | boolean): string | null => {
  const trimmed = String(value).trim().replace(",", ".");
  return trimmed === "" ? null : trimmed;
};

/** Only the keys whose value changed (what a PATCH should send). */
export function changed<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out;
}
