import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";

/**
 * An image the API serves only with the bearer token: fetched as a blob (the query
 * `key`) and shown from an object URL, revoked when it is no longer shown.
 */
export function useBlobUrl(key: readonly unknown[], load: (signal: AbortSignal) => Promise<Blob>) {
  const { data, error } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => load(signal),
    // Stored images do not change: no refetch, and no copy kept once unused.
    staleTime: Infinity,
    gcTime: 0,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!data) return;
    const objectUrl = URL.createObjectURL(data);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [data]);
  return { url, error, blob: data ?? null };
}
