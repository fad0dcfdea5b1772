import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { finance, saveBlob } from "../../api/finance";
import { useAuth } from "../../auth/AuthProvider";
import { Banner } from "../../components/Banner";
import { BarChart } from "../../components/BarChart";
import { TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { FINANCE, useFinanceWrite } from "../../hooks/useFinanceWrite";
import { useForm } from "../../hooks/useForm";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/money";

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/** The last twelve months, from the first day of the month a year ago to today. */
function lastYear(): [string, string] {
  const now = new Date();
  return [iso(new Date(now.getFullYear() - 1, now.getMonth() + 1, 1)), iso(now)];
}

function ExpenseForm() {
  const { t } = useTranslation();
  const create = useFinanceWrite(finance.createExpense);
  const form = useForm({ supplier: "", category: "", amount: "", spent_on: iso(new Date()) });
  const [invoice, setInvoice] = useState<File | null>(null);
  const v = form.values;
  const e = form.fieldErrors;
  return (
    <form className="inline-form" noValidate onSubmit={(event) => {
      event.preventDefault();
      void form.submit(async () => {
        await create.mutateAsync({ supplier: v.supplier.trim(), category: v.category.trim(),
          amount: v.amount.trim(), spent_on: v.spent_on, invoice });
        form.setValues({ supplier: "", category: "", amount: "", spent_on: v.spent_on });
      });
    }}>
      <h3>{t("financeReports.newExpense")}</h3>
      <Banner kind="error">{form.formError}</Banner>
      <fieldset disabled={form.submitting} className="form-grid">
        <legend className="sr-only">{t("financeReports.newExpense")}</legend>
        <TextField label={t("financeReports.supplier")} value={v.supplier} required
          onChange={(x) => form.set("supplier", x)} errors={e.supplier} />
        <TextField label={t("financeReports.category")} value={v.category} required
          onChange={(x) => form.set("category", x)} errors={e.category} />
        <TextField label={t("myFinance.amount")} value={v.amount} inputMode="decimal" required
          onChange={(x) => form.set("amount", x)} errors={e.amount} />
        <TextField label={t("financeReports.spentOn")} type="date" value={v.spent_on} required
          onChange={(x) => form.set("spent_on", x)} errors={e.spent_on} />
        <div className="field">
          <label htmlFor="expense-invoice">{t("financeReports.invoice")}</label>
          <input id="expense-invoice" type="file" accept="application/pdf,image/*"
            onChange={(event) => setInvoice(event.target.files?.[0] ?? null)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary">{t("financeReports.addExpense")}</button>
        </div>
      </fieldset>
    </form>
  );
}

/** Income vs expenses by month (with CSV), and the expenses with their invoices. */
export function FinanceReportsPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const money = (v?: string | null) => formatMoney(v, me?.condominium.currency ?? "CLP", i18n.language);
  // The range is fixed when the page opens (not on every render, near midnight).
  const [[since, until]] = useState(lastYear);
  const report = useQuery({
    queryKey: [FINANCE, "income-expense", since, until], queryFn: () => finance.incomeExpense(since, until),
  });
  const expenseList = useQuery({ queryKey: [FINANCE, "expenses"], queryFn: () => finance.expenses() });
  const months = report.data?.months ?? null;
  const expenses = expenseList.data ?? null;
  const downloading = useMutation({
    mutationFn: async ({ action, name }: { action: () => Promise<Blob>; name: string }) => saveBlob(await action(), name),
  });
  const download = (action: () => Promise<Blob>, name: string) => downloading.mutate({ action, name });
  return (
    <section className="page">
      <PageHeader title={t("financeReports.title")} actions={<>
        <button type="button" className="button" onClick={() => download(
          () => finance.incomeExpenseCsv(since, until), `ingresos-egresos-${since}-${until}.csv`)}>
          {t("financeReports.csv")}
        </button>
        <button type="button" className="button" onClick={() => download(
          () => finance.incomeExpenseXlsx(since, until), `ingresos-egresos-${since}-${until}.xlsx`)}>
          {t("financeReports.xlsx")}
        </button></>}>
        <p className="muted">{t("financeReports.subtitle")}</p>
      </PageHeader>
      <QueryError error={report.error ?? expenseList.error ?? downloading.error} />
      <section className="panel" aria-labelledby="months-title">
        <h2 id="months-title">{t("financeReports.byMonth")}</h2>
        {!months ? !report.error && <Loading /> : (<>
          {months.length > 0 && (
            <BarChart label={t("financeReports.chart")} series={[t("financeReports.income"), t("financeReports.expense")]}
              rows={months.map((m) => ({ key: m.month, values: [Number(m.income), Number(m.expense)] }))}
              format={(value) => money(String(value))} />
          )}
          <div className="table-wrap"><table>
            <caption className="sr-only">{t("financeReports.byMonth")}</caption>
            <thead><tr>
              <th scope="col">{t("financeReports.month")}</th>
              <th scope="col" className="num">{t("financeReports.income")}</th>
              <th scope="col" className="num">{t("financeReports.expense")}</th>
              <th scope="col" className="num">{t("financeReports.net")}</th>
            </tr></thead>
            <tbody>
              {months.length === 0 && <tr className="empty-row"><td colSpan={4}>{t("common.noResults")}</td></tr>}
              {months.map((m) => (
                <tr key={m.month}>
                  <td>{m.month}</td><td className="num">{money(m.income)}</td>
                  <td className="num">{money(m.expense)}</td>
                  <td className={`num${Number(m.net) < 0 ? " negative" : ""}`}>{money(m.net)}</td>
                </tr>))}
            </tbody>
          </table></div>
        </>)}
      </section>
      <section className="panel" aria-labelledby="expenses-title">
        <h2 id="expenses-title">{t("financeReports.expenses")}</h2>
        {!expenses ? !expenseList.error && <Loading /> : (
          <div className="table-wrap"><table>
            <caption className="sr-only">{t("financeReports.expenses")}</caption>
            <thead><tr>
              <th scope="col">{t("financeReports.spentOn")}</th><th scope="col">{t("financeReports.supplier")}</th>
              <th scope="col">{t("financeReports.category")}</th>
              <th scope="col" className="num">{t("myFinance.amount")}</th>
              <th scope="col"><span className="sr-only">{t("common.actions")}</span></th>
            </tr></thead>
            <tbody>
              {expenses.length === 0 && <tr className="empty-row"><td colSpan={5}>{t("common.noResults")}</td></tr>}
              {expenses.map((x) => (
                <tr key={x.id}>
                  <td>{formatDate(x.spent_on, i18n.language)}</td><td>{x.supplier}</td><td>{x.category}</td>
                  <td className="num">{money(x.amount)}</td>
                  <td className="actions">{x.has_invoice && (
                    <button type="button" className="button" onClick={() => download(
                      () => finance.invoice(x.id), `factura-${x.id}`)}>{t("financeReports.invoice")}</button>)}
                  </td>
                </tr>))}
            </tbody>
          </table></div>
        )}
        <ExpenseForm />
      </section>
    </section>
  );
}
