/**
 * Finance calls: balances, charges, payments, transfer proofs, online checkout, billing,
 * delinquency and risk. Amounts travel as decimal strings ("45000.00"), never floats.
 */
import { api, unwrap, unwrapList, type Schemas } from "./client";
import type { ListResult } from "./pagination";

export type Balance = Schemas["Balance"];
export type Entry = Schemas["Entry"];
export type TransferProof = Schemas["TransferProof"];
export type PaymentOptions = Schemas["PaymentOptions"];
export type Checkout = Schemas["Checkout"];
export type BillingResult = Schemas["BillingResult"];
export type UnitRisk = Schemas["UnitRisk"];
export type FinanceSettings = Schemas["FinanceSettings"];
export type FinanceSettingsInput = Schemas["FinanceSettingsUpdate"];

/** A transfer report; the proof travels as a file part (the document says string). */
export type TransferInput = Omit<Schemas["TransferProofForm"], "file"> & { file: File };

const unitPath = (unitId: number) => ({ params: { path: { unit_id: unitId } } });
const entryPath = (id: number) => ({ params: { path: { entry_id: id } } });
const proofPath = (id: number) => ({ params: { path: { proof_id: id } } });

async function blob(response: Promise<{ data?: unknown; error?: unknown; response: Response }>) {
  return unwrap(await response) as unknown as Blob;
}

export type ChargeType = Schemas["ChargeType"];
export type Expense = Schemas["Expense"];
export type MonthTotal = Schemas["MonthTotal"];
export type ReportRow = Schemas["ReportRow"];
/** An expense, and its invoice (uploaded after it is created). */
export type ExpenseInput = Schemas["ExpenseCreate"] & { invoice?: File | null };

export type EntryType = "charges" | "payments";
export type ExportFormat = "csv" | "xlsx";
/** The filters the charge/payment lists and their downloads share. */
export interface EntryFilters {
  unit_id?: number;
  kind?: string;
  status?: "open" | "partial" | "unpaid" | "paid" | "reversed" | "applied" | "credit";
  since?: string;
  until?: string;
}
export type ChargeInput = Schemas["ChargeCreate"];

