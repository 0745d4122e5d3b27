import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// One interface for the whole database. Dates are 'YYYY-MM-DD' text, instants UTC ISO-8601
// text, booleans 0/1: chosen once so the same code can move to PostgreSQL.

export type SchoolLevel = 'primary' | 'lower_secondary' | 'upper_secondary';
export type SchoolGender = 'boys' | 'girls';

export interface DistrictsTable {
	id: Generated<number>;
	name_fa: string;
	name_en: string;
	city_fa: string;
	city_en: string;
	timezone: Generated<string>;
}

export interface AreasTable {
	id: Generated<number>;
	district_id: number;
	number: number;
	name_fa: string;
	name_en: string;
	version: Generated<number>;
}

export interface NeighborhoodsTable {
	id: Generated<number>;
	area_id: number;
	name_fa: string;
	name_en: string;
	/** normalizeForSearch() of both names, written with them. */
	name_search: string;
	version: Generated<number>;
}

export interface CentersTable {
	id: Generated<number>;
	neighborhood_id: number;
	name: string;
	address: string | null;
	phone: string | null;
	name_search: string;
	version: Generated<number>;
}

export interface SchoolsTable {
	id: Generated<number>;
	ministry_code: string;
	name: string;
	level: SchoolLevel;
	gender: SchoolGender;
	neighborhood_id: number;
	address: string | null;
	principal_name: string | null;
	phone: string | null;
	/** normalizeForSearch() of the name and ministry code. */
	name_search: string;
	version: Generated<number>;
}

export interface SchoolEnrolmentsTable {
	school_id: number;
	grade: number;
	students: number;
}

export interface SchoolYearsTable {
	id: Generated<number>;
	label: string;
	starts_on: string;
	ends_on: string;
	is_current: Generated<number>;
	version: Generated<number>;
}

export type FacilitatorOrganization =
	'welfare' | 'police' | 'counselling' | 'health' | 'education' | 'ngo' | 'other';

export interface TopicsTable {
	id: Generated<number>;
	code: string;
	name_fa: string;
	name_en: string;
	for_students: Generated<number>;
	for_parents: Generated<number>;
	for_teachers: Generated<number>;
	active: Generated<number>;
	version: Generated<number>;
}

export interface FacilitatorsTable {
	id: Generated<number>;
	district_id: number;
	name: string;
	name_search: string;
	organization: FacilitatorOrganization;
	phone: string | null;
	active: Generated<number>;
	version: Generated<number>;
}

export interface FacilitatorTopicsTable {
	facilitator_id: number;
	topic_id: number;
}

export interface PairingsTable {
	id: Generated<number>;
	school_year_id: number;
	neighborhood_id: number;
	school_id: number;
	created_at: string;
	version: Generated<number>;
}

export type ClosureKind = 'holiday' | 'exam' | 'school' | 'center';

export interface ClosuresTable {
	id: Generated<number>;
	district_id: number;
	kind: ClosureKind;
	/** Only for kind 'school'. */
	school_id: number | null;
	/** Only for kind 'center'. */
	center_id: number | null;
	/** Inclusive, 'YYYY-MM-DD'. */
	starts_on: string;
	ends_on: string;
	name_fa: string;
	name_en: string;
	created_at: string;
	version: Generated<number>;
}

export interface SettingsTable {
	district_id: number;
	/** 'HH:MM'. */
	school_day_starts: Generated<string>;
	school_day_ends: Generated<string>;
	response_deadline_days: Generated<number>;
	version: Generated<number>;
}

export type Role = 'admin' | 'center_manager' | 'school_staff' | 'liaison';
export type Locale = 'fa' | 'en';

export interface UsersTable {
	id: Generated<number>;
	email: string;
	display_name: string;
	password_hash: string;
	role: Role;
	school_id: number | null;
	locale: Generated<Locale>;
	must_change_password: Generated<number>;
	active: Generated<number>;
	created_at: string;
	version: Generated<number>;
}

export interface UserDistrictsTable {
	user_id: number;
	district_id: number;
}

export interface UserCentersTable {
	user_id: number;
	center_id: number;
}

export interface UserSessionsTable {
	id: string;
	user_id: number;
	secret_hash: Uint8Array;
	created_at: string;
	last_seen_at: string;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: string;
	actor_id: number | null;
	ip: string | null;
	action: string;
	entity_type: string | null;
	entity_id: number | null;
	subject: string | null;
	before: string | null;
	after: string | null;
	reason: string | null;
}

