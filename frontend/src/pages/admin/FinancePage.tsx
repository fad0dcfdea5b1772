import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/errors";
import { finance, saveBlob } from "../../api/finance";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { FINANCE, useFinanceWrite } from "../../hooks/useFinanceWrite";
import { useForm } from "../../hooks/useForm";
import { formatDate } from "../../lib/format";
import { AGING_BUCKETS, formatMoney, periodOf } from "../../lib/money";

function BillingPanel() {
  const { t } = useTranslation();
  const form = useForm({ period: periodOf(new Date()) });
  const billing = useFinanceWrite(finance.runBilling);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form className="panel" noValidate aria-labelledby="billing-title" onSubmit={(event) => {
      event.preventDefault();
      setMessage(null);
      void form.submit(async () => {
        const result = await billing.mutateAsync(form.values.period);
        setMessage(t("finance.billed", { created: result.created, skipped: result.skipped }));
      });
    }}>
      <h2 id="billing-title">{t("finance.billingTitle")}</h2>
      <p className="field-hint">{t("finance.billingHelp")}</p>
      <Banner kind="error">{form.formError}</Banner>
      <Banner kind="success">{message}</Banner>
      <fieldset disabled={form.submitting} className="form-grid">
        <legend className="sr-only">{t("finance.billingTitle")}</legend>
        <TextField label={t("finance.period")} value={form.values.period} hint="2026-03"
          onChange={(x) => form.set("period", x)} errors={form.fieldErrors.period} />
        <div className="form-actions">
          <button type="submit" className="button primary">{t("finance.runBilling")}</button>
        </div>
      </fieldset>
    </form>
  );
}

function Transfers({ codes, money, canReview }: {
  codes: Map<number, string>; money(v?: string | null): string; canReview: boolean;
}) {
  const { t, i18n } = useTranslation();
  const pending = useQuery({ queryKey: [FINANCE, "transfers", "pending"], queryFn: () => finance.transfers("pending") });
  const rows = pending.data ?? null;
  const [notes, setNotes] = useState<Record<number, string>>({});
  // Reviews change balances too; viewing a proof changes nothing but can fail the same way.
  const act = useFinanceWrite((action: () => Promise<unknown>) => action());
  return (
    <section className="panel" aria-labelledby="transfers-title">
      <h2 id="transfers-title">{t("finance.pendingTransfers")}</h2>
      <QueryError error={pending.error ?? act.error} />
      {!rows ? !pending.error && <Loading /> : (
        <div className="table-wrap"><table>
          <caption className="sr-only">{t("finance.pendingTransfers")}</caption>
          <thead><tr>
            <th scope="col">{t("finance.unit")}</th><th scope="col">{t("myFinance.paidOn")}</th>
            <th scope="col">{t("myFinance.reference")}</th><th scope="col" className="num">{t("myFinance.amount")}</th>
            <th scope="col"><span className="sr-only">{t("common.actions")}</span></th>
          </tr></thead>
          <tbody>
            {rows.length === 0 && <tr className="empty-row"><td colSpan={5}>{t("finance.noPending")}</td></tr>}
            {rows.map((p) => (
              <tr key={p.id}>
                <td>{codes.get(p.unit_id) ?? p.unit_id}</td><td>{formatDate(p.paid_on, i18n.language)}</td>
                <td>{p.reference ?? "—"}</td><td className="num">{money(p.amount)}</td>
                <td className="actions"><span className="row-actions">
                  <button type="button" className="button" onClick={() => act.mutate(async () =>
                    saveBlob(await finance.proofFile(p.id), `comprobante-${p.id}`))}>{t("finance.viewProof")}</button>
                  {canReview && <>
                    <button type="button" className="button primary"
                      onClick={() => act.mutate(() => finance.approve(p.id))}>{t("finance.approve")}</button>
                    <label className="sr-only" htmlFor={`note-${p.id}`}>{t("finance.rejectNote")}</label>
                    <input id={`note-${p.id}`} placeholder={t("finance.rejectNote")} value={notes[p.id] ?? ""}
                      onChange={(e) => setNotes({ ...notes, [p.id]: e.target.value })} />
                    <button type="button" className="button danger-outline"
                      onClick={() => act.mutate(() => finance.reject(p.id, notes[p.id] ?? ""))}>{t("finance.reject")}</button>
                  </>}
                </span></td>
              </tr>))}
          </tbody>
        </table></div>
      )}
    </section>
  );
}

