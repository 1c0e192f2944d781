// The print routes: one layout per document, rendered by the renderer at these hash routes and
// turned into PDFs by Electron's printToPDF (the app) or headless Chromium (the CLI) — one layout,
// two print engines that are the same engine. The page sets `data-print-ready` on <body> when every
// chart has drawn, or `data-print-error` with a message.
import { z } from 'zod';
import { id, isoDate } from './domain';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type Paper = (typeof PAPER_SIZES)[number];
export const zPaper = z.enum(PAPER_SIZES);

export const qbrOptions = z
  .object({
    accountId: id,
    from: isoDate.optional(),
    to: isoDate.optional(),
    /**
     * 'customer' prints the customer copy: built from an allow-list of what is shared (usage and
     * adoption, support, goals, meetings held, shared next steps), never internal judgments.
     */
    audience: z.enum(['internal', 'customer']).default('internal'),
    /** Customer copy only: show the health score (off unless the CSM turns it on for this export). */
    includeHealth: z.boolean().default(false),
    /** Customer copy only: show the revenue movements of the period. */
    includeRevenue: z.boolean().default(false),
    paper: zPaper.default('a4'),
  })
  .strict();
export type QbrOptions = z.input<typeof qbrOptions>;

export const reviewOptions = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), paper: zPaper.default('a4') }).strict();
export type ReviewOptions = z.input<typeof reviewOptions>;

export function qbrRoute(options: QbrOptions): string {
  const params = new URLSearchParams();
  if (options.from) params.set('from', options.from);
  if (options.to) params.set('to', options.to);
  params.set('audience', options.audience ?? 'internal');
  if (options.includeHealth) params.set('health', '1');
  if (options.includeRevenue) params.set('revenue', '1');
  params.set('paper', options.paper ?? 'a4');
  return `/print/qbr/${options.accountId}?${params}`;
}

/** The account brief on one page (internal only: score, flags, relationships). */
export function briefRoute(options: { accountId: number; paper?: Paper }): string {
  return `/print/brief/${options.accountId}?paper=${options.paper ?? 'a4'}`;
}

export function reviewRoute(options: ReviewOptions): string {
  return `/print/review/${options.month}?paper=${options.paper ?? 'a4'}`;
}

/** Footer of every PDF page: the document's title (set by the page) and "Page n of N". */
export const PDF_FOOTER_TEMPLATE =
  '<div style="font-family: Inter, sans-serif; font-size: 8px; color: #6b6b66; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;">' +
  '<span class="title"></span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>';
export const PDF_HEADER_TEMPLATE = '<div></div>';
