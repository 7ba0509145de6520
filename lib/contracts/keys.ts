export type { InventoryAccount, InventoryKey, KeyFlag, KeyInventory, TermsStatus } from '@/lib/keys/types';
export const keysQueryKey = ['keys'] as const;
