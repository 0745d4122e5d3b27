import fc from 'fast-check';
import type { Role } from '../authorization-matrix';
import type { SegmentTarget } from './segments';

// What the path-segment fuzzer puts in place of a record id or a token (tests/e2e/fuzz/segments.ts):
// near-valid forms of the address's own segment, odd numbers and text, and random strings, all as
// they go on the wire.

export interface SegmentRequest {
	role: Role;
	english: boolean;
	address: number;
	param: number;
	segment: string;
}

export const persianDigits = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

/** Text as it goes on the wire: percent-encoded, invalid UTF-16 as its replacement's bytes. */
function wire(text: string): string {
	try {
		return encodeURIComponent(text);
	} catch {
		return [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
	}
}

/** Forms of a real segment that a loose reading could take for it, on the wire. */
function nearValid(base: string): string[] {
	const n = Number(base);
	const numeric = Number.isSafeInteger(n)
		? [`0x${n.toString(16)}`, `${n}.5`, `${n + 1}`, `${n - 1}`, `${n}e0`, `${n}${'0'.repeat(20)}`]
		: [];
	return [
		base,
		`0${base}`,
		`00${base}`,
		`${base}.0`,
		`+${base}`,
		`-${base}`,
		`%20${base}`,
		`${base}%20`,
		`${base}%0a`,
		`${base}%00`,
		`${base}%2f`,
		`${base};x=1`,
		`${base}%2f..%2f${base}`,
		`..%2f${base}`,
		`${base}.`,
		wire(persianDigits(base)),
		wire(`${base}\u200c`),
		base.toUpperCase(),
		base.toLowerCase(),
		base.slice(0, -1),
		`${base}${base}`,
		...numeric
	];
}

const odd = fc.constantFrom(
	'0',
	'-0',
	'-1',
	'1.5',
	'1e309',
	'9007199254740993',
	'99999999999999999999',
	'Infinity',
	'NaN',
	'0x1',
	'0b1',
	'%D9%A3', // Arabic-Indic 3
	'%DB%B1', // Persian 1
	'%00',
	'%',
	'%zz',
	'%E0%A4%A',
	'%C0%AF',
	'%2e%2e',
	'%2e',
	'..%2f..%2fadmin%2fusers',
	'..%5c..%5cadmin',
	'%252e%252e%252f',
	'....%2f%2f',
	'__proto__',
	'constructor',
	'a'.repeat(5000),
	wire('ب'.repeat(1000))
);

/** Random and near-valid segments for one parameter of the target's addresses. */
export function segmentRequestArbitrary(
	target: SegmentTarget,
	roles: Role[]
): fc.Arbitrary<SegmentRequest> {
	return fc
		.record({
			role: fc.constantFrom(...roles),
			english: fc.boolean(),
			address: fc.nat(target.addresses.length - 1),
			param: fc.constantFrom(...target.params)
		})
		.chain((asked) => {
			const base = target.addresses[asked.address]!.segments[asked.param]!;
			const segment = fc.oneof(
				{ weight: 4, arbitrary: fc.constantFrom(...nearValid(base)) },
				{ weight: 2, arbitrary: odd },
				{ weight: 2, arbitrary: fc.string({ maxLength: 30 }).map(wire) },
				{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }).map(wire) }
			);
			return segment.map((s) => ({ ...asked, segment: s }));
		});
}