export const finance = {
  async entries(type: EntryType, filters: EntryFilters, page: number, pageSize: number):
    Promise<ListResult<Entry>> {
    const params = { query: { ...filters, page, page_size: pageSize } };
    const res = type === "charges" ? await api.GET("/api/v1/charges", { params })
      : await api.GET("/api/v1/payments", { params });
    return unwrapList(res);
  },
  async exportEntries(type: EntryType, format: ExportFormat, filters: EntryFilters): Promise<Blob> {
    const options = { params: { query: { ...filters, format } }, parseAs: "blob" as const };
    return blob(type === "charges" ? api.GET("/api/v1/charges/export", options)
      : api.GET("/api/v1/payments/export", options));
  },
  async createCharge(body: ChargeInput): Promise<Entry> {
    return unwrap(await api.POST("/api/v1/charges", { body }));
  },
  async reverse(type: EntryType, id: number, reason: string): Promise<Entry> {
    const options = { ...entryPath(id), body: { reason } };
    return unwrap(type === "charges" ? await api.POST("/api/v1/charges/{entry_id}/reversal", options)
      : await api.POST("/api/v1/payments/{entry_id}/reversal", options));
  },
  async delinquencyExport(format: ExportFormat | "pdf"): Promise<Blob> {
    return blob(api.GET("/api/v1/finance/delinquency/export", {
      params: { query: { format, min_days: 1 } }, parseAs: "blob",
    }));
  },
  async incomeExpenseXlsx(since: string, until: string): Promise<Blob> {
    return blob(api.GET("/api/v1/finance/income-expense/export", {
      params: { query: { since, until, format: "xlsx" } }, parseAs: "blob",
    }));
  },
  async settings(): Promise<FinanceSettings> {
    return unwrap(await api.GET("/api/v1/finance/settings"));
  },
  async saveSettings(body: FinanceSettingsInput): Promise<FinanceSettings> {
    return unwrap(await api.PATCH("/api/v1/finance/settings", { body }));
  },
  async chargeTypes(): Promise<ChargeType[]> {
    const res = await api.GET("/api/v1/charge-types", { params: { query: { page_size: 100 } } });
    return unwrapList(res).items;
  },
  async createChargeType(body: Schemas["ChargeTypeCreate"]): Promise<ChargeType> {
    return unwrap(await api.POST("/api/v1/charge-types", { body }));
  },
  async balances(): Promise<Balance[]> {
    const res = await api.GET("/api/v1/accounts", { params: { query: { page_size: 100 } } });
    return unwrapList(res).items;
  },
  async unpaidCharges(unitId: number): Promise<Entry[]> {
    const res = await api.GET("/api/v1/charges", {
      params: { query: { unit_id: unitId, status: "unpaid", page_size: 100 } },
    });
    return unwrapList(res).items;
  },
  async payments(unitId: number): Promise<ListResult<Entry>> {
    const res = await api.GET("/api/v1/payments", {
      params: { query: { unit_id: unitId, page_size: 50 } },
    });
    return unwrapList(res);
  },
  async receipt(paymentId: number): Promise<Blob> {
    return blob(api.GET("/api/v1/payments/{entry_id}/receipt.pdf", {
      ...entryPath(paymentId), parseAs: "blob",
    }));
  },
  async paymentOptions(unitId: number): Promise<PaymentOptions> {
    return unwrap(await api.GET("/api/v1/accounts/{unit_id}/payment-options",
      unitPath(unitId)));
  },
  async checkout(unitId: number): Promise<Checkout> {
    return unwrap(await api.POST("/api/v1/checkouts", { body: { unit_id: unitId } }));
  },
  async reportTransfer(input: TransferInput): Promise<TransferProof> {
    const form = new FormData();
    form.append("unit_id", String(input.unit_id));
    form.append("amount", input.amount);
    form.append("paid_on", input.paid_on);
    if (input.reference) form.append("reference", input.reference);
    form.append("file", input.file);
    // FormData goes as is: the browser sets the multipart boundary.
    return unwrap(await api.POST("/api/v1/transfer-proofs", {
      body: form as unknown as Schemas["TransferProofForm"],
      bodySerializer: (body: unknown) => body as FormData,
    }));
  },
  async transfers(status?: "pending" | "approved" | "rejected"): Promise<TransferProof[]> {
    const res = await api.GET("/api/v1/transfer-proofs", {
      params: { query: { page_size: 100, ...(status ? { status } : {}) } },
    });
    return unwrapList(res).items;
  },
  async proofFile(proofId: number): Promise<Blob> {
    return blob(api.GET("/api/v1/transfer-proofs/{proof_id}/file", {
      ...proofPath(proofId), parseAs: "blob",
    }));
  },
  async approve(proofId: number): Promise<TransferProof> {
    return unwrap(await api.POST("/api/v1/transfer-proofs/{proof_id}/approve", {
      ...proofPath(proofId), body: {},
    }));
  },
  async reject(proofId: number, note: string): Promise<TransferProof> {
    return unwrap(await api.POST("/api/v1/transfer-proofs/{proof_id}/reject", {
      ...proofPath(proofId), body: { note },
    }));
  },
  async runBilling(period: string): Promise<BillingResult> {
    return unwrap(await api.POST("/api/v1/finance/billing-runs", { body: { period } }));
  },
  async delinquency(): Promise<Balance[]> {
    return unwrap(await api.GET("/api/v1/finance/delinquency", {
      params: { query: { min_days: 1 } },
    }));
  },
  async incomeExpense(since: string, until: string): Promise<{ rows: ReportRow[]; months: MonthTotal[] }> {
    const res = unwrap(await api.GET("/api/v1/finance/income-expense", {
      params: { query: { since, until } },
    }));
    return { rows: (res.rows ?? []) as ReportRow[], months: (res.months ?? []) as MonthTotal[] };
  },
  async incomeExpenseCsv(since: string, until: string): Promise<Blob> {
    return blob(api.GET("/api/v1/finance/income-expense.csv", {
      params: { query: { since, until } }, parseAs: "blob",
    }));
  },
  async expenses(): Promise<Expense[]> {
    const res = await api.GET("/api/v1/expenses", { params: { query: { page_size: 20 } } });
    return unwrapList(res).items;
  },
  async createExpense(input: ExpenseInput): Promise<Expense> {
    const { invoice, ...body } = input;
    const expense = unwrap(await api.POST("/api/v1/expenses", { body }));
    if (!invoice) return expense;
    const form = new FormData();
    form.append("file", invoice);
    return unwrap(await api.PUT("/api/v1/expenses/{expense_id}/invoice", {
      params: { path: { expense_id: expense.id } },
      body: form as unknown as Schemas["DocumentUpload"],
      bodySerializer: (b: unknown) => b as FormData,
    }));
  },
  async invoice(expenseId: number): Promise<Blob> {
    return blob(api.GET("/api/v1/expenses/{expense_id}/invoice", {
      params: { path: { expense_id: expenseId } }, parseAs: "blob",
    }));
  },
  async risk(): Promise<UnitRisk[]> {
    return unwrap(await api.GET("/api/v1/finance/risk"));
  },
};

/** Save a downloaded file under `name` (receipts, proofs). */
export function saveBlob(data: Blob, name: string): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
