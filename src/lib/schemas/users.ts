import { z } from './z.ts';
import { roles } from '../users/roles.ts';
import { m } from '../paraglide/messages.js';

// Messages are functions so each request gets its own language.
const required = () => m.field_required();

export const signInSchema = z.object({
	email: z.string().trim().min(1, { error: required }).max(254),
	password: z.string().min(1, { error: required }).max(1000)
});

const newPassword = z.string().min(1, { error: required }).max(1000);

export const passwordChangeSchema = z
	.object({
		current_password: z.string().min(1, { error: required }).max(1000),
		new_password: newPassword,
		confirm_password: z.string().min(1, { error: required }).max(1000)
	})
	.refine((v) => v.new_password === v.confirm_password, {
		path: ['confirm_password'],
		error: () => m.password_mismatch()
	});

export const profileSchema = z.object({
	display_name: z.string().trim().min(1, { error: required }).max(100),
	locale: z.enum(['fa', 'en'])
});

const idList = z.array(z.coerce.number().int().positive()).default([]);

const userFields = z.object({
	email: z
		.email({ error: () => m.email_invalid() })
		.trim()
		.toLowerCase()
		.max(254),
	display_name: z.string().trim().min(1, { error: required }).max(100),
	role: z.enum(roles, { error: required }),
	district_ids: idList,
	center_ids: idList,
	school_id: z.coerce.number().int().positive().optional(),
	locale: z.enum(['fa', 'en']).default('fa')
});

// Each role needs its kind of scope: districts, centres or one school.
function requireScopeOfRole(v: z.infer<typeof userFields>, ctx: z.RefinementCtx) {
	const scopeError = (path: string) =>
		ctx.addIssue({ code: 'custom', path: [path], message: m.scope_required() });
	if ((v.role === 'admin' || v.role === 'liaison') && v.district_ids.length === 0)
		scopeError('district_ids');
	if (v.role === 'center_manager' && v.center_ids.length === 0) scopeError('center_ids');
	if (v.role === 'school_staff' && !v.school_id) scopeError('school_id');
}

export const userSchema = userFields.superRefine(requireScopeOfRole);

export const newUserSchema = userFields
	.extend({ temporary_password: newPassword })
	.superRefine(requireScopeOfRole);

export const userUpdateSchema = userFields
	.extend({ version: z.coerce.number().int() })
	.superRefine(requireScopeOfRole);

export const passwordResetSchema = z.object({ temporary_password: newPassword });

export type UserInput = z.infer<typeof userSchema>;

export type UserFormFields = z.infer<typeof userFields>;
