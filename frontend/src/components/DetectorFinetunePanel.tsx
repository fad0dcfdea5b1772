import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { faceModels, type RecognitionDefaults, type TrainedDetector } from "../api/faceModels";
import { useForm } from "../hooks/useForm";
import { useJob } from "../hooks/useJob";
import { formatDecimal } from "../lib/format";
import { Banner } from "./Banner";
import { FieldErrorList, TextField } from "./Field";
import { JobProgress } from "./JobProgress";

/** The query of the server's model catalogue (weights present, trained detectors). */
const CATALOGUE_KEY = ["face-models", "available"];

/**
 * Fine-tune a YOLO face detector on a YOLO-format zip (a job on the worker) and list the
 * detectors trained so far with their validation scores; a finished job reloads the
 * catalogue, and with it the retraining form's choice of detector files.
 */
export function DetectorFinetunePanel({ detectors, defaults }: {
  detectors: TrainedDetector[];
  defaults: RecognitionDefaults;
}) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { job, error: pollError, done } = useJob(jobId);
  const start = useMutation({
    mutationFn: (args: { file: File; base: string; epochs: number; imgsz: number }) =>
      faceModels.finetuneDetector(args.file, { base: args.base, epochs: args.epochs, imgsz: args.imgsz }),
    onSuccess: setJobId,
  });
  const onnx = job?.state === "finished" ? (job.result as { onnx?: string } | null)?.onnx ?? "?" : null;
  const message = onnx ? t("faceModels.finetuned", { file: onnx }) : null;
  const form = useForm({ base: defaults.detector_base, epochs: String(defaults.detector_epochs),
    imgsz: String(defaults.detector_imgsz) });
  const v = form.values;
  const fileErrors = (form.fieldErrors.file ?? []).map((m) => (m === "not_a_zip" ? t("faceDatasets.notAZip") : m));

  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: CATALOGUE_KEY });
  }, [done, jobId, queryClient]);

  return (
    <form className="panel" noValidate aria-labelledby="finetune-title" onSubmit={(event) => {
      event.preventDefault();
      if (!file) {
        form.setFormError(t("faceModels.finetuneNoFile"));
        return;
      }
      void form.submit(async () => {
        await start.mutateAsync({ file, base: v.base, epochs: Number(v.epochs), imgsz: Number(v.imgsz) });
      });
    }}>
      <h2 id="finetune-title">{t("faceModels.finetuneTitle")}</h2>
      <p className="field-hint">{t("faceModels.finetuneHelp")}</p>
      <Banner kind="error">{form.formError}</Banner>
      <Banner kind="success">{message}</Banner>
      <fieldset disabled={form.submitting}>
        <legend className="sr-only">{t("faceModels.finetuneTitle")}</legend>
        <div className={`field${fileErrors.length ? " has-error" : ""}`}>
          <label htmlFor="finetune-file">{t("faceModels.finetuneFile")}</label>
          <input id="finetune-file" type="file" accept=".zip,application/zip"
            aria-invalid={fileErrors.length ? true : undefined} aria-describedby="finetune-file-errors"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <FieldErrorList id="finetune-file-errors" errors={fileErrors} />
        </div>
        <div className="form-grid">
          <TextField label={t("faceModels.finetuneBase")} hint={t("faceModels.finetuneBaseHint")}
            value={v.base} onChange={(x) => form.set("base", x)} errors={form.fieldErrors.base} />
          <TextField label={t("faceModels.epochs")} value={v.epochs} inputMode="numeric"
            onChange={(x) => form.set("epochs", x)} errors={form.fieldErrors.epochs} />
          <TextField label={t("faceModels.imageSize")} value={v.imgsz} inputMode="numeric"
            onChange={(x) => form.set("imgsz", x)} errors={form.fieldErrors.imgsz} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={form.submitting}>
            {t("faceModels.finetune")}
          </button>
        </div>
      </fieldset>
      {jobId && <JobProgress job={job} error={pollError} label={t("faceModels.finetuning")} />}
      <h3>{t("faceModels.trainedDetectors")}</h3>
      {detectors.length === 0 ? <p className="muted">{t("faceModels.noTrainedDetectors")}</p> : (
        <table className="table">
          <thead>
            <tr><th>{t("faceModels.detectorFile")}</th><th>mAP50</th><th>{t("faceModels.epochs")}</th>
              <th>{t("faceModels.confidence")}</th></tr>
          </thead>
          <tbody>
            {detectors.map((d) => (
              <tr key={d.onnx}>
                <td><code>{d.onnx}</code></td>
                <td>{formatDecimal(d.metrics?.mAP50 as number | undefined, i18n.language, 3)}</td>
                <td>{d.epochs}</td>
                <td>{formatDecimal(d.conf, i18n.language, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}

/** The fine-tuned detectors the server has (reloaded when a fine-tuning job ends). */
export function useFaceCatalogue() {
  const { data, error } = useQuery({ queryKey: CATALOGUE_KEY, queryFn: faceModels.available });
  // The server's recognition and training defaults (vision/defaults.py): forms start there.
  return { detectors: data?.trained_detectors ?? NO_DETECTORS, defaults: data?.defaults, error };
}

const NO_DETECTORS: TrainedDetector[] = [];
