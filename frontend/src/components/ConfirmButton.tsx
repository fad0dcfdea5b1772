import { useState } from "react";
import { useTranslation } from "react-i18next";

/** A destructive action that asks once more, inline (no browser dialog). */
export function ConfirmButton({ label, question, onConfirm, disabled, confirmLabel }: {
  label: string;
  question: string;
  /** The "yes" button's text (default: "yes, delete"). */
  confirmLabel?: string;
  onConfirm(): Promise<void> | void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!asking) {
    return (
      <button type="button" className="button danger-outline" disabled={disabled}
        onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button type="button" className="button danger" disabled={busy} onClick={async () => {
        setBusy(true);
        try {
          await onConfirm();
        } finally {
          setBusy(false);
          setAsking(false);
        }
      }}>
        {confirmLabel ?? t("common.confirmDelete")}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {t("common.cancel")}
      </button>
    </span>
  );
}
