import { m } from '../../paraglide/messages.js';
import type { DirectoryChangeResult } from './change-result.ts';

type FieldRefusal = Extract<DirectoryChangeResult, { field: string }>;

/** The message in the request's language for a refused directory change. */
export function directoryErrorMessage(refusal: FieldRefusal): string {
	switch (refusal.error) {
		case 'outside_districts':
			return m.scope_outside();
		case 'area_number_taken':
			return m.directory_area_number_taken();
		case 'neighborhood_name_taken':
			return m.directory_neighborhood_name_taken();
		case 'area_other_district':
			return m.directory_area_other_district();
		case 'manager_invalid':
			return m.directory_manager_invalid();
		case 'manager_last_center':
			return m.directory_manager_last_center({ name: refusal.name ?? '' });
	}
}
