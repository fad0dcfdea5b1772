import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  finance, saveBlob, type ChargeInput, type Entry, type EntryFilters, type EntryType, type ExportFormat,
} from "../../api/finance";
import { useAuth } from "../../auth/AuthProvider";
import { can, canPostCharges } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { ConfirmButton } from "../../components/ConfirmButton";
import { SelectField, TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { Pagination } from "../../components/Pagination";
import { QueryError } from "../../components/QueryError";
import { FINANCE, useFinanceWrite } from "../../hooks/useFinanceWrite";
import { useForm } from "../../hooks/useForm";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/money";

const CHARGE_KINDS = ["dues", "fine", "reservation", "interest", "late_fee", "other"];
const PAYMENT_METHODS = ["cash", "transfer", "online"];
const MANUAL_KINDS = ["fine", "other", "reservation"] as const;
type Unit = { id: number; code: string };

/** Post a fine, reservation or other charge to a unit, priced from the catalogue or by hand. */
function ChargeForm({ units }: { units: Unit[] }) {
  const { t } = useTranslation();
  const catalogue = useQuery({ queryKey: [FINANCE, "charge-types"], queryFn: finance.chargeTypes });
  const post = useFinanceWrite(finance.createCharge);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({ unit_id: "", kind: "fine", charge_type_id: "", amount: "", description: "" });
  const v = form.values;
  const items = (catalogue.data ?? []).filter((c) => c.kind === v.kind);
  return (
    <form className="panel" noValidate aria-labelledby="post-charge-title" onSubmit={(event) => {
      event.preventDefault();
      setMessage(null);
      void form.submit(async () => {
        const body: ChargeInput = {
          unit_id: Number(v.unit_id), kind: v.kind as ChargeInput["kind"],
          charge_type_id: v.charge_type_id ? Number(v.charge_type_id) : null,
          amount: v.amount.trim() || null, description: v.description.trim() || null,
        };
        const entry = await post.mutateAsync(body);
        setMessage(t("financeLedger.posted", { unit: entry.unit_code }));
        form.setValues({ ...v, charge_type_id: "", amount: "", description: "" });
      });
    }}>
      <h2 id="post-charge-title">{t("financeLedger.postTitle")}</h2>
      <p className="field-hint">{t("financeLedger.postHelp")}</p>
      <Banner kind="error">{form.formError}</Banner>
      <QueryError error={catalogue.error} />
      <Banner kind="success">{message}</Banner>
      <fieldset disabled={form.submitting} className="form-grid">
        <legend className="sr-only">{t("financeLedger.postTitle")}</legend>
        <SelectField label={t("finance.unit")} value={v.unit_id} required placeholder=""
          options={units.map((u) => ({ value: String(u.id), label: u.code }))}
          onChange={(x) => form.set("unit_id", x)} errors={form.fieldErrors.unit_id} />
        <SelectField label={t("financeLedger.kind")} value={v.kind}
          options={MANUAL_KINDS.map((k) => ({ value: k, label: t(`enums.chargeKind.${k}`) }))}
          onChange={(x) => form.setValues({ ...v, kind: x, charge_type_id: "" })} errors={form.fieldErrors.kind} />
        <SelectField label={t("financeLedger.catalogueItem")} value={v.charge_type_id}
          placeholder={t("financeLedger.noCatalogueItem")}
          options={items.map((c) => ({ value: String(c.id), label: `${c.name} (${c.amount})` }))}
          onChange={(x) => form.set("charge_type_id", x)} errors={form.fieldErrors.charge_type_id} />
        <TextField label={t("myFinance.amount")} value={v.amount} inputMode="decimal"
          hint={t("financeLedger.amountHint")} onChange={(x) => form.set("amount", x)}
          errors={form.fieldErrors.amount} />
        <TextField label={t("financeLedger.description")} value={v.description}
          onChange={(x) => form.set("description", x)} errors={form.fieldErrors.description} />
        <div className="form-actions">
          <button type="submit" className="button primary">{t("financeLedger.post")}</button>
        </div>
      </fieldset>
    </form>
  );
}

/** Charges and payments with filters, downloads, reversals and posting fines. */
export function FinanceLedgerPage() {
  const { t, i18n } = useTranslation();
  const { me, capabilities } = useAuth();
  const canReverse = can(capabilities, "finance", "write");
  const money = (value?: string | null) => formatMoney(value, me?.condominium.currency ?? "CLP", i18n.language);
  const [type, setType] = useState<EntryType>("charges");
  const [filters, setFilters] = useState<EntryFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const balances = useQuery({ queryKey: [FINANCE, "balances"], queryFn: finance.balances });
  const units: Unit[] = (balances.data ?? []).map((b) => ({ id: b.unit_id, code: b.unit_code }));
  const entries = useQuery({
    queryKey: [FINANCE, "entries", type, filters, page, pageSize],
    queryFn: () => finance.entries(type, filters, page, pageSize),
  });
  const result = entries.data ?? null;
  const reverse = useFinanceWrite((entry: Entry) =>
    finance.reverse(type, entry.id, (reasons[entry.id] ?? "").trim()));
  const download = useMutation({
    mutationFn: async (format: ExportFormat) => saveBlob(await finance.exportEntries(type, format, filters),
      `${t(`financeLedger.file.${type}`)}.${format}`),
  });
  const filter = (name: keyof EntryFilters, value: string) => {
    setPage(1);
    const next = { ...filters } as Record<string, unknown>;
    if (value === "") delete next[name];
    else next[name] = name === "unit_id" ? Number(value) : value;
    setFilters(next as EntryFilters);
  };
  const kinds = type === "charges" ? CHARGE_KINDS : PAYMENT_METHODS;
  const kindLabel = (kind: string) => t(type === "charges" ? `enums.chargeKind.${kind}` : `enums.paymentMethod.${kind}`);
  const statuses = type === "charges" ? ["unpaid", "paid", "reversed"] : ["applied", "credit", "reversed"];
  const title = t(`financeLedger.${type}`);
  return (
    <section className="page">
      <PageHeader title={t("financeLedger.title")} actions={<>
        <button type="button" className="button" onClick={() => download.mutate("csv")}>{t("financeLedger.csv")}</button>
        <button type="button" className="button" onClick={() => download.mutate("xlsx")}>{t("financeLedger.xlsx")}</button>
      </>}>
        <p className="muted">{t("financeLedger.subtitle")}</p>
      </PageHeader>
      <QueryError error={balances.error ?? entries.error ?? download.error ?? reverse.error} />
      <section className="panel" aria-labelledby="ledger-title">
        <h2 id="ledger-title">{title}</h2>
        <div className="form-grid" role="search" aria-label={t("financeLedger.filters")}>
          <SelectField label={t("financeLedger.show")} value={type} options={[
            { value: "charges", label: t("financeLedger.charges") },
            { value: "payments", label: t("financeLedger.payments") }]}
          onChange={(x) => { setType(x as EntryType); setFilters({}); setPage(1); }} />
          <SelectField label={t("finance.unit")} value={String(filters.unit_id ?? "")} placeholder={t("financeLedger.all")}
            options={units.map((u) => ({ value: String(u.id), label: u.code }))} onChange={(x) => filter("unit_id", x)} />
          <SelectField label={t("financeLedger.kind")} value={filters.kind ?? ""} placeholder={t("financeLedger.all")}
            options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))} onChange={(x) => filter("kind", x)} />
          <SelectField label={t("financeLedger.statusFilter")} value={filters.status ?? ""} placeholder={t("financeLedger.all")}
            options={statuses.map((s) => ({ value: s, label: t(`financeLedger.status.${s}`) }))}
            onChange={(x) => filter("status", x)} />
          <TextField label={t("financeLedger.since")} type="date" value={filters.since ?? ""}
            onChange={(x) => filter("since", x)} />
          <TextField label={t("financeLedger.until")} type="date" value={filters.until ?? ""}
            onChange={(x) => filter("until", x)} />
        </div>
        {!result ? !entries.error && <Loading /> : (<>
          <div className="table-wrap"><table>
            <caption className="sr-only">{title}</caption>
            <thead><tr>
              <th scope="col">{t("financeLedger.bookedOn")}</th><th scope="col">{t("finance.unit")}</th>
              <th scope="col">{t("financeLedger.kind")}</th><th scope="col">{t("financeLedger.description")}</th>
              <th scope="col" className="num">{t("myFinance.amount")}</th>
              <th scope="col" className="num">{t(type === "charges" ? "myFinance.pending" : "financeLedger.credit")}</th>
              <th scope="col">{t("financeLedger.statusFilter")}</th>
              <th scope="col"><span className="sr-only">{t("common.actions")}</span></th>
            </tr></thead>
            <tbody>
              {result.items.length === 0 && <tr className="empty-row"><td colSpan={8}>{t("common.noResults")}</td></tr>}
              {result.items.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.booked_on, i18n.language)}</td><td>{e.unit_code}</td><td>{kindLabel(e.kind)}</td>
                  <td>{e.description ?? e.period ?? "—"}</td><td className="num">{money(e.amount)}</td>
                  <td className="num">{money(e.open_amount)}</td><td>{t(`financeLedger.status.${e.status}`)}</td>
                  <td className="actions">{canReverse && e.status !== "reversed" && (<span className="row-actions">
                    <label className="sr-only" htmlFor={`reason-${e.id}`}>{t("financeLedger.reason")}</label>
                    <input id={`reason-${e.id}`} placeholder={t("financeLedger.reason")} value={reasons[e.id] ?? ""}
                      onChange={(ev) => setReasons({ ...reasons, [e.id]: ev.target.value })} />
                    <ConfirmButton label={t("financeLedger.reverse")} question={t("financeLedger.reverseQuestion")}
                      confirmLabel={t("financeLedger.confirmReverse")}
                      disabled={!(reasons[e.id] ?? "").trim()}
                      onConfirm={() => reverse.mutate(e)} />
                  </span>)}</td>
                </tr>))}
            </tbody>
          </table></div>
          <Pagination info={result.pagination} pageSize={pageSize} onPage={setPage}
            onPageSize={(size) => { setPageSize(size); setPage(1); }} />
        </>)}
      </section>
      {canPostCharges(capabilities) && <ChargeForm units={units} />}
    </section>
  );
}
