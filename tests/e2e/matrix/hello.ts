import { everyone, type MatrixRow } from './roles';

// The benchmarks' baseline route answers everyone.
export const helloRows: MatrixRow[] = [
	{ route: '/hello', method: 'GET', path: '/hello', expect: everyone(200) }
];
