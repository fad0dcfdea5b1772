import type { ReactNode } from "react";

/** A message above a form or list: errors are alerts, confirmations are status. */
export function Banner({ kind, children }: { kind: "error" | "success" | "info"; children: ReactNode }) {
  if (!children) return null;
  return (
    <div className={`banner banner-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