function RiskTable() {
  const { t } = useTranslation();
  const risk = useQuery({ queryKey: [FINANCE, "risk"], queryFn: finance.risk });
  const rows = risk.data?.slice(0, 10) ?? null;
  // No trained risk model yet: the server answers 404, which is a state, not a failure.
  const missing = risk.error instanceof ApiError && risk.error.status === 404;
  return (
    <section className="panel" aria-labelledby="risk-title">
      <h2 id="risk-title">{t("finance.riskTitle")}</h2>
      {!missing && <QueryError error={risk.error} />}
      {missing ? <p className="muted">{t("finance.noRiskModel")}</p> : !rows ? !risk.error && <Loading /> : (
        <div className="table-wrap"><table>
          <caption className="sr-only">{t("finance.riskTitle")}</caption>
          <thead><tr>
            <th scope="col">{t("finance.unit")}</th><th scope="col" className="num">{t("finance.risk")}</th>
            <th scope="col">{t("finance.reasons")}</th>
          </tr></thead>
          <tbody>{rows.map((r) => (
            <tr key={r.unit_id}>
              <td>{r.unit_code}</td><td className="num">{Math.round(r.score * 100)}%</td>
              <td>{r.reasons.map((reason) => t(`finance.feature.${reason.feature}`)).join(", ") || "—"}</td>
            </tr>))}
          </tbody>
        </table></div>
      )}
    </section>
  );
}

/** Finance administration: billing runs, transfers to review, delinquency, risk. */
export function FinancePage() {
  const { t, i18n } = useTranslation();
  const { me, capabilities } = useAuth();
  const canWrite = can(capabilities, "finance", "write");
  const currency = me?.condominium.currency ?? "CLP";
  const money = (value?: string | null) => formatMoney(value, currency, i18n.language);
  const delinquency = useQuery({ queryKey: [FINANCE, "delinquency"], queryFn: finance.delinquency });
  const balances = useQuery({ queryKey: [FINANCE, "balances"], queryFn: finance.balances });
  const late = delinquency.data ?? null;
  const codes = new Map((balances.data ?? []).map((b) => [b.unit_id, b.unit_code]));
  const download = useMutation({
    mutationFn: async (format: "csv" | "xlsx" | "pdf") =>
      saveBlob(await finance.delinquencyExport(format), `${t("finance.delinquencyFile")}.${format}`),
  });
  return (
    <section className="page">
      <PageHeader title={t("finance.title")}
        actions={<>
          <Link className="button" to="/finance/ledger">{t("finance.ledgerLink")}</Link>
          <Link className="button" to="/finance/reports">{t("finance.reportsLink")}</Link>
          <Link className="button" to="/finance/settings">{t("finance.settingsLink")}</Link>
        </>}>
        <p className="muted">{t("finance.subtitle")}</p>
      </PageHeader>
      <QueryError error={delinquency.error ?? balances.error ?? download.error} />
      {canWrite && <BillingPanel />}
      <Transfers codes={codes} money={money} canReview={canWrite} />
      <section className="panel" aria-labelledby="late-title">
        <h2 id="late-title">{t("finance.delinquency")}</h2>
        <div className="row-actions">
          {(["csv", "xlsx", "pdf"] as const).map((format) => (
            <button key={format} type="button" className="button" onClick={() => download.mutate(format)}>{t(`finance.download.${format}`)}</button>))}
        </div>
        {!late ? !delinquency.error && <Loading /> : (
          <div className="table-wrap"><table>
            <caption className="sr-only">{t("finance.delinquency")}</caption>
            <thead><tr>
              <th scope="col">{t("finance.unit")}</th><th scope="col" className="num">{t("finance.daysLate")}</th>
              <th scope="col" className="num">{t("myFinance.pending")}</th>
              {AGING_BUCKETS.map((b) => <th key={b} scope="col" className="num">{t(`finance.bucket.${b}`)}</th>)}
            </tr></thead>
            <tbody>
              {late.length === 0 && <tr className="empty-row"><td colSpan={8}>{t("finance.noneLate")}</td></tr>}
              {late.map((b) => (
                <tr key={b.unit_id}>
                  <td>{b.unit_code}</td><td className="num">{b.days_late}</td>
                  <td className="num">{money(b.open_total)}</td>
                  {AGING_BUCKETS.map((k) => <td key={k} className="num">{money(b.aging[k])}</td>)}
                </tr>))}
            </tbody>
          </table></div>
        )}
      </section>
      <RiskTable />
    </section>
  );
}
