/* localpath: see localpath.h. */
#include "localpath.h"
#include <stddef.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* the byte at s (decoding one %XX when decode is set) and how many chars it took */
static int next_byte(const char *s, int decode, size_t *used)
{
	if (decode && s[0] == '%' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
		*used = 3;
		return hexval(s[1]) * 16 + hexval(s[2]);
	}
	*used = 1;
	return (unsigned char)s[0];
}

static int is_local(const char *p, int decode)
{
	size_t used;
	int c = next_byte(p, decode, &used);
	if (c != '/')
		return 0;
	size_t i = used;
	int second = next_byte(p + i, decode, &used);
	if (second == '/' || second == '\\')
		return 0;
	while (p[i]) {
		c = next_byte(p + i, decode, &used);
		if (c < 0x20 || c == 0x7f || c == '\\')
			return 0;
		i += used;
	}
	return 1;
}

const char *local_path(const char *p)
{
	if (!p || !is_local(p, 0) || !is_local(p, 1))
		return NULL;
	return p;
}
