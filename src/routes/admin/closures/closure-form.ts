import { closureDatesOf, type ClosureFormData } from '$lib/schemas/closures';
import { closureProblemMessage } from '$lib/server/closures/messages';
import type { ClosureChangeResult, ClosureField, ClosureInput } from '$lib/server/closures/service';

// What the new and edit pages share: form data to service input, refusals to form errors.

export function closureInputOf(data: ClosureFormData, fallbackDistrictId: number): ClosureInput {
	return {
		district_id: data.district_id ?? fallbackDistrictId,
		kind: data.kind,
		school_id: data.school_id ?? null,
		center_id: data.center_id ?? null,
		...closureDatesOf(data),
		name_fa: data.name_fa,
		name_en: data.name_en
	};
}

export function refusalOf(
	result: Extract<ClosureChangeResult, { field: string }>
): [ClosureField, string] {
	return [result.field, closureProblemMessage(result.error)];
}
