import { useQuery } from "@tanstack/react-query";
import { buildings, type Building } from "../api/buildings";
import { useAuth } from "../auth/AuthProvider";
import { canListBuildings } from "../auth/permissions";

/** The condominium's buildings, for those allowed to list them (not residents). */
export function useBuildings(): { buildings: Building[]; error: unknown } {
  const { capabilities } = useAuth();
  const { data, error } = useQuery({
    queryKey: ["buildings", "list", { page_size: 100 }],
    queryFn: () => buildings.list({ page_size: 100 }),
    enabled: canListBuildings(capabilities),
  });
  return { buildings: data?.items ?? NO_BUILDINGS, error };
}

const NO_BUILDINGS: Building[] = [];
