/** CSV imports of units and residents. */
import { api, unwrap, type Schemas } from "./client";
import { multipart } from "./request";

export type ImportResult = Schemas["ImportResult"];
export type ImportKind = "units" | "residents";

export async function importCsv(kind: ImportKind, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append("file", file);
  const options = multipart<Schemas["CsvUpload"]>(form);
  const result = kind === "units"
    ? await api.POST("/api/v1/imports/units", options)
    : await api.POST("/api/v1/imports/residents", options);
  return unwrap(result);
}
