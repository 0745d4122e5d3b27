import fc from 'fast-check';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { matrix, type Role } from './authorization-matrix';
import { Askers } from './fuzz/askers';
import { newFuzzAccount, postSignIn } from './fuzz/accounts';
import { DatabaseWatch, describeChanges } from './fuzz/database';
import { sendFeedbackAnswer } from './fuzz/feedback';
import { feedbackAnswerArbitrary, feedbackAnswerExamples } from './fuzz/feedback-attempts';
import { sendRefusedAnswer } from './fuzz/feedback-refused';
import { partialSaveProblem, savesPerCard } from './fuzz/partial-save';
import { refusingForms } from './fuzz/feedback-states';
import { contextFor, emails, formArbitrary, formFields, sessionsOf } from './fuzz/forms';
import { attemptPasswordChange, passwordAttemptArbitrary } from './fuzz/own-password';
import { askNext, nextRequestArbitrary, offSiteExamples } from './fuzz/next';
import { addPageParams, queryRequestArbitrary, queryTargets } from './fuzz/queries';
import { segmentRequestArbitrary } from './fuzz/segment-requests';
import { askSegment, segmentTargets } from './fuzz/segments';
import { attemptSignIn, signInAttemptArbitrary, signInExamples } from './fuzz/sign-in';
import { attemptSignOut, signOutAttemptArbitrary } from './fuzz/sign-out';
import { answerProblem } from './fuzz/well-formed';
import { e2eDatabasePath, openFeedbackFormPath } from './helpers';
import { replayHint, seedFor, useFuzzSeed } from '../helpers/fuzz-seed';

// Property-based fuzzing over HTTP against the built app. Each POST row of the authorization
// matrix is sent random and near-valid forms, built from the fields of the real form on its page
// (names and option values), by every role that reaches the action; the list and detail pages,
// downloads, API and calendar feed are asked with random query strings; the sign-in page's next=
// must never lead off the site; then the public feedback form is sent answers through real links,
// by anonymous visitors and signed-in users, while it is open and while it takes none (not open
// yet, closed, full; a session's and a campaign event's). Never a 5xx; when a form is refused
// (4xx) nothing is written: every table holds the same rows as before; a GET writes nothing and is
// well-formed; a page that saves each part on its own (the week's attendance) wrote exactly the
// parts it says it saved; at the end every row still passes SQLite's checks. Runs last, alone, in order,
// since it writes. FUZZ_RUNS sets the runs per action (default 6; `npm run fuzz` runs 200).

test.describe.configure({ mode: 'default' });

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const roles: Role[] = ['anonymous', 'admin', 'center_manager', 'school_staff', 'liaison'];
// These end the fuzzer's own session or lock its account: fuzzed below, with accounts of their own.
const skipped = /^\/(logout|login|profile\/password)\b/;

let database: DatabaseWatch;
test.beforeAll(() => {
	useFuzzSeed();
	database = new DatabaseWatch(e2eDatabasePath);
});
test.afterAll(() => database.close());

test('every form action answers random and near-valid forms without a 5xx, writing nothing when it refuses', async ({
	baseURL
}) => {
	// About 4 s a run of every action on a busy machine: the long variant (200 runs) needs half an hour.
	test.setTimeout((5 + RUNS / 6) * 60_000);
	const failures: string[] = [];
	for (const role of roles) {
		const context = await contextFor(role, baseURL!);
		for (const row of matrix) {
			const reached = typeof row.expect[role] === 'number' && row.expect[role] !== 404;
			if (row.method !== 'POST' || !reached || skipped.test(row.path)) continue;
			const [pagePath, action] = row.path.split('?/');
			const page = await context.get(pagePath!);
			const fields = page.ok() ? formFields(await page.text(), action ?? null) : [];
			await fc.assert(
				fc.asyncProperty(formArbitrary(fields), async (form) => {
					const before = database.snapshot();
					const response = await context.post(row.path, { form, maxRedirects: 0 });
					const status = response.status();
					const sent = `${role} ${row.path} ${JSON.stringify(form)} → ${status}`;
					if (status >= 500) failures.push(sent);
					if (status >= 400) {
						const changes = database.changesSince(before);
						if (changes.length) failures.push(`${sent} but wrote ${describeChanges(changes)}`);
					} else if (savesPerCard(row.path)) {
						const problem = partialSaveProblem(
							await response.text(),
							database.changesSince(before)
						);
						if (problem) failures.push(`${sent} but ${problem}`);
					}
					return status < 500;
				}),
				{ numRuns: RUNS, endOnFailure: true, seed: seedFor(`form ${role} ${row.path}`) }
			);
		}
		await context.dispose();
	}
	expect(failures, replayHint).toEqual([]);
});

