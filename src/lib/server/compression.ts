// Pages are markup and Persian text that gzip to a fifth of their size, and adapter-node
// compresses only the files it builds, not pages: so they are compressed here, for phones on slow
// links, whether or not a proxy in front would do it.

/** The page gzipped when the browser accepts it; any other answer as it is. */
export function compressPage(request: Request, response: Response): Response {
	const isPage = response.headers.get('content-type')?.startsWith('text/html');
	const acceptsGzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	if (!response.body || !isPage || !acceptsGzip || response.headers.has('content-encoding'))
		return response;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	headers.append('vary', 'accept-encoding');
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
