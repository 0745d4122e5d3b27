// The smallest answer the app gives: the benchmarks' baseline (npm run bench), measured in the
// same run as the real pages so their ratio holds on any machine.
export const GET = () => new Response('hello', { headers: { 'content-type': 'text/plain' } });
