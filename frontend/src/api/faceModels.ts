/** Face recognition model versions: retraining, activation, detectors and their fine-tuning. */
import { api, unwrap, type Schemas } from "./client";
import { multipart } from "./request";

export type RetrainInput = Omit<Required<Schemas["RetrainRequest"]>, "detector_weights"> &
  { detector_weights?: string | null };
export type FaceCatalogue = Schemas["Catalogue"];
export type TrainedDetector = Schemas["TrainedDetector"];

/** `FaceModel.report`: documented as a free-form object; what the server writes. */
export interface FaceModelReport {
  people: number;
  faces: number;
  threshold: number;
  target_far: number;
  method: string;
  rank1: number | null;
  tar_at_threshold: number | null;
  far_at_threshold: number | null;
  eer: number | null;
  faces_not_detected: number;
  histogram: { bins: number[]; genuine: number[]; impostor: number[] };
}
export type FaceModel = Omit<Schemas["FaceModel"], "report"> & { report?: FaceModelReport | null };

export const faceModels = {
  async list(): Promise<FaceModel[]> {
    return (unwrap(await api.GET("/api/v1/face-models")) ?? []) as FaceModel[];
  },
  /** Start a retraining job; 422 names what is missing (an unknown model, its weights). */
  async retrain(body: RetrainInput): Promise<string> {
    return unwrap(await api.POST("/api/v1/face-models/retrain", { body })).job_id;
  },
  async activate(id: number): Promise<FaceModel> {
    return unwrap(await api.POST("/api/v1/face-models/{model_id}/activate",
      { params: { path: { model_id: id } } })) as FaceModel;
  },
  /** Models and detectors whose weights are present, and the fine-tuned detectors. */
  async available(): Promise<FaceCatalogue> {
    return unwrap(await api.GET("/api/v1/face-models/available"));
  },
  /** Queue a YOLO face detector fine-tune on a YOLO-format zip; answers the job id. */
  async finetuneDetector(file: File, options: { base: string; epochs: number; imgsz: number }):
    Promise<string> {
    const form = new FormData();
    form.append("file", file, file.name);
    form.append("base", options.base);
    form.append("epochs", String(options.epochs));
    form.append("imgsz", String(options.imgsz));
    const res = await api.POST("/api/v1/face-models/detectors/finetune",
      multipart<Schemas["DetectorFinetuneUpload"]>(form));
    return unwrap(res).job_id;
  },
};
