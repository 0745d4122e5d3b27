// Addresses of other sites written the ways a check on their first characters can miss: a
// browser reads each as another host. The sign-in page's `next` must lead to none of them (the
// unit test of safeNextPath and the browser fuzz of /login?next= both use this list).

export const offSiteAddresses = [
	'//evil.test',
	'///evil.test',
	'https://evil.test',
	'http:evil.test',
	'/\\evil.test',
	'\\\\evil.test',
	'/\\/evil.test',
	'/\t/evil.test',
	'/\n/evil.test',
	' //evil.test',
	'/.//evil.test',
	'/..//evil.test',
	'/%2e//evil.test',
	'//evil.test@localhost',
	'javascript:alert(1)'
];
