import { createContext, useContext } from 'react';
import type { TenantDocument } from '../../api/tenants';

/** The tenant the administration shows and changes. */
export interface AdminTenant {
  key: string;
  /** Its document where the user picked it from a list; null for a tenant admin in its own tenant. */
  document: TenantDocument | null;
}

export const AdminTenantContext = createContext<AdminTenant | null>(null);

export function useAdminTenant(): AdminTenant {
  const tenant = useContext(AdminTenantContext);
  if (tenant === null) {
    throw new Error('useAdminTenant outside the administration');
  }
  return tenant;
}
