import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, formatApiError } from "../../api/errors";
import { finance, saveBlob, type Balance, type TransferProof, type UnitRisk } from "../../api/finance";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { useForm } from "../../hooks/useForm";
import { formatDate } from "../../lib/format";
import { AGING_BUCKETS, formatMoney, periodOf } from "../../lib/money";

function BillingPanel({ onBilled }: { onBilled(): void }) {
  const { t } = useTranslation();
  const form = useForm({ period: periodOf(new Date()) });
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form className="panel" noValidate aria-labelledby="billing-title" onSubmit={(event) => {
      event.preventDefault();
      setMessage(null);
      void form.submit(async () => {
        const result = await finance.runBilling(form.values.period);
        setMessage(t("finance.billed", { created: result.created, skipped: result.skipped }));
        onBilled();
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

function Transfers({ codes, money, canReview, onReviewed }: {
  codes: Map<number, string>; money(v?: string | null): string; canReview: boolean; onReviewed(): void;
}) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<TransferProof[] | null>(null);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    finance.transfers("pending").then(setRows).catch((err) => setError(formatApiError(err, t)));
  }, [reload]);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setReload((n) => n + 1);
      onReviewed();
    } catch (err) {
      setError(formatApiError(err, t));
    }
  };
  return (
    <section className="panel" aria-labelledby="transfers-title">
      <h2 id="transfers-title">{t("finance.pendingTransfers")}</h2>
      <Banner kind="error">{error}</Banner>
      {!rows ? <Loading /> : (
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
                  <button type="button" className="button" onClick={() => void act(async () =>
                    saveBlob(await finance.proofFile(p.id), `comprobante-${p.id}`))}>{t("finance.viewProof")}</button>
                  {canReview && <>
                    <button type="button" className="button primary"
                      onClick={() => void act(() => finance.approve(p.id))}>{t("finance.approve")}</button>
                    <label className="sr-only" htmlFor={`note-${p.id}`}>{t("finance.rejectNote")}</label>
                    <input id={`note-${p.id}`} placeholder={t("finance.rejectNote")} value={notes[p.id] ?? ""}
                      onChange={(e) => setNotes({ ...notes, [p.id]: e.target.value })} />
                    <button type="button" className="button danger-outline"
                      onClick={() => void act(() => finance.reject(p.id, notes[p.id] ?? ""))}>{t("finance.reject")}</button>
                  </>}
                </span></td>
              </tr>))}
          </tbody>
        </table></div>
      )}
    </section>
  );
}

function RiskTable({ reload }: { reload: number }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<UnitRisk[] | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    finance.risk().then((r) => setRows(r.slice(0, 10)))
      .catch((err) => (err instanceof ApiError && err.status === 404 ? setMissing(true) : setRows([])));
  }, [reload]);
  return (
    <section className="panel" aria-labelledby="risk-title">
      <h2 id="risk-title">{t("finance.riskTitle")}</h2>
      {missing ? <p className="muted">{t("finance.noRiskModel")}</p> : !rows ? <Loading /> : (
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
  const [late, setLate] = useState<Balance[] | null>(null);
  const [codes, setCodes] = useState(new Map<number, string>());
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    Promise.all([finance.delinquency(), finance.balances()])
      .then(([rows, all]) => {
        setLate(rows);
        setCodes(new Map(all.map((b) => [b.unit_id, b.unit_code])));
      })
      .catch((err) => setError(formatApiError(err, t)));
  }, [reload]);
  const refresh = () => setReload((n) => n + 1);
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
      <Banner kind="error">{error}</Banner>
      {canWrite && <BillingPanel onBilled={refresh} />}
      <Transfers codes={codes} money={money} canReview={canWrite} onReviewed={refresh} />
      <section className="panel" aria-labelledby="late-title">
        <h2 id="late-title">{t("finance.delinquency")}</h2>
        <div className="row-actions">
          {(["csv", "xlsx", "pdf"] as const).map((format) => (
            <button key={format} type="button" className="button" onClick={() => {
              setError(null);
              finance.delinquencyExport(format)
                .then((data) => saveBlob(data, `${t("finance.delinquencyFile")}.${format}`))
                .catch((err) => setError(formatApiError(err, t)));
            }}>{t(`finance.download.${format}`)}</button>))}
        </div>
        {!late ? <Loading /> : (
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
      <RiskTable reload={reload} />
    </section>
  );
}