export interface Database {
	districts: DistrictsTable;
	areas: AreasTable;
	neighborhoods: NeighborhoodsTable;
	centers: CentersTable;
	schools: SchoolsTable;
	school_enrolments: SchoolEnrolmentsTable;
	school_years: SchoolYearsTable;
	users: UsersTable;
	user_districts: UserDistrictsTable;
	user_centers: UserCentersTable;
	user_sessions: UserSessionsTable;
	audit_log: AuditLogTable;
	topics: TopicsTable;
	facilitators: FacilitatorsTable;
	facilitator_topics: FacilitatorTopicsTable;
	pairings: PairingsTable;
	closures: ClosuresTable;
	settings: SettingsTable;
	bell_sessions: BellSessionsTable;
	notifications: NotificationsTable;
	calendar_feeds: CalendarFeedsTable;
	bell_session_attendance: BellSessionAttendanceTable;
	bell_session_attendance_students: BellSessionAttendanceStudentsTable;
	staff_feedback: StaffFeedbackTable;
	feedback_links: FeedbackLinksTable;
	feedback_answers: FeedbackAnswersTable;
	campaigns: CampaignsTable;
	campaign_events: CampaignEventsTable;
	campaign_event_attendance: CampaignEventAttendanceTable;
	api_tokens: ApiTokensTable;
	coverage_session_tallies: CoverageSessionTalliesTable;
	coverage_grade_tallies: CoverageGradeTalliesTable;
	coverage_pairing_tallies: CoveragePairingTalliesTable;
	coverage_enrolment_tallies: CoverageEnrolmentTalliesTable;
	coverage_event_tallies: CoverageEventTalliesTable;
	rate_limit_hits: RateLimitHitsTable;
	place_boundaries: PlaceBoundariesTable;
}

export type District = Selectable<DistrictsTable>;
export type NewDistrict = Insertable<DistrictsTable>;
export type DistrictUpdate = Updateable<DistrictsTable>;
export type Area = Selectable<AreasTable>;
export type NewArea = Insertable<AreasTable>;
export type AreaUpdate = Updateable<AreasTable>;
export type Neighborhood = Selectable<NeighborhoodsTable>;
export type NewNeighborhood = Insertable<NeighborhoodsTable>;
export type NeighborhoodUpdate = Updateable<NeighborhoodsTable>;
export type Center = Selectable<CentersTable>;
export type NewCenter = Insertable<CentersTable>;
export type CenterUpdate = Updateable<CentersTable>;
export type School = Selectable<SchoolsTable>;
export type NewSchool = Insertable<SchoolsTable>;
export type SchoolUpdate = Updateable<SchoolsTable>;
export type SchoolEnrolment = Selectable<SchoolEnrolmentsTable>;
export type NewSchoolEnrolment = Insertable<SchoolEnrolmentsTable>;
export type SchoolYear = Selectable<SchoolYearsTable>;
export type NewSchoolYear = Insertable<SchoolYearsTable>;
export type SchoolYearUpdate = Updateable<SchoolYearsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type UserSession = Selectable<UserSessionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type Topic = Selectable<TopicsTable>;
export type NewTopic = Insertable<TopicsTable>;
export type Facilitator = Selectable<FacilitatorsTable>;
export type NewFacilitator = Insertable<FacilitatorsTable>;
export type Pairing = Selectable<PairingsTable>;
export type NewPairing = Insertable<PairingsTable>;
export type Closure = Selectable<ClosuresTable>;
export type NewClosure = Insertable<ClosuresTable>;
export type ClosureUpdate = Updateable<ClosuresTable>;
export type Settings = Selectable<SettingsTable>;

export type BellSessionStatus =
	'proposed' | 'counter_proposed' | 'confirmed' | 'held' | 'declined' | 'cancelled';
export type BellSessionAudience = 'students' | 'parents' | 'teachers';

