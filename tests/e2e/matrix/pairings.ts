import type { MatrixRow } from './roles';

// The pairings routes.
export const pairingsRows: MatrixRow[] = [];
