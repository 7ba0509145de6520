/** Series colours readable on white and on slate-900; the last one is for "others". */
export const SERIES_COLORS = ['#e11d48', '#d97706', '#7c3aed', '#0891b2', '#059669'] as const;
export const OTHERS_COLOR = '#64748b';

export const seriesColor = (index: number, key: string) => (key === 'others' ? OTHERS_COLOR : SERIES_COLORS[index % SERIES_COLORS.length]!);
