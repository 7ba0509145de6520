// The JSON contract of desk labels (issue 17): the name an owner gives a sub-account ("BTC/ETH basis desk"),
// shown before its email everywhere, and the label an alert rule may take as its scope (docs/alerts.md).
import { z } from 'zod';

export const DESK_LABEL_MAX_LENGTH = 64;

/**
 * An account's desk label: the one an owner set, else the remark the exchange lists for the sub-account
 * (what the desk typed on Binance), so accounts have names before anyone sets one.
 */
export type DeskLabel = { label: string; source: 'owner' | 'exchange' };

/** GET /api/labels: each named account's desk label, by email (accounts with neither are absent). */
export type DeskLabels = { labels: Record<string, DeskLabel> };

/** PUT /api/accounts/{email}/label: an empty label removes it. */
export const deskLabelBodySchema = z.object({
  label: z
    .string({ error: 'label is required' })
    .trim()
    .max(DESK_LABEL_MAX_LENGTH, `A desk label is at most ${DESK_LABEL_MAX_LENGTH} characters.`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'A desk label is one line of text, without control characters.'),
});
export type DeskLabelInput = z.infer<typeof deskLabelBodySchema>;

export const LABELS_API_PATH = '/api/labels';
export const LABELS_QUERY_KEY = ['labels'] as const;
export const deskLabelApiPath = (email: string) => `/api/accounts/${encodeURIComponent(email)}/label`;
