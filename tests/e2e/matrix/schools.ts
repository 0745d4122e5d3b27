import type { MatrixRow } from './roles';

// The schools routes.
export const schoolsRows: MatrixRow[] = [];
