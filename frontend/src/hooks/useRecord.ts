import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatApiError } from "../api/errors";

/**
 * The record an edit page shows: loaded once per id (null id = a create page), with the
 * load error as a translated message. `onLoaded` seeds the form from the record.
 */
export function useRecord<T>(id: number | null, load: (id: number) => Promise<T>,
  onLoaded: (record: T, isLive: () => boolean) => void) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<T | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    load(id)
      .then((value) => {
        if (!live) return;
        setRecord(value);
        onLoaded(value, () => live);
      })
      .catch((err) => live && setLoadError(formatApiError(err, t)));
    return () => {
      live = false;
    };
  }, [id]);

  return { record, setRecord, loadError, loading: id !== null && record === null };
}
