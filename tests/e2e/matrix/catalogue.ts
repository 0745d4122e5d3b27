import type { MatrixRow } from './roles';

// The catalogue routes.
export const catalogueRows: MatrixRow[] = [];
