import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireAdminActor } from '$lib/server/auth/actor';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '$lib/server/schools/import/columns';
import { keepPendingImport, takePendingImport } from '$lib/server/schools/import/pending';
import { readImportFile } from '$lib/server/schools/import/read-file';
import { commitImport, previewImport, type ImportResult } from '$lib/server/schools/import/service';
import { readProblemMessage } from '$lib/server/schools/messages';
import type { Actions, PageServerLoad } from './$types';

/** Enough to act on; a file wrong on every row would otherwise make a page of megabytes. */
const ERRORS_SHOWN = 2000;

export const load: PageServerLoad = async (event) => {
	requireAdminActor(event);
	return { limits: { rows: MAX_IMPORT_ROWS, megabytes: MAX_IMPORT_BYTES / (1024 * 1024) } };
};

function refuseErrors(fileName: string, result: Extract<ImportResult, { ok: false }>) {
	return fail(400, {
		fileName,
		rows: result.rows,
		errors: result.errors.slice(0, ERRORS_SHOWN),
		errorCount: result.errors.length
	});
}

export const actions: Actions = {
	preview: async (event) => {
		const actor = requireAdminActor(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { problem: m.schools_import_choose_file() });
		if (file.size > MAX_IMPORT_BYTES)
			return fail(400, { problem: readProblemMessage({ problem: 'too_large' }) });
		const fileName = file.name.split(/[\\/]/).pop()!.slice(0, 200);
		const read = await readImportFile(fileName, new Uint8Array(await file.arrayBuffer()));
		if (!read.ok) return fail(400, { problem: readProblemMessage(read) });
		const result = await previewImport(getDb(), actor, read.table);
		if (!result.ok) return refuseErrors(fileName, result);
		const token = keepPendingImport(actor.id, fileName, read.table);
		return { fileName, rows: result.rows, counts: result.counts, token };
	},
	commit: async (event) => {
		const actor = requireAdminActor(event);
		const token = (await event.request.formData()).get('token');
		const pending = typeof token === 'string' ? takePendingImport(token, actor.id) : null;
		if (!pending) return fail(400, { problem: m.schools_import_expired() });
		const result = await commitImport(getDb(), actor, pending.table, pending.fileName);
		if (!result.ok) return refuseErrors(pending.fileName, result);
		return { fileName: pending.fileName, rows: result.rows, done: result.counts };
	}
};
