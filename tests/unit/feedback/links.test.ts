import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	feedbackLinkFor,
	isFeedbackToken,
	newFeedbackToken
} from '../../../src/lib/server/feedback/links.ts';
import { publicFeedbackLink } from '../../../src/lib/server/feedback/public-link.ts';
import { findFeedbackTarget } from '../../../src/lib/server/feedback/target.ts';
import { createAttendanceWorld, type AttendanceWorld } from '../attendance/fixtures.ts';

// Each session has one short, random public address, made when first needed and then kept; its
// QR code is an SVG.

describe('feedback links', () => {
	let world: AttendanceWorld;
	beforeAll(async () => {
		world = await createAttendanceWorld();
	});
	afterAll(async () => world.db.destroy());

	it('are 12 base62 characters, different every time', () => {
		const tokens = Array.from({ length: 2000 }, newFeedbackToken);
		for (const token of tokens) expect(token).toMatch(/^[0-9A-Za-z]{12}$/);
		expect(new Set(tokens).size).toBe(tokens.length);
		// Every character of the alphabet turns up: none is left out by the sampling.
		expect(new Set(tokens.join('')).size).toBe(62);
	});

	it('are made once per session and then kept', async () => {
		const first = await world.session();
		const second = await world.session();
		const a = await feedbackLinkFor(world.db, { kind: 'bell_session', id: first });
		const again = await feedbackLinkFor(world.db, { kind: 'bell_session', id: first });
		const b = await feedbackLinkFor(world.db, { kind: 'bell_session', id: second });
		expect(again).toEqual(a);
		expect(b.token).not.toBe(a.token);
		expect(await findFeedbackTarget(world.db, a.token)).toMatchObject({
			link_id: a.id,
			status: 'confirmed',
			attendance_total: null,
			answers: 0
		});
	});

	it('look up nothing for text that cannot be a token', async () => {
		for (const text of ['', 'short', 'has space here', 'دولاب-دولاب', "x' or 1=1 --"])
			expect([text, isFeedbackToken(text)]).toEqual([text, false]);
		expect(await findFeedbackTarget(world.db, 'ZZZZZZZZZZZZ')).toBeUndefined();
	});

	it('come with the full address and an SVG QR code', async () => {
		const id = await world.session();
		const link = await publicFeedbackLink(
			world.db,
			{ kind: 'bell_session', id },
			'https://bell.example.org'
		);
		expect(link.address).toMatch(/^https:\/\/bell\.example\.org\/f\/[0-9A-Za-z]{12}$/);
		expect(link.qr).toMatch(/^data:image\/svg\+xml;base64,/);
		const svg = Buffer.from(link.qr.split(',')[1]!, 'base64').toString();
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	});
});
