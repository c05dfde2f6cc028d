/*
 * err: the small set of outcome codes shared by every layer. The human detail
 * travels beside the code in a strbuf; the router maps codes to HTTP statuses
 * in one place (err_http_status) and JSON errors carry err_name().
 */
#ifndef SG_ERR_H
#define SG_ERR_H

enum err {
	E_OK = 0,
	E_INVALID,
	E_UNAUTHORIZED,
	E_FORBIDDEN,
	E_NOTFOUND,
	E_CONFLICT,
	E_TOOLARGE,
	E_UNAVAILABLE,
	E_INTERNAL,
	E_THROTTLED,
};

const char *err_name(enum err e);
int err_http_status(enum err e);

#endif
