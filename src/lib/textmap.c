/* textmap: see textmap.h. */
#include "textmap.h"
#include <sys/mman.h>
#include <unistd.h>

static size_t mapped_size(size_t len)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	return (len / pg + 1) * pg;
}

int textmap_fd(int fd, size_t len, void **map)
{
	/* zero pages first, the file over their start: what follows the
	 * file's last byte, up to the end of the last page, reads as zero */
	size_t total = mapped_size(len);
	void *base = mmap(NULL, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return -1;
	if (len && mmap(base, len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
		munmap(base, total);
		return -1;
	}
	if (len)
		madvise(base, len, MADV_SEQUENTIAL);
	*map = base;
	return 0;
}

void textmap_release(void *map, size_t len)
{
	if (map)
		munmap(map, mapped_size(len));
}
