import type { DB } from '../db/connect.ts';
import type { Role } from '../db/schema.ts';
import { hashPassword } from '../auth/password.ts';

export const DEMO_PASSWORD = 'demo-pass-1405';

interface DemoAccount {
	email: string;
	display_name: string;
	role: Role;
	/** Neighbourhood names (fa) whose centres a manager runs. */
	centers?: string[];
	/** For school staff: the first school of this neighbourhood. */
	schoolIn?: string;
}

export const demoAccounts: DemoAccount[] = [
	{ email: 'admin@demo.test', display_name: 'مدیر سامانه (معاونت اجتماعی)', role: 'admin' },
	{
		email: 'manager@demo.test',
		display_name: 'مدیر سرای دولاب و خاوران',
		role: 'center_manager',
		centers: ['دولاب', 'خاوران']
	},
	{
		email: 'manager2@demo.test',
		display_name: 'مدیر سرای شاهین و شکوفه',
		role: 'center_manager',
		centers: ['شاهین', 'شکوفه']
	},
	{
		email: 'staff@demo.test',
		display_name: 'مشاور مدرسه (دولاب)',
		role: 'school_staff',
		schoolIn: 'دولاب'
	},
	{
		email: 'staff2@demo.test',
		display_name: 'مدیر مدرسه (شاهین)',
		role: 'school_staff',
		schoolIn: 'شاهین'
	},
	{ email: 'liaison@demo.test', display_name: 'کارشناس رابط آموزش‌وپرورش', role: 'liaison' }
];

/** The demo accounts of DESIGN.md, scoped to the given district. */
export async function seedDemoAccounts(
	db: DB,
	districtId: number,
	now = new Date()
): Promise<void> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	for (const account of demoAccounts) {
		const school = account.schoolIn
			? await db
					.selectFrom('schools')
					.innerJoin('neighborhoods', 'neighborhoods.id', 'schools.neighborhood_id')
					.select('schools.id')
					.where('neighborhoods.name_fa', '=', account.schoolIn)
					.orderBy('schools.id')
					.executeTakeFirstOrThrow()
			: null;
		const { id } = await db
			.insertInto('users')
			.values({
				email: account.email,
				display_name: account.display_name,
				password_hash: passwordHash,
				role: account.role,
				school_id: school?.id ?? null,
				created_at: now.toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (account.role === 'admin' || account.role === 'liaison') {
			await db
				.insertInto('user_districts')
				.values({ user_id: id, district_id: districtId })
				.execute();
		}
		for (const name of account.centers ?? []) {
			const center = await db
				.selectFrom('centers')
				.innerJoin('neighborhoods', 'neighborhoods.id', 'centers.neighborhood_id')
				.select('centers.id')
				.where('neighborhoods.name_fa', '=', name)
				.executeTakeFirstOrThrow();
			await db.insertInto('user_centers').values({ user_id: id, center_id: center.id }).execute();
		}
	}
}
