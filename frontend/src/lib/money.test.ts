import { describe, expect, it } from "vitest";
import { formatMoney, owes, periodOf } from "./money";

describe("money display", () => {
  it("shows CLP without decimals and BRL with two", () => {
    expect(formatMoney("45000.00", "CLP", "es")).toBe("$45.000");
    expect(formatMoney("1000", "CLP", "es")).toBe("$1.000"); // Spanish alone would not group
    expect(formatMoney("1234.5", "BRL", "pt")).toMatch(/^R\$\s?1\.234,50$/);
    expect(formatMoney("1234.5", "USD", "en")).toBe("$1,234.50");
  });

  it("keeps missing and odd values readable", () => {
    expect(formatMoney(null, "CLP", "es")).toBe("—");
    expect(formatMoney("abc", "CLP", "es")).toBe("abc");
    expect(formatMoney("10", "XXX-bad", "es")).toBe("XXX-bad 10.00");
  });

  it("names periods and debts", () => {
    expect(periodOf(new Date(2026, 0, 15))).toBe("2026-01");
    expect(owes("0.00")).toBe(false);
    expect(owes("-5000.00")).toBe(false);
    expect(owes("1")).toBe(true);
  });
});
