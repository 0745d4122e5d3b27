import type { MatrixRow } from './roles';

// The directory routes.
export const directoryRows: MatrixRow[] = [];
