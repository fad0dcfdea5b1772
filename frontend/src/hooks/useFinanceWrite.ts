import { useMutation, useQueryClient } from "@tanstack/react-query";

/**
 * Every finance query key starts with this: a charge, payment, review or setting
 * changes balances everywhere, so a finance write reloads them all.
 */
export const FINANCE = "finance";

/** A finance write (its failure is in `error`, for a QueryError banner). */
export function useFinanceWrite<A, R>(write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [FINANCE] }),
  });
}
