import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { finance, type FinanceSettings, type FinanceSettingsInput } from "../../api/finance";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { SelectField, TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { FINANCE, useFinanceWrite } from "../../hooks/useFinanceWrite";
import { useForm } from "../../hooks/useForm";
import { formatMoney } from "../../lib/money";

type Values = {
  currency: string; billing_day: string; due_day: string; dues_method: string; dues_amount: string;
  interest_kind: string; interest_rate: string; late_fee: string; grace_days: string; provider: string;
  bank_details: string; reminder_offsets: string; quiet_from: string; quiet_until: string;
};

const CURRENCIES = ["CLP", "BRL", "BOB", "ARS", "PEN", "MXN", "USD"];

function toValues(s: FinanceSettings): Values {
  const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return {
    currency: str(s.currency), billing_day: str(s.billing_day), due_day: str(s.due_day),
    dues_method: str(s.dues_method), dues_amount: str(s.dues_amount), interest_kind: str(s.interest_kind),
    interest_rate: str(s.interest_rate), late_fee: str(s.late_fee), grace_days: str(s.grace_days),
    provider: str(s.provider), bank_details: str(s.bank_details),
    reminder_offsets: (s.reminder_offsets ?? []).join(", "), quiet_from: str(s.quiet_from),
    quiet_until: str(s.quiet_until),
  };
}

/** What the form sends: numbers where the API wants numbers, decimals as strings. */
function toBody(v: Values): FinanceSettingsInput {
  const int = (x: string) => (x.trim() === "" ? undefined : Number(x));
  const offsets = v.reminder_offsets.split(/[\s,;]+/).filter(Boolean).map(Number);
  return {
    currency: v.currency as FinanceSettingsInput["currency"], billing_day: int(v.billing_day), due_day: int(v.due_day),
    dues_method: v.dues_method as FinanceSettingsInput["dues_method"], dues_amount: v.dues_amount.trim(),
    interest_kind: v.interest_kind as FinanceSettingsInput["interest_kind"], interest_rate: v.interest_rate.trim(),
    late_fee: v.late_fee.trim(), grace_days: int(v.grace_days),
    provider: (v.provider || null) as FinanceSettingsInput["provider"], bank_details: v.bank_details.trim() || null,
    reminder_offsets: offsets, quiet_from: int(v.quiet_from), quiet_until: int(v.quiet_until),
  };
}

function SettingsForm({ initial, readOnly }: { initial: FinanceSettings; readOnly: boolean }) {
  const { t } = useTranslation();
  const form = useForm<Values>(toValues(initial));
  const save = useFinanceWrite(finance.saveSettings);
  const [saved, setSaved] = useState(false);
  const v = form.values;
  const e = form.fieldErrors;
  const field = (name: keyof Values, extra: { hint?: string; inputMode?: "decimal" | "numeric" } = {}) => (
    <TextField label={t(`financeSettings.${name}`)} value={v[name]} errors={e[name]} {...extra}
      onChange={(x) => { setSaved(false); form.set(name, x); }} />
  );
  const select = (name: keyof Values, options: string[], labels: (o: string) => string) => (
    <SelectField label={t(`financeSettings.${name}`)} value={v[name]} errors={e[name]}
      options={options.map((o) => ({ value: o, label: labels(o) }))}
      onChange={(x) => { setSaved(false); form.set(name, x); }} />
  );
  return (
    <form className="panel" noValidate aria-labelledby="settings-title" onSubmit={(event) => {
      event.preventDefault();
      void form.submit(async () => {
        form.setValues(toValues(await save.mutateAsync(toBody(v))));
        setSaved(true);
      });
    }}>
      <h2 id="settings-title">{t("financeSettings.duesTitle")}</h2>
      <Banner kind="error">{form.formError}</Banner>
      <Banner kind="success">{saved ? t("common.saved") : null}</Banner>
      <fieldset disabled={readOnly || form.submitting}>
        <legend className="sr-only">{t("financeSettings.duesTitle")}</legend>
        <div className="form-grid">
          {select("currency", CURRENCIES, (c) => c)}
          {select("dues_method", ["fixed", "coefficient", "unit_class"], (m) => t(`financeSettings.method.${m}`))}
          {field("dues_amount", { inputMode: "decimal", hint: t("financeSettings.duesAmountHint") })}
          {field("billing_day", { inputMode: "numeric" })}
          {field("due_day", { inputMode: "numeric" })}
          {field("grace_days", { inputMode: "numeric" })}
          {select("interest_kind", ["none", "simple", "compound"], (k) => t(`financeSettings.interest.${k}`))}
          {field("interest_rate", { inputMode: "decimal", hint: t("financeSettings.interestRateHint") })}
          {field("late_fee", { inputMode: "decimal" })}
          {select("provider", ["", "mercadopago", "stripe"],
            (p) => (p ? t(`financeSettings.providers.${p}`) : t("financeSettings.providers.none")))}
          {field("reminder_offsets", { hint: t("financeSettings.reminderHint") })}
          {field("quiet_from", { inputMode: "numeric" })}
          {field("quiet_until", { inputMode: "numeric" })}
        </div>
        <div className="field">
          <label htmlFor="bank-details">{t("financeSettings.bank_details")}</label>
          <textarea id="bank-details" rows={3} value={v.bank_details}
            onChange={(event) => { setSaved(false); form.set("bank_details", event.target.value); }} />
        </div>
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="button primary">
              {form.submitting ? t("common.saving") : t("common.save")}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}

const CATALOGUE_KINDS = ["fine", "other", "reservation"] as const;

function ChargeCatalogue({ currency, readOnly }: { currency: string; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: [FINANCE, "charge-types"], queryFn: finance.chargeTypes });
  const rows = list.data ?? null;
  const create = useFinanceWrite(finance.createChargeType);
  const form = useForm({ kind: "fine", name: "", amount: "" });
  return (
    <section className="panel" aria-labelledby="fines-title">
      <h2 id="fines-title">{t("financeSettings.catalogueTitle")}</h2>
      <QueryError error={list.error} />
      <Banner kind="error">{form.formError}</Banner>
      {!rows ? !list.error && <Loading /> : (
        <div className="table-wrap"><table>
          <caption className="sr-only">{t("financeSettings.catalogueTitle")}</caption>
          <thead><tr><th scope="col">{t("financeSettings.chargeName")}</th>
            <th scope="col">{t("financeSettings.chargeKind")}</th>
            <th scope="col" className="num">{t("myFinance.amount")}</th></tr></thead>
          <tbody>
            {rows.length === 0 && <tr className="empty-row"><td colSpan={3}>{t("common.noResults")}</td></tr>}
            {rows.map((f) => <tr key={f.id}><td>{f.name}</td><td>{t(`enums.chargeKind.${f.kind}`)}</td>
              <td className="num">{formatMoney(f.amount, currency, i18n.language)}</td></tr>)}
          </tbody>
        </table></div>
      )}
      {!readOnly && (
        <form className="inline-form" noValidate onSubmit={(event) => {
          event.preventDefault();
          void form.submit(async () => {
            await create.mutateAsync({ kind: form.values.kind as (typeof CATALOGUE_KINDS)[number],
              name: form.values.name.trim(), amount: form.values.amount.trim() });
            form.setValues({ kind: form.values.kind, name: "", amount: "" });
          });
        }}>
          <fieldset disabled={form.submitting} className="form-grid">
            <legend className="sr-only">{t("financeSettings.newCharge")}</legend>
            <SelectField label={t("financeSettings.chargeKind")} value={form.values.kind}
              options={CATALOGUE_KINDS.map((k) => ({ value: k, label: t(`enums.chargeKind.${k}`) }))}
              onChange={(x) => form.set("kind", x)} errors={form.fieldErrors.kind} />
            <TextField label={t("financeSettings.chargeName")} value={form.values.name} required
              onChange={(x) => form.set("name", x)} errors={form.fieldErrors.name} />
            <TextField label={t("myFinance.amount")} value={form.values.amount} inputMode="decimal" required
              onChange={(x) => form.set("amount", x)} errors={form.fieldErrors.amount} />
            <div className="form-actions">
              <button type="submit" className="button primary">{t("financeSettings.newCharge")}</button>
            </div>
          </fieldset>
        </form>
      )}
    </section>
  );
}

/** How the condominium bills: dues rule, calendar, late rules, payments, reminders, fines. */
export function FinanceSettingsPage() {
  const { t } = useTranslation();
  const { capabilities } = useAuth();
  const readOnly = !can(capabilities, "finance", "write");
  const loaded = useQuery({ queryKey: [FINANCE, "settings"], queryFn: finance.settings });
  const settings = loaded.data ?? null;
  const error = loaded.error;
  return (
    <section className="page">
      <PageHeader title={t("financeSettings.title")}><p className="muted">{t("financeSettings.subtitle")}</p></PageHeader>
      <QueryError error={error} />
      {!settings ? (!error && <Loading />) : (
        <>
          <SettingsForm initial={settings} readOnly={readOnly} />
          <ChargeCatalogue currency={settings.currency ?? "CLP"} readOnly={readOnly} />
        </>
      )}
    </section>
  );
}
