import type { Role } from '../../../contract/common.js';

/** Read the roster of the whole region. */
export const REGION_READERS: Role[] = ['region_admin', 'hr_officer', 'head_of_region', 'verifier'];
/** Read the roster of their own unit only (the grant's work unit). */
export const UNIT_READERS: Role[] = ['opd_head', 'opd_operator'];
/** Maintain the roster (BKPSDM and the region admin). */
export const WRITERS: Role[] = ['region_admin', 'hr_officer'];
