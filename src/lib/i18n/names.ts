import { getLocale, type Locale } from '../paraglide/runtime.js';
import { m } from '../paraglide/messages.js';
import type { AuditAction } from '../server/audit/repository.ts';
import type { BellSessionStatus, SchoolGender, SchoolLevel } from '../server/db/schema.ts';

/** Records named in both languages show the name of the page's language. */
export function localName(row: { name_fa: string; name_en: string }, locale = getLocale()): string {
	return locale === 'fa' ? row.name_fa : row.name_en;
}

export function schoolLevelLabel(level: SchoolLevel): string {
	return {
		primary: m.school_level_primary,
		lower_secondary: m.school_level_lower_secondary,
		upper_secondary: m.school_level_upper_secondary
	}[level]();
}

export function schoolGenderLabel(gender: SchoolGender): string {
	return { boys: m.school_gender_boys, girls: m.school_gender_girls }[gender]();
}

export function roleLabel(role: 'admin' | 'center_manager' | 'school_staff' | 'liaison'): string {
	return {
		admin: m.role_admin,
		center_manager: m.role_center_manager,
		school_staff: m.role_school_staff,
		liaison: m.role_liaison
	}[role]();
}

const auditActionLabels: Record<AuditAction, () => string> = {
	sign_in: m.audit_action_sign_in,
	sign_in_failed: m.audit_action_sign_in_failed,
	sign_out: m.audit_action_sign_out,
	user_created: m.audit_action_user_created,
	user_updated: m.audit_action_user_updated,
	user_deactivated: m.audit_action_user_deactivated,
	user_reactivated: m.audit_action_user_reactivated,
	user_password_reset: m.audit_action_user_password_reset,
	password_changed: m.audit_action_password_changed,
	profile_updated: m.audit_action_profile_updated,
	record_created: m.audit_action_record_created,
	record_updated: m.audit_action_record_updated,
	record_retired: m.audit_action_record_retired,
	record_restored: m.audit_action_record_restored,
	school_year_made_current: m.audit_action_school_year_made_current,
	schools_imported: m.audit_action_schools_imported,
	pairing_created: m.audit_action_pairing_created,
	pairing_changed: m.audit_action_pairing_changed,
	pairing_removed: m.audit_action_pairing_removed,
	pairings_copied: m.audit_action_pairings_copied,
	bell_session_proposed: m.audit_action_bell_session_proposed,
	bell_session_confirmed: m.audit_action_bell_session_confirmed,
	bell_session_counter_proposed: m.audit_action_bell_session_counter_proposed,
	bell_session_declined: m.audit_action_bell_session_declined,
	bell_session_accepted: m.audit_action_bell_session_accepted,
	bell_session_rescheduled: m.audit_action_bell_session_rescheduled,
	bell_session_moved: m.audit_action_bell_session_moved,
	bell_session_cancelled: m.audit_action_bell_session_cancelled,
	calendar_feed_created: m.audit_action_calendar_feed_created,
	calendar_feed_revoked: m.audit_action_calendar_feed_revoked,
	campaign_created: m.audit_action_campaign_created,
	campaign_updated: m.audit_action_campaign_updated,
	campaign_event_added: m.audit_action_campaign_event_added,
	campaign_event_moved: m.audit_action_campaign_event_moved,
	campaign_event_cancelled: m.audit_action_campaign_event_cancelled,
	campaign_event_kept: m.campaigns_audit_event_kept,
	attendance_recorded: m.audit_action_attendance_recorded,
	attendance_updated: m.audit_action_attendance_updated,
	staff_feedback_saved: m.audit_action_staff_feedback_saved,
	api_token_created: m.audit_action_api_token_created,
	api_token_revoked: m.audit_action_api_token_revoked,
	boundaries_uploaded: m.boundaries_audit_uploaded,
	boundaries_removed: m.boundaries_audit_removed
};

/** An audit action in words; an action without a label yet shows its code. */
export function auditActionLabel(action: string): string {
	return auditActionLabels[action as AuditAction]?.() ?? action;
}

const auditEntityLabels: Record<string, () => string> = {
	user: m.audit_entity_user,
	area: m.audit_entity_area,
	neighborhood: m.audit_entity_neighborhood,
	center: m.audit_entity_center,
	school: m.audit_entity_school,
	school_year: m.audit_entity_school_year,
	topic: m.audit_entity_topic,
	facilitator: m.audit_entity_facilitator,
	pairing: m.audit_entity_pairing,
	closure: m.audit_entity_closure,
	settings: m.audit_entity_settings,
	bell_session: m.audit_entity_bell_session,
	campaign: m.audit_entity_campaign,
	campaign_event: m.audit_entity_campaign_event,
	api_token: m.api_audit_entity_api_token,
	district: m.boundaries_audit_entity_district
};

/** What an audit entry is about, in words; an unknown kind shows its code. */
export function auditEntityLabel(entityType: string): string {
	return auditEntityLabels[entityType]?.() ?? entityType;
}

export function bellSessionStatusLabel(status: BellSessionStatus, locale = getLocale()): string {
	const labels: Record<BellSessionStatus, (inputs: object, options: { locale: Locale }) => string> =
		{
			proposed: m.bell_sessions_status_proposed,
			counter_proposed: m.bell_sessions_status_counter_proposed,
			confirmed: m.bell_sessions_status_confirmed,
			held: m.bell_sessions_status_held,
			declined: m.bell_sessions_status_declined,
			cancelled: m.bell_sessions_status_cancelled
		};
	return labels[status]({}, { locale });
}
