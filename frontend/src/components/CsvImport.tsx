import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, formatApiError, type RowErrors } from "../api/errors";
import { importCsv, type ImportKind } from "../api/imports";
import { Banner } from "./Banner";

/** What an import may have created: every list that shows it reloads. */
const IMPORTED: Record<ImportKind, string[]> = {
  units: ["units"],
  residents: ["people", "memberships", "units"],
};

/** Upload a CSV file: every row is imported, or none and the errors are listed by line. */
export function CsvImport({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => importCsv(kind, chosen),
    onSuccess: async () => {
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      await Promise.all(IMPORTED[kind].map((resource) =>
        queryClient.invalidateQueries({ queryKey: [resource] })));
    },
  });

  const err = upload.error;
  const rows: RowErrors = err instanceof ApiError ? err.rowErrors : {};
  const general = err instanceof ApiError ? err.fieldErrors.file ?? [] : [];
  const error = !err ? null : Object.keys(rows).length
    ? t("import.failed")
    : [formatApiError(err, t), ...general].join(" ");
  const message = upload.data ? t("import.created", { count: upload.data.created }) : null;
  const lines = Object.entries(rows).sort(([a], [b]) => Number(a) - Number(b));

  return (
    <details className="panel import-panel">
      <summary>{t(`import.${kind}Title`)}</summary>
      <form onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate(file);
      }}>
        <p className="field-hint">{t(`import.${kind}Help`)}</p>
        <div className="field">
          <label htmlFor={id}>{t("import.file")}</label>
          <input id={id} ref={fileInput} type="file" accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!file || upload.isPending}>
            {upload.isPending ? t("import.importing") : t("import.submit")}
          </button>
        </div>
      </form>
      <Banner kind="success">{message}</Banner>
      <Banner kind="error">{error}</Banner>
      {lines.length > 0 && (
        <table className="compact">
          <caption>{t("import.rowErrors")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              <th scope="col">{t("import.field")}</th>
              <th scope="col">{t("import.message")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.flatMap(([line, fields]) => Object.entries(fields).map(([field, messages]) => (
              <tr key={`${line}-${field}`}>
                <td>{line}</td>
                <td><code>{field}</code></td>
                <td>{messages.join(" ")}</td>
              </tr>
            )))}
          </tbody>
        </table>
      )}
    </details>
  );
}
