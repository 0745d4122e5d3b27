import type { DB } from '../db/connect.ts';
import { recordAudit } from '../audit/repository.ts';
import { findPasswordProblem, hashPassword } from '../auth/password.ts';
import { normalizeEmail } from '../auth/sign-in.ts';
import { findUserByEmail } from './repository.ts';
import { inTransaction } from '../db/transaction.ts';

export type FirstAdminResult = { ok: true; districtId: number } | { ok: false; message: string };

/** The production bootstrap: an admin for a district named by id or name, created if new. */
export async function createFirstAdmin(
	db: DB,
	input: { email: string; district: string; displayName: string; password: string },
	now = new Date()
): Promise<FirstAdminResult> {
	const email = normalizeEmail(input.email);
	if (!/^[^@\s]+@[^@\s]+$/.test(email))
		return { ok: false, message: 'That is not an email address.' };
	const problem = findPasswordProblem(input.password);
	if (problem === 'password_too_short')
		return { ok: false, message: 'The password must be at least 10 characters long.' };
	if (problem === 'password_common')
		return { ok: false, message: 'That password is too common; choose another.' };
	if (await findUserByEmail(db, email)) return { ok: false, message: `${email} already exists.` };

	const passwordHash = await hashPassword(input.password);
	const districtId = await inTransaction(db, async (trx) => {
		const name = input.district.trim();
		const existing = await trx
			.selectFrom('districts')
			.select('id')
			.where((eb) =>
				eb.or([
					eb('name_fa', '=', name),
					eb('name_en', '=', name),
					eb('id', '=', Number(name) || -1)
				])
			)
			.executeTakeFirst();
		const districtId =
			existing?.id ??
			(
				await trx
					.insertInto('districts')
					.values({ name_fa: name, name_en: name, city_fa: 'تهران', city_en: 'Tehran' })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const { id } = await trx
			.insertInto('users')
			.values({
				email,
				display_name: input.displayName,
				password_hash: passwordHash,
				role: 'admin',
				created_at: now.toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('user_districts')
			.values({ user_id: id, district_id: districtId })
			.execute();
		await recordAudit(
			trx,
			{
				actorId: null,
				action: 'user_created',
				entityType: 'user',
				entityId: id,
				subject: 'create-admin',
				after: { email, role: 'admin', district_id: districtId }
			},
			now
		);
		return districtId;
	});
	return { ok: true, districtId };
}