test('GET query strings of the list and detail pages, the downloads, the API and the calendar feed: never a 5xx, always well-formed, nothing written', async ({
	baseURL
}) => {
	test.setTimeout((2 + RUNS / 10) * 60_000);
	const askers = await Askers.open(baseURL!);
	const failures: string[] = [];
	for (const target of queryTargets()) {
		if (target.kind === 'page') addPageParams(target, await askers.page(target));
		await fc.assert(
			fc.asyncProperty(queryRequestArbitrary(target), async (asked) => {
				const before = database.snapshot();
				const response = await askers.ask(target, asked);
				const sent = `${asked.role} ${response.url().slice(0, 300)}${asked.forged === null ? '' : ` (forged ${JSON.stringify(asked.forged)})`} → ${response.status()}`;
				const problem = await answerProblem(target.kind, response);
				if (problem) failures.push(`${sent}: ${problem}`);
				if (asked.forged !== null && response.ok()) failures.push(`${sent}: a forged token let in`);
				const changes = database.changesSince(before);
				if (changes.length) failures.push(`${sent} but wrote ${describeChanges(changes)}`);
				return response.status() < 500;
			}),
			{ numRuns: RUNS * 2, endOnFailure: true, seed: seedFor(`query ${target.route}`) }
		);
	}
	await askers.close();
	expect(failures, replayHint).toEqual([]);
});

test('path segments of the detail pages and the feedback form, random and near-valid ids and tokens: never a 5xx, never a record outside the scope, nothing written', async ({
	baseURL
}) => {
	test.setTimeout((1 + RUNS / 10) * 60_000);
	const formPath = await openFeedbackFormPath(baseURL!);
	// An event of campaign 3 (شاهین's centre): outside manager@'s and staff@'s scope, and not an
	// event of campaign 1.
	const event = database.value(
		'select id from campaign_events where campaign_id = 3 order by id limit 1'
	) as number;
	const eventRoutes = ['attendance', 'sheet'].flatMap((page) => [
		{
			route: `/campaigns/[id]/events/[eventId]/${page}`,
			path: `/campaigns/3/events/${event}/${page}`,
			refused: ['center_manager', 'school_staff'] as Role[]
		},
		{
			route: `/campaigns/[id]/events/[eventId]/${page}`,
			path: `/campaigns/1/events/${event}/${page}`,
			refused: roles
		}
	]);
	const targets = segmentTargets([
		{ route: '/f/[token]', path: formPath, refused: [] },
		...eventRoutes
	]);
	const sessions = await sessionsOf(roles, baseURL!);
	const failures: string[] = [];
	for (const target of targets)
		await fc.assert(
			fc.asyncProperty(segmentRequestArbitrary(target, roles), async (asked) => {
				failures.push(...(await askSegment(database, sessions, baseURL!, target, asked)));
				return true;
			}),
			{ numRuns: RUNS * 2, seed: seedFor(`segment ${target.route}`) }
		);
	expect(failures, replayHint).toEqual([]);
});

test('the sign-in form, random and near-valid emails and passwords of an account made for it: never a 5xx, a refusal in the page’s language, nothing written but the sign-in or its failure', async ({
	baseURL
}) => {
	test.setTimeout((1 + RUNS / 20) * 60_000);
	const { account, context } = await newFuzzAccount(baseURL!, database, 'sign-in');
	await context.dispose();
	const failures: string[] = [];
	await fc.assert(
		fc.asyncProperty(signInAttemptArbitrary(account), async (attempt) => {
			failures.push(...(await attemptSignIn(database, baseURL!, attempt)));
			return true;
		}),
		{ numRuns: RUNS * 3, examples: signInExamples(account), seed: seedFor('sign-in') }
	);
	expect(failures, replayHint).toEqual([]);
});

test('changing one’s password, random and near-valid forms that must not change it: never a 5xx, nothing written, the old password still signs in', async ({
	baseURL
}) => {
	test.setTimeout((1 + RUNS / 20) * 60_000);
	const { account, context } = await newFuzzAccount(baseURL!, database, 'password');
	const failures: string[] = [];
	await fc.assert(
		fc.asyncProperty(passwordAttemptArbitrary(account), async (attempt) => {
			failures.push(...(await attemptPasswordChange(database, context, attempt)));
			return true;
		}),
		{ numRuns: RUNS * 2, seed: seedFor('password') }
	);
	expect(failures, replayHint).toEqual([]);
	expect((await context.get('/profile', { maxRedirects: 0 })).status()).toBe(200);
	await context.dispose();
	expect((await postSignIn(baseURL!, '/login', { ...account }, '127.0.0.4')).status()).toBe(303);
});

