import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../auth/AuthProvider";
import { finance, saveBlob, type Balance, type Entry } from "../../api/finance";
import { Banner } from "../../components/Banner";
import { TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { FINANCE, useFinanceWrite } from "../../hooks/useFinanceWrite";
import { useForm } from "../../hooks/useForm";
import { formatDate } from "../../lib/format";
import { AGING_BUCKETS, formatMoney, owes } from "../../lib/money";

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function TransferForm({ balance }: { balance: Balance }) {
  const { t } = useTranslation();
  const report = useFinanceWrite(finance.reportTransfer);
  const form = useForm({ amount: owes(balance.balance) ? String(Number(balance.balance)) : "",
    paid_on: today(), reference: "" });
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(false);
  const v = form.values;
  const e = form.fieldErrors;
  return (
    <form className="inline-form" noValidate onSubmit={(event) => {
      event.preventDefault();
      void form.submit(async () => {
        if (!file) {
          form.setFieldErrors({ file: [t("myFinance.proofMissing")] });
          return;
        }
        await report.mutateAsync({ unit_id: balance.unit_id, amount: v.amount, paid_on: v.paid_on,
          reference: v.reference || undefined, file });
        setSent(true);
      });
    }}>
      <h3>{t("myFinance.reportTransfer")}</h3>
      <Banner kind="error">{form.formError}</Banner>
      <Banner kind="success">{sent ? t("myFinance.transferSent") : null}</Banner>
      <fieldset disabled={form.submitting}>
        <legend className="sr-only">{t("myFinance.reportTransfer")}</legend>
        <div className="form-grid">
          <TextField label={t("myFinance.amount")} value={v.amount} inputMode="decimal" required
            onChange={(x) => form.set("amount", x)} errors={e.amount} />
          <TextField label={t("myFinance.paidOn")} type="date" value={v.paid_on} required
            onChange={(x) => form.set("paid_on", x)} errors={e.paid_on} />
          <TextField label={t("myFinance.reference")} value={v.reference}
            onChange={(x) => form.set("reference", x)} errors={e.reference} />
          <div className="field">
            <label htmlFor={`proof-${balance.unit_id}`}>{t("myFinance.proof")}</label>
            <input id={`proof-${balance.unit_id}`} type="file" accept="application/pdf,image/*"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
            <p className="field-hint">{t("myFinance.proofHint")}</p>
            {e.file && <ul className="field-errors">{e.file.map((m) => <li key={m}>{m}</li>)}</ul>}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary">{t("myFinance.sendTransfer")}</button>
        </div>
      </fieldset>
    </form>
  );
}

function UnitAccount({ balance, currency }: { balance: Balance; currency: string }) {
  const { t, i18n } = useTranslation();
  const unitId = balance.unit_id;
  const charges = useQuery({ queryKey: [FINANCE, "unpaid", unitId], queryFn: () => finance.unpaidCharges(unitId) });
  const payments = useQuery({ queryKey: [FINANCE, "payments", unitId], queryFn: () => finance.payments(unitId) });
  const options = useQuery({ queryKey: [FINANCE, "options", unitId], queryFn: () => finance.paymentOptions(unitId) });
  const data = charges.data && payments.data && options.data
    ? { charges: charges.data, payments: payments.data.items, options: options.data } : null;
  const loadError = charges.error ?? payments.error ?? options.error;
  const money = (value: string | null | undefined) =>
    formatMoney(value, data?.options.currency ?? currency, i18n.language);

  // Online payment: the provider's page takes over.
  const payOnline = useMutation({
    mutationFn: () => finance.checkout(unitId),
    onSuccess: (checkout) => window.location.assign(checkout.redirect_url),
  });
  const download = useMutation({
    mutationFn: async (payment: Entry) =>
      saveBlob(await finance.receipt(payment.id), `comprobante-${payment.receipt_code}.pdf`),
  });

  return (
    <section className="panel" aria-labelledby={`unit-${balance.unit_id}`}>
      <h2 id={`unit-${balance.unit_id}`}>{t("myFinance.unit", { code: balance.unit_code })}</h2>
      <p className={owes(balance.balance) ? "amount-due" : "amount-ok"}>
        {owes(balance.balance)
          ? t("myFinance.youOwe", { amount: money(balance.balance) })
          : Number(balance.balance) < 0
            ? t("myFinance.inFavour", { amount: money(String(-Number(balance.balance))) })
            : t("myFinance.upToDate")}
        {balance.days_late > 0 && <> · {t("myFinance.daysLate", { count: balance.days_late })}</>}
      </p>
      <QueryError error={loadError ?? payOnline.error ?? download.error} />
      {!data ? !loadError && <Loading /> : (
        <>
          {data.charges.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption>{t("myFinance.openCharges")}</caption>
                <thead><tr>
                  <th scope="col">{t("myFinance.concept")}</th><th scope="col">{t("myFinance.dueOn")}</th>
                  <th scope="col" className="num">{t("myFinance.amount")}</th>
                  <th scope="col" className="num">{t("myFinance.pending")}</th>
                </tr></thead>
                <tbody>{data.charges.map((c) => (
                  <tr key={c.id}>
                    <td>{c.description ?? t(`enums.chargeKind.${c.kind}`)}</td>
                    <td>{formatDate(c.due_on, i18n.language)}</td>
                    <td className="num">{money(c.amount)}</td><td className="num">{money(c.open_amount)}</td>
                  </tr>))}
                </tbody>
              </table>
            </div>
          )}
          {owes(balance.balance) && (
            <div className="aging" aria-label={t("myFinance.aging")}>
              {AGING_BUCKETS.filter((b) => Number(balance.aging[b] ?? 0) > 0).map((b) => (
                <span key={b} className="pill pill-warn">{t(`finance.bucket.${b}`)}: {money(balance.aging[b])}</span>
              ))}
            </div>
          )}
          {owes(balance.balance) && (data.options.provider ? (
            <div className="form-actions">
              <button type="button" className="button primary" onClick={() => payOnline.mutate()}>
                {t("myFinance.payOnline", { amount: money(data.options.amount_due) })}
              </button>
            </div>
          ) : (
            <div className="banner banner-info">
              <strong>{t("myFinance.bankTransfer")}</strong>
              <p className="preformatted">{data.options.bank_details ?? t("myFinance.askAdministration")}</p>
            </div>
          ))}
          <TransferForm balance={balance} />
          <div className="table-wrap">
            <table>
              <caption>{t("myFinance.payments")}</caption>
              <thead><tr>
                <th scope="col">{t("myFinance.paidOn")}</th><th scope="col">{t("myFinance.method")}</th>
                <th scope="col" className="num">{t("myFinance.amount")}</th>
                <th scope="col"><span className="sr-only">{t("common.actions")}</span></th>
              </tr></thead>
              <tbody>
                {data.payments.length === 0 && (
                  <tr className="empty-row"><td colSpan={4}>{t("myFinance.noPayments")}</td></tr>)}
                {data.payments.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDate(p.booked_on, i18n.language)}</td>
                    <td>{t(`enums.paymentMethod.${p.kind}`)}{p.status === "reversed" && <> · {t("myFinance.reversed")}</>}</td>
                    <td className="num">{money(p.amount)}</td>
                    <td className="actions">
                      <button type="button" className="button" onClick={() => download.mutate(p)}>
                        {t("myFinance.receipt")}
                      </button>
                    </td>
                  </tr>))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** A resident's money: balance and aging per unit, what is open, how to pay, receipts. */
export function MyFinancePage() {
  const { t } = useTranslation();
  const loaded = useQuery({ queryKey: [FINANCE, "balances"], queryFn: finance.balances });
  const balances = loaded.data ?? null;
  const error = loaded.error;
  const { me } = useAuth();
  const currency = me?.condominium.currency ?? "CLP";
  const back = new URLSearchParams(window.location.search).get("checkout");

  return (
    <section className="page">
      <PageHeader title={t("myFinance.title")}>
        <p className="muted">{t("myFinance.subtitle")}</p>
      </PageHeader>
      <QueryError error={error} />
      <Banner kind="info">{back === "done" ? t("myFinance.checkoutDone") : back === "cancelled"
        ? t("myFinance.checkoutCancelled") : null}</Banner>
      {!balances ? (!error && <Loading />) : balances.length === 0
        ? <p className="muted">{t("myFinance.noUnits")}</p>
        : balances.map((b) => <UnitAccount key={b.unit_id} balance={b} currency={currency} />)}
    </section>
  );
}
