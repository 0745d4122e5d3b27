import type { MatrixRow } from './roles';

// The closures and settings routes.
export const closuresRows: MatrixRow[] = [];