export interface BellSessionsTable {
	id: Generated<number>;
	school_year_id: number;
	neighborhood_id: number;
	school_id: number;
	center_id: number;
	topic_id: number;
	facilitator_id: number;
	audience: BellSessionAudience;
	/** Only for students: the grades as comma-separated numbers, e.g. '7,8,9'. */
	grades: string | null;
	expected_headcount: number;
	/** Local (Asia/Tehran) 'YYYY-MM-DD' and 'HH:MM'. */
	date: string;
	start_time: string;
	duration_minutes: number;
	/** The same moments as UTC instants, for overlap checks. */
	starts_at: string;
	ends_at: string;
	location: string | null;
	note: string | null;
	status: Generated<BellSessionStatus>;
	proposed_by: number | null;
	created_at: string;
	updated_at: string;
	version: Generated<number>;
}

export type BellSession = Selectable<BellSessionsTable>;
export type NewBellSession = Insertable<BellSessionsTable>;
export type BellSessionUpdate = Updateable<BellSessionsTable>;

/** What happened to a bell session, as told in the inbox. */
export type BellSessionEvent =
	| 'proposed'
	| 'confirmed'
	| 'counter_proposed'
	| 'declined'
	| 'accepted'
	| 'rescheduled'
	| 'moved'
	| 'cancelled';

/** What happened to a campaign event, as told in the inbox. */
export type CampaignEventNotice = 'event_moved' | 'event_cancelled';
export type NotificationEvent = BellSessionEvent | CampaignEventNotice;

export interface NotificationsTable {
	id: Generated<number>;
	user_id: number;
	/** Exactly one of the two is set: what the notification is about. */
	bell_session_id: number | null;
	campaign_event_id: number | null;
	event: NotificationEvent;
	actor_id: number | null;
	created_at: string;
	read_at: string | null;
}

export type Notification = Selectable<NotificationsTable>;
export type NewNotification = Insertable<NotificationsTable>;

export interface CalendarFeedsTable {
	user_id: number;
	/** Hex SHA-256 of the secret token in the feed's address; the token itself is never stored. */
	token_hash: string;
	created_at: string;
}

export type CalendarFeed = Selectable<CalendarFeedsTable>;

export type CampaignAudience = 'public' | 'adults' | 'youth' | 'children' | 'families';

/** A Sunday campaign: a series of events at one centre, made from its rule. */
export interface CampaignsTable {
	id: Generated<number>;
	center_id: number;
	/** The school year of the first date, when there is one. */
	school_year_id: number | null;
	title: string;
	topic_id: number;
	audience: CampaignAudience;
	/** The rule: inclusive 'YYYY-MM-DD' dates, weekday 0 = Sunday ... 6 = Saturday, local 'HH:MM'. */
	first_date: string;
	last_date: string;
	weekday: Generated<number>;
	start_time: string;
	duration_minutes: number;
	place: string | null;
	facilitator_id: number | null;
	note: string | null;
	/** Dates of the rule the user dropped, comma-separated 'YYYY-MM-DD'; '' for none. */
	dropped_dates: Generated<string>;
	created_by: number | null;
	created_at: string;
	updated_at: string;
	version: Generated<number>;
}

export type Campaign = Selectable<CampaignsTable>;
export type NewCampaign = Insertable<CampaignsTable>;

export type CampaignEventStatus = 'scheduled' | 'cancelled' | 'held';

export interface CampaignEventsTable {
	id: Generated<number>;
	campaign_id: number;
	/** The date the rule made the event for; null for a date added by hand. */
	rule_date: string | null;
	/** Local (Asia/Tehran) 'YYYY-MM-DD' and 'HH:MM', and the same moments as UTC instants. */
	date: string;
	start_time: string;
	duration_minutes: number;
	starts_at: string;
	ends_at: string;
	place: string | null;
	status: Generated<CampaignEventStatus>;
	/** 0/1: moved, cancelled, added or kept by hand; a rule change leaves it alone. */
	touched: Generated<number>;
	/** 0/1: a closure added later covers its day; attention_closure_id says which. */
	needs_attention: Generated<number>;
	attention_closure_id: number | null;
	cancel_reason: string | null;
	created_at: string;
	updated_at: string;
	version: Generated<number>;
}

export type CampaignEvent = Selectable<CampaignEventsTable>;
export type NewCampaignEvent = Insertable<CampaignEventsTable>;

/** Head counts of a held bell session; never names. */
export interface BellSessionAttendanceTable {
	bell_session_id: number;
	teachers: number;
	parents: number;
	recorded_by: number | null;
	recorded_at: string;
	updated_by: number | null;
	updated_at: string;
	version: Generated<number>;
}

export type StudentGender = 'girls' | 'boys';

