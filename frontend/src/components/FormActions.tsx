import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { formatApiError } from "../api/errors";
import { ConfirmButton } from "./ConfirmButton";

/**
 * Save/create and (for an existing record) delete, as every admin form shows them.
 * After a delete the list page opens with `deletedFlash`; a failed delete is reported
 * through `onError` (the form's banner).
 */
export function FormActions({ submitting, editing, disabled, remove, deleteQuestion, listPath,
  deletedFlash, onError }: {
  submitting: boolean;
  editing: boolean;
  disabled?: boolean;
  remove?: () => Promise<void>;
  deleteQuestion?: string;
  listPath: string;
  deletedFlash?: string;
  onError(message: string): void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="form-actions">
      <button type="submit" className="button primary" disabled={submitting || disabled}>
        {submitting ? t("common.saving") : editing ? t("common.save") : t("common.create")}
      </button>
      {editing && remove && (
        <ConfirmButton label={t("common.delete")} question={deleteQuestion ?? ""}
          onConfirm={async () => {
            try {
              await remove();
              navigate(listPath, { replace: true, state: { flash: deletedFlash } });
            } catch (err) {
              onError(formatApiError(err, t));
            }
          }} />
      )}
    </div>
  );
}
