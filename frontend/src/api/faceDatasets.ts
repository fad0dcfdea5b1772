/** Face enrolment in bulk: a zip with a folder per person, ingested by a job. */
import { api, unwrap, type Schemas } from "./client";
import { multipart } from "./request";

/** A face dataset job's `result` (GET /jobs/{id} with kind `ingest_face_dataset`). */
export type DatasetImage = Schemas["DatasetImage"];
/** `Job.result` of a dataset ingestion (a component of the API document). */
export type DatasetReport = Schemas["DatasetReport"];

export const faceDatasets = {
  /** Queue the ingestion of a zip (a folder per person); answers the job to follow. */
  async upload(file: File, options: { create_missing: boolean; consent_version?: string | null }):
    Promise<string> {
    const form = new FormData();
    form.append("file", file, file.name);
    form.append("create_missing", options.create_missing ? "true" : "false");
    if (options.consent_version) form.append("consent_version", options.consent_version);
    const res = await api.POST("/api/v1/face-datasets", multipart<Schemas["DatasetUpload"]>(form));
    return unwrap(res).job_id;
  },
};
