/** Background jobs (dataset ingestion, retraining, detector fine-tuning). */
import { api, unwrap, type Schemas } from "./client";

export type Job = Schemas["Job"];
export type JobState = Job["state"];

export const jobs = {
  async get(jobId: string): Promise<Job> {
    return unwrap(await api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: jobId } } }));
  },
};
