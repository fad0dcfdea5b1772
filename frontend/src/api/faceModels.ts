/** Face recognition model versions: retraining, activation, detectors and their fine-tuning. */
import { api, unwrap, type Schemas } from "./client";
import { multipart } from "./request";

export type RetrainInput = Omit<Required<Schemas["RetrainRequest"]>, "detector_weights"> &
  { detector_weights?: string | null };
export type FaceCatalogue = Schemas["Catalogue"];
export type RecognitionDefaults = Schemas["RecognitionDefaults"];
export type TrainedDetector = Schemas["TrainedDetector"];

export type FaceModel = Schemas["FaceModel"];
/** A version's evaluation (absent while training; `error` when it failed). */
export type FaceModelReport = NonNullable<FaceModel["report"]>;

export const faceModels = {
  async list(): Promise<FaceModel[]> {
    return unwrap(await api.GET("/api/v1/face-models")) ?? [];
  },
  /** Start a retraining job; 422 names what is missing (an unknown model, its weights). */
  async retrain(body: RetrainInput): Promise<string> {
    return unwrap(await api.POST("/api/v1/face-models/retrain", { body })).job_id;
  },
  async activate(id: number): Promise<FaceModel> {
    return unwrap(await api.POST("/api/v1/face-models/{model_id}/activate",
      { params: { path: { model_id: id } } }));
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
