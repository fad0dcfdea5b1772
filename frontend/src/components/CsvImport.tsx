import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, formatApiError, type RowErrors } from "../api/errors";
import { importCsv, type ImportKind } from "../api/imports";
import { Banner } from "./Banner";

/** Upload a CSV file: every row is imported, or none and the errors are listed by line. */
export function CsvImport({ kind, onImported }: { kind: ImportKind; onImported?(count: number): void }) {
  const { t } = useTranslation();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<RowErrors>({});

  async function upload() {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setError(null);
    setRows({});
    try {
      const result = await importCsv(kind, file);
      setMessage(t("import.created", { count: result.created }));
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      onImported?.(result.created);
    } catch (err) {
      const rowErrors = err instanceof ApiError ? err.rowErrors : {};
      const general = err instanceof ApiError ? err.fieldErrors.file ?? [] : [];
      setRows(rowErrors);
      setError(Object.keys(rowErrors).length
        ? t("import.failed")
        : [formatApiError(err, t), ...general].join(" "));
    } finally {
      setBusy(false);
    }
  }

  const lines = Object.entries(rows).sort(([a], [b]) => Number(a) - Number(b));

  return (
    <details className="panel import-panel">
      <summary>{t(`import.${kind}Title`)}</summary>
      <form onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}>
        <p className="field-hint">{t(`import.${kind}Help`)}</p>
        <div className="field">
          <label htmlFor={id}>{t("import.file")}</label>
          <input id={id} ref={fileInput} type="file" accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!file || busy}>
            {busy ? t("import.importing") : t("import.submit")}
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
