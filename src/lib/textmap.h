/*
 * textmap: a regular file mapped read-only, with a zero byte after its end
 * (a page of nothing follows the file), as text for parsers that stop at
 * NUL: no copy of the file in the process's memory, its pages read from the
 * page cache as the parser reaches them. Used by the import (a stored
 * import file, and `salesgarden import FILE`).
 */
#ifndef SG_TEXTMAP_H
#define SG_TEXTMAP_H
#include <stddef.h>

/* maps the len bytes of fd (its size) into *map, read sequentially; 0, or
 * -1 with errno set. fd may be closed afterwards. */
int textmap_fd(int fd, size_t len, void **map);
/* the mapping of textmap_fd(fd, len, &map) let go of */
void textmap_release(void *map, size_t len);

#endif