test('signing out, with random bodies, content types, origins and sessions: never a 5xx, ends only the session it carries, nothing written when refused', async ({
	baseURL
}) => {
	test.setTimeout((1 + RUNS / 20) * 60_000);
	const { account, context } = await newFuzzAccount(baseURL!, database, 'sign-out');
	await context.dispose();
	const failures: string[] = [];
	await fc.assert(
		fc.asyncProperty(signOutAttemptArbitrary(baseURL!), async (attempt) => {
			failures.push(...(await attemptSignOut(database, baseURL!, account, attempt)));
			return true;
		}),
		{ numRuns: RUNS * 2, seed: seedFor('sign-out') }
	);
	expect(failures, replayHint).toEqual([]);
});

test("the sign-in page's next= never leads off the site, signed out, signed in or signing in, and writes only a sign-in", async ({
	baseURL
}) => {
	test.setTimeout((1 + RUNS / 10) * 60_000);
	const signedIn = new Map<Role, APIRequestContext>();
	for (const role of Object.keys(emails) as Role[])
		signedIn.set(role, await contextFor(role, baseURL!));
	const failures: string[] = [];
	await fc.assert(
		fc.asyncProperty(nextRequestArbitrary, async (asked) => {
			failures.push(...(await askNext(database, signedIn, baseURL!, asked)));
			return true;
		}),
		{ numRuns: RUNS * 5, examples: offSiteExamples, seed: seedFor('next') }
	);
	for (const context of signedIn.values()) await context.dispose();
	expect(failures, replayHint).toEqual([]);
});

test('the public feedback form, through a real link, refuses without writing and stores valid answers anonymously', async ({
	baseURL
}) => {
	test.setTimeout((2 + RUNS / 20) * 60_000);
	const path = await openFeedbackFormPath(baseURL!);
	const visitor = await contextFor('anonymous', baseURL!);
	const fields = formFields(await (await visitor.get(path)).text(), null);
	await visitor.dispose();
	// The link's form is open: it offers its questions.
	expect(fields.map((field) => field.name).sort()).toEqual([
		'comment',
		'learned',
		'overall',
		'would_recommend'
	]);
	const sessions = await sessionsOf(roles, baseURL!);

	const failures: string[] = [];
	await fc.assert(
		fc.asyncProperty(feedbackAnswerArbitrary(fields, roles), async (attempt) => {
			const problems = await sendFeedbackAnswer(database, {
				...attempt,
				path,
				baseURL: baseURL!,
				session: sessions.get(attempt.role)!
			});
			failures.push(...problems);
			return true;
		}),
		{ numRuns: RUNS * roles.length, examples: feedbackAnswerExamples, seed: seedFor('feedback') }
	);
	expect(failures, replayHint).toEqual([]);
});

test("the public feedback form not yet open, closed and full refuses every answer clearly and writes nothing, a session's and a campaign event's", async ({
	baseURL
}) => {
	test.setTimeout((2 + RUNS / 20) * 60_000);
	// Read while the form is open (before it is made full): the questions the fuzzer answers.
	const visitor = await contextFor('anonymous', baseURL!);
	const fields = formFields(
		await (await visitor.get(await openFeedbackFormPath(baseURL!))).text(),
		null
	);
	await visitor.dispose();
	const forms = await refusingForms(baseURL!, database);
	const sessions = await sessionsOf(roles, baseURL!);
	const failures: string[] = [];
	const attempt = fc.record({
		target: fc.constantFrom(...forms),
		english: fc.boolean(),
		answer: feedbackAnswerArbitrary(fields, roles)
	});
	await fc.assert(
		fc.asyncProperty(attempt, async ({ target, english, answer }) => {
			const problems = await sendRefusedAnswer(database, {
				...answer,
				...target,
				english,
				baseURL: baseURL!,
				session: sessions.get(answer.role)!
			});
			failures.push(...problems);
			return true;
		}),
		{ numRuns: RUNS * 8, seed: seedFor('feedback refused') }
	);
	expect(failures, replayHint).toEqual([]);
});

test('after fuzzing, every row passes SQLite integrity and foreign-key checks', () => {
	const { integrity, foreignKeys } = database.checks();
	expect(integrity).toEqual([{ integrity_check: 'ok' }]);
	expect(foreignKeys).toEqual([]);
});
