/** Money display: the currency's own decimals (CLP none), the user's language. */

export const CURRENCY_DECIMALS: Record<string, number> = {
  CLP: 0, BRL: 2, BOB: 2, ARS: 2, PEN: 2, MXN: 2, USD: 2,
};

/** Where each currency is at home: "es" + CLP formats as in Chile ("$1.000"). */
const CURRENCY_REGION: Record<string, string> = {
  CLP: "CL", BRL: "BR", BOB: "BO", ARS: "AR", PEN: "PE", MXN: "MX", USD: "US",
};

/** `"45000.00"` in CLP -> "$45.000" (es), in BRL -> "R$ 45.000,00" (pt). */
export function formatMoney(value: string | number | null | undefined, currency: string,
  language: string): string {
  if (value === null || value === undefined || value === "") return "—";
  const amount = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(amount)) return String(value);
  const digits = CURRENCY_DECIMALS[currency] ?? 2;
  const region = CURRENCY_REGION[currency];
  const locale = region ? `${language.split("-")[0]}-${region}` : language;
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits,
      useGrouping: "always",
    }).format(amount);
  } catch {
    return `${currency} ${amount.toFixed(digits)}`;
  }
}

/** The current period ("2026-03") of a date, for billing runs. */
export function periodOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

export const AGING_BUCKETS = ["current", "d1_30", "d31_60", "d61_90", "d90_plus"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Whether a balance string is a debt (positive), to colour it. */
export function owes(balance: string | number | null | undefined): boolean {
  return Number(balance ?? 0) > 0;
}
