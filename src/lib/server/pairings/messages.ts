import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { toLatinDigits } from '../../i18n/digits.ts';
import { localName } from '../../i18n/names.ts';
import type { PairingRefusal } from './rules.ts';

// Why a pairing change was refused, in the user's language, and which field it belongs to.

/** School-year labels are stored in Persian digits; English pages show Latin ones. */
export function localYearLabel(label: string, locale = getLocale()): string {
	return locale === 'en' ? toLatinDigits(label) : label;
}

export type RefusalField = 'school_id' | 'reason' | 'confirm_other_area';

export function refusalField(refusal: PairingRefusal): RefusalField | null {
	switch (refusal.error) {
		case 'school_taken':
		case 'school_not_in_district':
		case 'same_school':
			return 'school_id';
		case 'reason_required':
			return 'reason';
		case 'other_area':
			return 'confirm_other_area';
		default:
			return null;
	}
}

export function pairingRefusalMessage(refusal: PairingRefusal): string {
	switch (refusal.error) {
		case 'school_taken':
			return m.pairing_school_taken({
				neighborhood: localName(refusal.neighborhood),
				year: localYearLabel(refusal.year)
			});
		case 'neighborhood_taken':
			return m.pairing_neighborhood_taken({
				neighborhood: localName(refusal.neighborhood),
				school: refusal.school,
				year: localYearLabel(refusal.year)
			});
		case 'other_area':
			return m.pairing_other_area({
				school: refusal.school,
				school_area: localName(refusal.schoolArea),
				area: localName(refusal.area),
				neighborhood: localName(refusal.neighborhood)
			});
		case 'school_not_in_district':
			return m.pairing_school_not_in_district();
		case 'same_school':
			return m.pairing_same_school();
		case 'reason_required':
			return m.pairing_reason_required();
		case 'year_closed':
			return m.pairings_year_closed({ year: localYearLabel(refusal.year) });
		case 'stale':
			return m.stale_edit();
		case 'not_found':
			return m.error_not_found_body();
	}
}
