import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { faceModels, type FaceModel, type RecognitionDefaults, type TrainedDetector } from "../../api/faceModels";
import { useAuth } from "../../auth/AuthProvider";
import { can, canActivateFaceModels, canFinetuneDetectors } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { DetectorFinetunePanel, useFaceCatalogue } from "../../components/DetectorFinetunePanel";
import { CheckboxField, SelectField, TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { JobProgress } from "../../components/JobProgress";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { ScoreHistogram } from "../../components/ScoreHistogram";
import { useForm } from "../../hooks/useForm";
import { useJob } from "../../hooks/useJob";
import {
  FACE_DETECTORS, FACE_MODEL_NAMES, formatRate,
} from "../../lib/faces";
import { formatDateTime, formatDecimal } from "../../lib/format";

/** The version whose report is shown first: the active one, else the latest with a report. */
function defaultSelection(models: FaceModel[]): number | null {
  const active = models.find((m) => m.is_active && m.report);
  if (active) return active.id;
  const withReport = [...models].reverse().find((m) => m.report);
  return withReport?.id ?? models.find((m) => m.is_active)?.id ?? null;
}

interface RetrainResult {
  model_id?: number;
  version?: number;
  activated?: boolean;
}

function RetrainForm({ onStarted, detectors, defaults, children }: {
  onStarted(jobId: string): void;
  detectors: TrainedDetector[];
  defaults: RecognitionDefaults;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const retrain = useMutation({ mutationFn: faceModels.retrain, onSuccess: onStarted });
  const form = useForm({
    model: defaults.model, detector: defaults.detector, detector_weights: "",
    target_far: String(defaults.target_far), activate: false as boolean,
  });
  const v = form.values;
  const e = form.fieldErrors;
  return (
    <form className="panel" noValidate aria-labelledby="retrain-title" onSubmit={(event) => {
      event.preventDefault();
      void form.submit(async () => {
        const far = Number(String(v.target_far).replace(",", "."));
        await retrain.mutateAsync({
          model: v.model, detector: v.detector, activate: v.activate,
          detector_weights: v.detector === "yolo" && v.detector_weights ? v.detector_weights : null,
          target_far: Number.isFinite(far) ? far : (v.target_far as unknown as number),
        });
      });
    }}>
      <h2 id="retrain-title">{t("faceModels.retrainTitle")}</h2>
      <p className="field-hint">{t("faceModels.retrainHelp")}</p>
      <Banner kind="error">{form.formError}</Banner>
      <fieldset disabled={form.submitting}>
        <legend className="sr-only">{t("faceModels.retrainTitle")}</legend>
        <div className="form-grid">
          <SelectField label={t("faceModels.model")} value={v.model} errors={e.model}
            options={FACE_MODEL_NAMES.map((name) => ({ value: name, label: name }))}
            onChange={(x) => form.set("model", x)} />
          <SelectField label={t("faceModels.detector")} value={v.detector} errors={e.detector}
            options={FACE_DETECTORS.map((name) => ({ value: name, label: t(`enums.detector.${name}`) }))}
            onChange={(x) => form.set("detector", x)} />
          {v.detector === "yolo" && (
            <SelectField label={t("faceModels.detectorFile")} value={v.detector_weights}
              errors={e.detector_weights} placeholder={t("faceModels.defaultDetectorFile")}
              options={detectors.map((d) => ({ value: d.onnx, label: d.onnx }))}
              onChange={(x) => form.set("detector_weights", x)} />
          )}
          <TextField label={t("faceModels.targetFar")} hint={t("faceModels.targetFarHint")} value={v.target_far}
            inputMode="decimal" onChange={(x) => form.set("target_far", x)} errors={e.target_far} />
        </div>
        <CheckboxField label={t("faceModels.activateIfBetter")} checked={v.activate}
          onChange={(x) => form.set("activate", x)} errors={e.activate} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={form.submitting}>
            {form.submitting ? t("faceModels.starting") : t("faceModels.retrain")}
          </button>
        </div>
      </fieldset>
      {children}
    </form>
  );
}

/** Recognition model versions: evaluation, activation, retraining. */
export function FaceModelsPage() {
  const { t, i18n } = useTranslation();
  const { capabilities } = useAuth();
  const canRetrain = can(capabilities, "faceModels", "write");
  const canActivate = canActivateFaceModels(capabilities);
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ["face-models", "list"], queryFn: faceModels.list });
  const models = list.data ?? null;
  const [chosen, setChosen] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error: pollError, done } = useJob(jobId);
  const catalogue = useFaceCatalogue();
  const reload = () => queryClient.invalidateQueries({ queryKey: ["face-models"] });
  const activation = useMutation({
    mutationFn: (model: FaceModel) => faceModels.activate(model.id),
    onSuccess: (_, model) => setMessage(t("faceModels.activated", { version: model.version })),
    onSettled: reload,
  });

  // A retraining job that ends adds (or fails) a version: say so, and show it.
  const [endedJob, setEndedJob] = useState<string | null>(null);
  if (done && job && job.id !== endedJob) {
    setEndedJob(job.id);
    const result = (job.result ?? {}) as RetrainResult;
    if (job.state === "finished") {
      setMessage(result.activated
        ? t("faceModels.retrainedActivated", { version: result.version ?? "?" })
        : t("faceModels.retrained", { version: result.version ?? "?" }));
      if (typeof result.model_id === "number") setChosen(result.model_id);
    }
  }
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: ["face-models"] });
  }, [done, jobId, queryClient]);

  // The version the user chose while it exists; else the active one (or the latest report).
  const selected = models?.some((m) => m.id === chosen) ? chosen : models ? defaultSelection(models) : null;

  function activate(model: FaceModel) {
    setMessage(null);
    activation.mutate(model);
  }

  const num = (value: number | null | undefined, digits = 3) => formatDecimal(value, i18n.language, digits);
  const rate = (value: number | null | undefined) => formatRate(value, i18n.language);
  const current = models?.find((m) => m.id === selected) ?? null;
  const report = current?.report ?? null;

  return (
    <section className="page">
      <PageHeader title={t("faceModels.title")}>
        <p className="muted">{t("faceModels.subtitle")}</p>
      </PageHeader>
      <QueryError error={list.error ?? catalogue.error} />
      <QueryError error={activation.error} />
      <Banner kind="success">{message}</Banner>

      {list.isPending && <Loading />}
      {models && (
        <div className="table-wrap">
          <table className="models-table">
            <caption className="sr-only">{t("faceModels.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("faceModels.version")}</th>
                <th scope="col">{t("faceModels.model")}</th>
                <th scope="col">{t("faceModels.detector")}</th>
                <th scope="col" className="num">{t("faceModels.threshold")}</th>
                <th scope="col">{t("faceModels.status")}</th>
                <th scope="col">{t("faceModels.active")}</th>
                <th scope="col" className="num">{t("faceModels.rank1")}</th>
                <th scope="col" className="num">{t("faceModels.tar")}</th>
                <th scope="col" className="num">{t("faceModels.eer")}</th>
                <th scope="col"><span className="sr-only">{t("common.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {models.length === 0 && (
                <tr className="empty-row"><td colSpan={10}>{t("faceModels.empty")}</td></tr>
              )}
              {models.map((m) => (
                <tr key={m.id} aria-selected={m.id === selected} className={m.id === selected ? "selected" : undefined}>
                  <th scope="row">{t("faceModels.versionLabel", { version: m.version })}</th>
                  <td>{m.model}</td>
                  <td>{t(`enums.detector.${m.detector}`, { defaultValue: m.detector })}</td>
                  <td className="num">{num(m.threshold)}</td>
                  <td>
                    <span className={`pill ${m.status === "ready" ? "pill-off" : m.status === "failed" ? "pill-bad" : "pill-warn"}`}>
                      {t(`enums.modelStatus.${m.status}`)}
                    </span>
                  </td>
                  <td>{m.is_active ? <span className="pill pill-ok">{t("faceModels.activeBadge")}</span> : "—"}</td>
                  <td className="num">{rate(m.report?.rank1)}</td>
                  <td className="num">{rate(m.report?.tar_at_threshold)}</td>
                  <td className="num">{rate(m.report?.eer)}</td>
                  <td className="actions">
                    <span className="row-actions">
                      {m.report && (
                        <button type="button" className="button" aria-pressed={m.id === selected}
                          onClick={() => setChosen(m.id)}>
                          {t("faceModels.showReport")}
                          <span className="sr-only"> {t("faceModels.versionLabel", { version: m.version })}</span>
                        </button>
                      )}
                      {canActivate && m.status === "ready" && !m.is_active && (
                        <button type="button" className="button primary" onClick={() => activate(m)}>
                          {t("faceModels.activate")}
                          <span className="sr-only"> {t("faceModels.versionLabel", { version: m.version })}</span>
                        </button>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {current && (
        <section className="panel" aria-labelledby="report-title">
          <h2 id="report-title">{t("faceModels.reportTitle", { version: current.version })}</h2>
          {report ? (
            <>
              <dl className="report-facts">
                <div><dt>{t("faceModels.people")}</dt><dd>{report.people}</dd></div>
                <div><dt>{t("faceModels.faces")}</dt><dd>{report.faces}</dd></div>
                <div><dt>{t("faceModels.threshold")}</dt><dd>{num(current.threshold)}</dd></div>
                <div><dt>{t("faceModels.targetFar")}</dt><dd>{num(report.target_far ?? current.target_far, 6)}</dd></div>
                <div><dt>{t("faceModels.far")}</dt><dd>{rate(report.far_at_threshold)}</dd></div>
                <div><dt>{t("faceModels.notDetected")}</dt><dd>{report.faces_not_detected ?? 0}</dd></div>
                <div><dt>{t("faceModels.createdAt")}</dt><dd>{formatDateTime(current.created_at, i18n.language)}</dd></div>
              </dl>
              <ScoreHistogram histogram={report.histogram} threshold={current.threshold}
                title={t("faceModels.chartTitle", { version: current.version })} />
              {report.method && <p className="field-hint">{t("faceModels.method", { method: report.method })}</p>}
            </>
          ) : (
            <p className="muted">{t("faceModels.noReport")}</p>
          )}
        </section>
      )}

      {canRetrain && catalogue.defaults && (
        <RetrainForm detectors={catalogue.detectors} defaults={catalogue.defaults} onStarted={(id) => {
          setMessage(null);
          setJobId(id);
          void reload(); // the new version appears, in training
        }}>
          {jobId && (
            <div className="inline-form">
              <JobProgress job={job} error={pollError} label={t("faceModels.training")} />
            </div>
          )}
        </RetrainForm>
      )}
      {/* Fine-tuning writes model files on the server: its own capability, as in the API. */}
      {canFinetuneDetectors(capabilities) && catalogue.defaults && (
        <DetectorFinetunePanel detectors={catalogue.detectors} defaults={catalogue.defaults} />
      )}
    </section>
  );
}
