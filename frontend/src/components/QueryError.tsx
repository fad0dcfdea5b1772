import { useTranslation } from "react-i18next";
import { formatApiError } from "../api/errors";
import { Banner } from "./Banner";

/**
 * A failed load or write, in the user's language (see `formatApiError`); nothing when
 * `error` is null. Every query and mutation shows its failure through this banner.
 */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Banner kind="error">{formatApiError(error, t)}</Banner>;
}
