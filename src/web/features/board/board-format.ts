import type { Board } from '../../../contract/board';

export type BoardProposal = Board['units'][number]['proposals'][number];
export type RankedProposal = Board['ranking'][number];

/** Scores with up to 2 decimals and score per billion with up to 4, the Indonesian way (80,25). */
const scoreFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const perBillionFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
export const formatScore = (n: number | null) => (n === null ? '—' : scoreFormat.format(n));
export const formatPerBillion = (n: number | null) => (n === null ? '—' : perBillionFormat.format(n));
export const formatShare = (n: number) => `${scoreFormat.format(n)}%`;