export interface BellSessionAttendanceStudentsTable {
	bell_session_id: number;
	grade: number;
	gender: StudentGender;
	students: number;
}

export type BellSessionAttendance = Selectable<BellSessionAttendanceTable>;

/** Head counts of a held campaign event by age band and gender; never names. */
export interface CampaignEventAttendanceTable {
	campaign_event_id: number;
	adults_women: number;
	adults_men: number;
	youth_girls: number;
	youth_boys: number;
	children_girls: number;
	children_boys: number;
	recorded_by: number | null;
	recorded_at: string;
	updated_by: number | null;
	updated_at: string;
	version: Generated<number>;
}

/** One person's rating of a held session or campaign event: exactly one of the two ids is set. */
export interface StaffFeedbackTable {
	id: Generated<number>;
	bell_session_id: number | null;
	campaign_event_id: number | null;
	user_id: number;
	relevance: number;
	facilitator: number;
	engagement: number;
	comment: string | null;
	created_at: string;
	updated_at: string;
	version: Generated<number>;
}

export type StaffFeedback = Selectable<StaffFeedbackTable>;

/** The public address of a session's or event's anonymous feedback form (/f/<token>). */
export interface FeedbackLinksTable {
	id: Generated<number>;
	token: string;
	bell_session_id: number | null;
	campaign_event_id: number | null;
	created_at: string;
}

export type FeedbackLink = Selectable<FeedbackLinksTable>;

export type LearnedAnswer = 'yes' | 'partly' | 'no';

/** An anonymous participant's answer: no address, cookie or account is kept. */
export interface FeedbackAnswersTable {
	id: Generated<number>;
	link_id: number;
	overall: number;
	learned: LearnedAnswer | null;
	/** 0/1. */
	would_recommend: number | null;
	comment: string | null;
	created_at: string;
}

export type FeedbackAnswer = Selectable<FeedbackAnswersTable>;

/** A personal API token for ministry systems; only its SHA-256 is kept. */
export interface ApiTokensTable {
	id: Generated<number>;
	user_id: number;
	name: string;
	/** Hex SHA-256 of the token; the token itself is shown once and never stored. */
	token_hash: string;
	created_at: string;
	last_used_at: string | null;
	revoked_at: string | null;
}

export type ApiToken = Selectable<ApiTokensTable>;

// Coverage tallies: sums per district kept by triggers (migration 2026-11-26T14-00); read only.

interface SchoolTallyKey {
	school_year_id: number;
	district_id: number;
	level: SchoolLevel;
	gender: SchoolGender;
}

export interface CoverageSessionTalliesTable extends SchoolTallyKey {
	/** The first day of the session's Jalali month, 'YYYY-MM-DD'. */
	month_start: string;
	sessions_proposed: number;
	sessions_confirmed: number;
	sessions_held: number;
	sessions_cancelled: number;
	sessions_declined: number;
	students_reached: number;
	staff_ratings: number;
	staff_rating_sum: number;
	answers: number;
	answer_rating_sum: number;
}

export interface CoverageGradeTalliesTable extends SchoolTallyKey {
	grade: number;
	student_gender: StudentGender;
	students_reached: number;
}

export interface CoveragePairingTalliesTable extends SchoolTallyKey {
	schools_paired: number;
	schools_reached: number;
}

export interface CoverageEnrolmentTalliesTable extends SchoolTallyKey {
	grade: number;
	students_enrolled: number;
}

export interface CoverageEventTalliesTable {
	district_id: number;
	date: string;
	events_planned: number;
	events_held: number;
	events_cancelled: number;
	event_attendance: number;
}

/** Requests counted in one fixed window; `key` is the limit's name and a hash of the address. */
export interface RateLimitHitsTable {
	key: string;
	/** UTC ISO-8601 instant the window began. */
	window_start: string;
	hits: number;
}

export type BoundaryLevel = 'neighborhood' | 'area';

/** The outline of one neighbourhood or area: exactly one of the two ids is set, as `level` says. */
export interface PlaceBoundariesTable {
	id: Generated<number>;
	district_id: number;
	level: BoundaryLevel;
	neighborhood_id: number | null;
	area_id: number | null;
	/** A GeoJSON Polygon or MultiPolygon (longitude, latitude), simplified on upload. */
	geometry: string;
	uploaded_at: string;
	uploaded_by: number | null;
}

export type PlaceBoundary = Selectable<PlaceBoundariesTable>;
