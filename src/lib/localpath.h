/*
 * localpath: the one check for a "next" or "return" address that a form or
 * a query hands back to us for a redirect. Only a path on this site may
 * pass: the browser must read it as relative to our host, and it must not
 * break the Location header. Every page that redirects to an address it was
 * given uses this (login, language switch, agenda, conversation).
 */
#ifndef SG_LOCALPATH_H
#define SG_LOCALPATH_H

/*
 * p as given (already percent-decoded once, as forms and queries are).
 * Returns p when it is a local path, NULL otherwise. Refused: anything not
 * starting with exactly one '/' ("//host" and "/\host" are other hosts to a
 * browser, which reads '\' as '/'); a backslash, a control character (tab,
 * CR, LF — browsers drop tabs and newlines, so "/\t/host" is "//host") or
 * DEL anywhere; and the same once more percent-decoded ("/%2F/host",
 * "/%5Chost", "/%09/host"), in case something on the way decodes again.
 */
const char *local_path(const char *p);

#endif
