import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressPage } from '../../src/lib/server/compression.ts';

const html = '<!doctype html><p>جلسه‌های زنگ پیشگیری</p>'.repeat(200);

function page(headers: Record<string, string> = {}): Response {
	const response = new Response(html, {
		status: 200,
		headers: { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(html)) }
	});
	response.headers.append('set-cookie', 'a=1; Path=/');
	response.headers.append('set-cookie', 'b=2; Path=/');
	for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
	return response;
}
const request = (acceptEncoding?: string) =>
	new Request('http://localhost/', {
		headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
	});

describe('page compression', () => {
	it('gzips a page for a browser that accepts gzip, keeping every cookie', async () => {
		const response = compressPage(request('gzip, deflate, br'), page());
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('content-length')).toBeNull();
		expect(response.headers.get('vary')).toContain('accept-encoding');
		expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		const body = Buffer.from(await response.arrayBuffer());
		expect(body.length).toBeLessThan(Buffer.byteLength(html) / 5);
		expect(gunzipSync(body).toString()).toBe(html);
	});

	it('leaves alone other answers and browsers that do not ask for gzip', async () => {
		expect(compressPage(request(), page()).headers.get('content-encoding')).toBeNull();
		const csv = page({ 'content-type': 'text/csv' });
		expect(compressPage(request('gzip'), csv)).toBe(csv);
		const done = page({ 'content-encoding': 'br' });
		expect(compressPage(request('gzip'), done)).toBe(done);
	});
});
